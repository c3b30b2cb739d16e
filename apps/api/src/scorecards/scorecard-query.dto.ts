import { BusinessDate, OptionalInstant } from '../common/dto-fields';
import { ConsistentReadQuery } from '../common/consistent-read.dto';

/** A scorecard period: business dates, both ends included, and the record-time cut. */
export class ScorecardQueryDto extends ConsistentReadQuery {
  @BusinessDate()
  from: string;

  @BusinessDate()
  to: string;

  /** Count only what was recorded at or before this instant; default now. */
  @OptionalInstant()
  knownAt?: string;
}
