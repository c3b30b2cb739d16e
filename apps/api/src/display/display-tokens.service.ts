import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { Actor } from '../auth/actor';
import { CommandContext } from '../common/command-context';
import { ApiError } from '../common/problem';

/** Display tokens are told from access tokens (JWTs, which hold dots) by this prefix. */
export const DISPLAY_TOKEN_PREFIX = 'ldd_';

export interface DisplayTokenView {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

interface DisplayTokenRow {
  id: string;
  name: string;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
// The last use is written at most this often per token: a wall refreshes every minute.
const LAST_USED_EVERY_MS = 5 * 60_000;

/**
 * Wall screens (挂图作战) read the dashboards with a display token an admin issues and can
 * revoke: it never expires by itself (a wall must not fall back to the login page), reads only
 * the dashboard routes (DISPLAY_ROUTES) and writes nothing. Only its SHA-256 is stored; the
 * token is shown once. 256 random bits: no guessing, and no need for a slow hash.
 */
@Injectable()
export class DisplayTokens {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async create(name: string, context: CommandContext): Promise<DisplayTokenView & { token: string }> {
    const token = DISPLAY_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const id = randomUUID();
    const row = await this.dataSource.transaction(async (db) => {
      const [inserted]: DisplayTokenRow[] = await db.query(
        `INSERT INTO display_tokens (id, name, token_sha256, created_at, created_by)
         VALUES ($1, $2, $3, now(), $4) RETURNING *`,
        [id, name, sha256(token), context.actor.username],
      );
      await this.audit.recordIn(db, this.auditEntry('display-token.created', name, context, id));
      return inserted;
    });
    return { ...viewOf(row), token };
  }

  async list(): Promise<DisplayTokenView[]> {
    const rows: DisplayTokenRow[] = await this.dataSource.query(
      'SELECT * FROM display_tokens ORDER BY revoked_at IS NOT NULL, created_at DESC, id',
    );
    return rows.map(viewOf);
  }

  async revoke(id: string, context: CommandContext): Promise<DisplayTokenView> {
    return this.dataSource.transaction(async (db) => {
      const [row]: DisplayTokenRow[] = await db.query('SELECT * FROM display_tokens WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw new ApiError('DISPLAY_TOKEN_NOT_FOUND', `There is no display token ${id}.`);
      if (row.revoked_at)
        throw new ApiError('DISPLAY_TOKEN_REVOKED', `The display token "${row.name}" is already revoked.`);
      const [revoked]: DisplayTokenRow[] = await db.query(
        // As a SELECT, so the driver answers with the rows (an UPDATE answers [rows, count]).
        'WITH revoked AS (UPDATE display_tokens SET revoked_at = now(), revoked_by = $2 WHERE id = $1 RETURNING *) SELECT * FROM revoked',
        [id, context.actor.username],
      );
      await this.audit.recordIn(db, this.auditEntry('display-token.revoked', row.name, context, id));
      return viewOf(revoked);
    });
  }

  /** The wall's actor, or null for an unknown or revoked token (checked on every request: revocation is immediate). */
  async authenticate(token: string): Promise<Actor | null> {
    const [row]: DisplayTokenRow[] = await this.dataSource.query(
      'SELECT * FROM display_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL',
      [sha256(token)],
    );
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_EVERY_MS) {
      await this.dataSource.query('UPDATE display_tokens SET last_used_at = now() WHERE id = $1', [row.id]);
    }
    return { userId: `display:${row.id}`, username: row.name, role: 'leader', display: true };
  }

  private auditEntry(
    action: 'display-token.created' | 'display-token.revoked',
    name: string,
    context: CommandContext,
    id: string,
  ) {
    return {
      action,
      actor: { username: context.actor.username, role: context.actor.role },
      target: name,
      clientAddress: context.clientAddress,
      correlationId: context.correlationId,
      details: { id },
    };
  }
}

function viewOf(row: DisplayTokenRow): DisplayTokenView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedBy: row.revoked_by,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
