import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { parseStreamId } from '@luodi/domain';
import { canonicalJson, isConnectionError } from '@luodi/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PG_POOL } from '../database/database.module';

/**
 * A claim still pending after this long was left by a process that died (a request takes
 * milliseconds); younger ones may still be running on another instance and are left alone.
 */
export const ABANDONED_AFTER_SECONDS = 60;
const MAINTENANCE_EVERY_MS = 60_000;
/** How long settling a claim after an outage keeps waiting for the database to answer again. */
const OUTAGE_SETTLE_FOR_MS = 120_000;

/**
 * The upkeep of idempotency_keys: the secret request bodies are hashed with, expiry, and settling
 * claims a crash left pending. Settling looks for the events the command wrote, which carry the
 * key and the user in their metadata: found, the row is completed with the answer the route would
 * have given (`{id, version, position}`), so a retry gets it; none, the row is deleted, so a
 * retry runs afresh — the command wrote nothing. Only the PostgreSQL event store can be searched
 * by metadata; with KurrentDB such claims expire with the TTL instead.
 */
@Injectable()
export class IdempotencyKeysService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private key?: Promise<Buffer>;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlHours(): number {
    return this.config.idempotencyTtlHours;
  }

  /** HMAC-SHA-256 under the server's own key: a stolen table does not reveal the bodies (passwords). */
  async hashBody(body: unknown): Promise<string> {
    return createHmac('sha256', await this.hmacKey())
      .update(canonicalJson(body ?? null))
      .digest('hex');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.maintain();
    this.timer = setInterval(
      () => void this.maintain().catch((error) => this.logger.warn(`maintenance failed: ${(error as Error).message}`)),
      MAINTENANCE_EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Settles every abandoned claim, then forgets expired keys. */
  async maintain(): Promise<void> {
    await this.settleAbandoned();
    await this.pool.query('DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)', [
      this.ttlHours,
    ]);
  }

  /**
   * Settles the claim of a request whose database connection broke (a failover, a restart): the
   * request is over, so its claim need not wait the minute of ABANDONED_AFTER_SECONDS, and the
   * client's retry with the same key gets the stored answer or runs afresh within seconds. In
   * the background, once the database answers again, and only after every append that was
   * already running then has finished: one of them may be this request's own, still committing
   * on a server that lost only the connection. Needs the PostgreSQL event store, like settling.
   */
  settleAfterOutage(claim: { userId: string; key: string }): void {
    if (this.config.eventStore !== 'postgres') return;
    void (async () => {
      const deadline = Date.now() + OUTAGE_SETTLE_FOR_MS;
      while (Date.now() < deadline) {
        try {
          const [{ since }] = (await this.pool.query<{ since: Date }>('SELECT statement_timestamp() AS since')).rows;
          // Sessions of the service's own role show their statements (pg_stat_activity).
          while (
            (
              await this.pool.query<{ running: boolean }>(
                `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND state <> 'idle'
                                   AND query LIKE '%append_to_stream(%' AND query_start < $1) AS running`,
                [since],
              )
            ).rows[0].running
          ) {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          await this.settleAbandoned(claim, 0);
          return;
        } catch (error) {
          if (!isConnectionError(error))
            return void this.logger.warn(`could not settle a claim after an outage: ${(error as Error).message}`);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    })();
  }

  /** Settles the claims (of one user's key, or all) pending for longer than `olderThanSeconds`; how many it settled. */
  async settleAbandoned(
    only?: { userId: string; key: string },
    olderThanSeconds = ABANDONED_AFTER_SECONDS,
  ): Promise<number> {
    if (this.config.eventStore !== 'postgres') return 0;
    const { rows } = await this.pool.query<{ user_id: string; key: string; answer_status: number; created_at: Date }>(
      `SELECT user_id, key, answer_status, created_at FROM idempotency_keys
        WHERE status IS NULL AND created_at <= now() - make_interval(secs => $1)
          AND ($2::text IS NULL OR (user_id = $2 AND key = $3))`,
      [olderThanSeconds, only?.userId ?? null, only?.key ?? null],
    );
    for (const row of rows) {
      // The command's last event: the stream's version and the position the answer would carry.
      // Only events after the claim count: an expired, reused key may label older ones.
      const { rows: events } = await this.pool.query<{
        stream_id: string;
        stream_position: number;
        global_position: string;
      }>(
        `SELECT stream_id, stream_position, global_position FROM events
          WHERE metadata->>'idempotencyKey' = $2 AND metadata->'actor'->>'userId' = $1 AND recorded_at >= $3
          ORDER BY global_position DESC LIMIT 1`,
        [row.user_id, row.key, row.created_at],
      );
      const event = events[0];
      if (event === undefined) {
        await this.pool.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status IS NULL', [
          row.user_id,
          row.key,
        ]);
        continue;
      }
      // The answer names the aggregate whose stream took the event.
      const answer = {
        id: parseStreamId(event.stream_id)?.id ?? event.stream_id,
        version: event.stream_position,
        position: Number(event.global_position),
      };
      await this.pool.query(
        'UPDATE idempotency_keys SET status = answer_status, response_body = $3 WHERE user_id = $1 AND key = $2 AND status IS NULL',
        [row.user_id, row.key, JSON.stringify(answer)],
      );
    }
    if (rows.length > 0)
      this.logger.warn(`settled ${rows.length} Idempotency-Key claim(s) left pending by a crash or an outage`);
    return rows.length;
  }

  private hmacKey(): Promise<Buffer> {
    // Written once by whichever instance starts first; the others read that one.
    this.key ??= (async () => {
      await this.pool.query(
        'INSERT INTO idempotency_settings (id, hmac_key) VALUES (true, $1) ON CONFLICT (id) DO NOTHING',
        [randomBytes(32)],
      );
      const { rows } = await this.pool.query<{ hmac_key: Buffer }>('SELECT hmac_key FROM idempotency_settings');
      return rows[0].hmac_key;
    })().catch((error) => {
      this.key = undefined; // the database may be back next time
      throw error;
    });
    return this.key;
  }
}
