import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Stable codes of the actions the audit log records; clients filter by them. Add a code here
 * when a new security-relevant action (an export, a webhook change) starts calling `record`.
 */
export const AUDIT_ACTIONS = [
  'auth.login.succeeded',
  'auth.login.failed',
  'user.created',
  'user.role-changed',
  'user.disabled',
  'user.enabled',
  'user.password-reset',
  'user.password-changed',
  'user.email-changed',
  'admin.rebuild-started',
  'display-token.created',
  'display-token.revoked',
  'settings.scorecard-weights-changed',
  'report.published',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One action to record. Never put a password, a hash or a token into any field. */
export interface AuditEntry {
  action: AuditAction;
  /** Who acted; none for the service itself and for a login whose user is not known. */
  actor?: { username: string; role: string };
  /** What was acted on, e.g. the username of a user. */
  target?: string;
  clientAddress?: string;
  correlationId?: string;
  details?: Record<string, unknown>;
}

export interface AuditRecord {
  id: string;
  occurredAt: string;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  target: string | null;
  clientAddress: string | null;
  correlationId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditPage {
  items: AuditRecord[];
  total: number;
  page: number;
  pageSize: number;
}

const INSERT = `INSERT INTO audit_log (actor_username, actor_role, action, target, client_address, correlation_id, details)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;

/** The append-only record of security-relevant actions (the table refuses UPDATE and DELETE). */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger('AuditLog');

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records an action that has already happened (a login, a rebuild started). A failed write is
   * logged as an error but not thrown: the database being unable to take the row must not lock
   * every user out.
   */
  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.dataSource.query(INSERT, parameters(entry));
    } catch (error) {
      this.logger.error(
        `AUDIT WRITE FAILED for ${entry.action} (target ${entry.target ?? '-'}, correlationId ${entry.correlationId ?? '-'}): ${(error as Error).message}`,
      );
    }
  }

  /** Records an action within the transaction that makes the change: both are kept, or neither. */
  async recordIn(db: EntityManager, entry: AuditEntry): Promise<void> {
    await db.query(INSERT, parameters(entry));
  }

  /** Newest first; `from` inclusive, `to` exclusive; `actor` is a username in any letter case. */
  async list(filter: AuditFilter): Promise<AuditPage> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      values.push(value);
      conditions.push(sql.replace('?', `$${values.length}`));
    };
    if (filter.action !== undefined) where('action = ?', filter.action);
    if (filter.actor !== undefined) where('lower(actor_username) = lower(?)', filter.actor);
    if (filter.from !== undefined) where('occurred_at >= ?', filter.from);
    if (filter.to !== undefined) where('occurred_at < ?', filter.to);
    const clause = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log ${clause}`, values);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id::text, occurred_at, actor_username, actor_role, action, target, client_address, correlation_id, details
       FROM audit_log ${clause} ORDER BY audit_log.id DESC LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { items: rows.map(toRecord), total, page: filter.page, pageSize: filter.pageSize };
  }
}

function parameters(entry: AuditEntry): unknown[] {
  return [
    entry.actor?.username ?? null,
    entry.actor?.role ?? null,
    entry.action,
    entry.target ?? null,
    entry.clientAddress ?? null,
    entry.correlationId ?? null,
    JSON.stringify(entry.details ?? {}),
  ];
}

function toRecord(row: Record<string, unknown>): AuditRecord {
  return {
    id: row.id as string,
    occurredAt: (row.occurred_at as Date).toISOString(),
    actorUsername: row.actor_username as string | null,
    actorRole: row.actor_role as string | null,
    action: row.action as string,
    target: row.target as string | null,
    clientAddress: row.client_address as string | null,
    correlationId: row.correlation_id as string | null,
    details: row.details as Record<string, unknown>,
  };
}
