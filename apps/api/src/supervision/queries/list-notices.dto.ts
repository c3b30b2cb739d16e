import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { NOTICE_STATUSES, NoticeStatus } from '@luodi/read-models';
import { PageQuery } from '../../projection/page-query.dto';

export class ListNoticesQueryDto extends PageQuery {
  /** A department code (department users: always their own). */
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'department must be a department code' })
  department?: string;

  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES)
  status?: NoticeStatus;
}
