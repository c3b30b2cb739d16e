import { OptionalText } from '../../common/dto-fields';
import { PageQuery } from '../../projection/page-query.dto';

export class ListEnterprisesQueryDto extends PageQuery {
  /** Any part of the name or the credit code. */
  @OptionalText(100)
  q?: string;
}
