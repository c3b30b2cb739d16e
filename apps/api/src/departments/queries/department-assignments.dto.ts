import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { BusinessDate } from '../../common/dto-fields';
import { PageQuery } from '../../projection/page-query.dto';

const booleanParam = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class DepartmentAssignmentsQueryDto extends PageQuery {
  /** Only done (`true`) or only open (`false`) milestones. */
  @IsOptional()
  @Transform(booleanParam)
  @IsBoolean()
  done?: boolean;

  /** Only overdue (`true`) or only not overdue (`false`) milestones. */
  @IsOptional()
  @Transform(booleanParam)
  @IsBoolean()
  overdue?: boolean;

  /** The day of each row's warning ladder (`warning`); default today. */
  @IsOptional()
  @BusinessDate()
  asOf?: string;
}
