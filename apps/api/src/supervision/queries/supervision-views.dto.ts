import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { BusinessDate } from '../../common/dto-fields';
import { ConsistentReadQuery } from '../../common/consistent-read.dto';
import { PageQuery } from '../../projection/page-query.dto';

export class LadderQueryDto extends ConsistentReadQuery {
  /** The ladder as it stood on this day (CST); default today. */
  @ApiPropertyOptional({ description: 'YYYY-MM-DD; default today' })
  @IsOptional()
  @BusinessDate()
  asOf?: string;
}

export class SupervisionDashboardQueryDto extends LadderQueryDto {
  /** One department's milestones (department users: always their own). */
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'department must be a department code' })
  department?: string;
}

export class OverdueMilestonesQueryDto extends PageQuery {
  /** One department's milestones (department users: always their own). */
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'department must be a department code' })
  department?: string;
}
