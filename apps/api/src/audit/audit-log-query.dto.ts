import { IsIn, IsOptional } from 'class-validator';
import { OptionalInstant, OptionalText } from '../common/dto-fields';
import { PageQuery } from '../projection/page-query.dto';
import { AUDIT_ACTIONS, AuditAction } from './audit-log.service';

/** `GET /api/audit-log` filters; all optional. */
export class AuditLogQuery extends PageQuery {
  /** One action code, e.g. `auth.login.failed`. */
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `action must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  /** The username of who acted, in any letter case. */
  @OptionalText(100)
  actor?: string;

  /** From this instant on (inclusive), ISO 8601 with an offset. */
  @OptionalInstant()
  from?: string;

  /** Before this instant (exclusive), ISO 8601 with an offset. */
  @OptionalInstant()
  to?: string;
}
