import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '../projection/page-query.dto';

const booleanParam = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class NotificationsQueryDto extends PageQuery {
  /** Only unread (`true`) or only read (`false`) notifications; both if absent. */
  @IsOptional()
  @Transform(booleanParam)
  @IsBoolean()
  unread?: boolean;
}
