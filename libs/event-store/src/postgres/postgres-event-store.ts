import { ClientConfig, Pool, PoolClient } from 'pg';
import { canonicalJson } from '../canonical-json';
import { EventIdReusedError, WrongExpectedVersionError } from '../event-store.errors';
import { AppendResult, EventStore, ExpectedVersion, NewEvent, ReadStreamResult, RecordedEvent } from '../event-store.port';
import { Upcaster, upcasterChain } from '../upcaster';
import { PgChannelListener } from './pg-channel-listener';

export const EVENTS_CHANNEL = 'luodi_events';
const UNIQUE_VIOLATION = '23505';
const START = { xid: '0', position: '0' };

/**
 * The default EventStore: one append-only `events` table in PostgreSQL.
 *
 * Global order is (transaction_id, global_position), read only below the oldest transaction
 * still running (`pg_snapshot_xmin`). A bigserial is handed out at insert time but becomes
 * visible at commit time, so a reader that polled `global_position > checkpoint` could pass a
 * lower position whose transaction commits later and skip it forever. Below the snapshot's
 * xmin every transaction has finished, so nothing can still appear there; ordering by the
 * transaction id first keeps the order stable once read.
 */
export class PostgresEventStore implements EventStore {
  private readonly upcast: ReturnType<typeof upcasterChain>;
  private readonly listener: PgChannelListener;

  constructor(
    private readonly pool: Pool,
    options: { upcasters?: readonly Upcaster[] } = {},
  ) {
    this.upcast = upcasterChain(options.upcasters ?? []);
    this.listener = new PgChannelListener(connectionOptions(pool), EVENTS_CHANNEL);
  }

  async appendToStream(streamId: string, events: NewEvent[], options: { expectedVersion?: ExpectedVersion } = {}): Promise<AppendResult> {
    const expectedVersion = options.expectedVersion ?? 'any';
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    if (new Set(events.map((e) => e.eventId)).size !== events.length) throw new Error('appendToStream got the same event id twice');
    try {
      return await this.transaction((client) => this.tryAppend(client, streamId, events, expectedVersion));
    } catch (error) {
      // Appends to one stream are serialized by a lock, so the unique index is a safety net only.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new WrongExpectedVersionError(streamId, expectedVersion, await this.streamVersion(streamId));
      }
      throw error;
    }
  }

  private async tryAppend(client: PoolClient, streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    // Writers of one stream take turns, so a loser sees the winner's version (no failed insert,
    // no retries for 'any'). The lock is taken before any write, so waiting never holds back
    // the readers' transaction fence.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
    const retried = await this.alreadyAppended(client, streamId, events);
    if (retried) return retried;

    const version = await this.streamVersion(streamId, client);
    if (expectedVersion !== 'any' && expectedVersion !== version) {
      throw new WrongExpectedVersionError(streamId, expectedVersion, version);
    }
    const { rows } = await client.query<{ global_position: string }>(
      `INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
       SELECT $1, $2::int + e.ord, e.event_id, e.type, e.schema_version, e.data, e.metadata
         FROM unnest($3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])
              WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, ord)
        ORDER BY e.ord
       RETURNING global_position`,
      [
        streamId,
        version,
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    );
    await client.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, streamId]);
    return { version: version + events.length, position: Math.max(...rows.map((r) => Number(r.global_position))) };
  }

  /** An idempotent retry: every event id is already in the stream with the same content. */
  private async alreadyAppended(client: PoolClient, streamId: string, events: NewEvent[]): Promise<AppendResult | undefined> {
    const { rows } = await client.query(
      `SELECT event_id, type, schema_version, data, stream_position, global_position
         FROM events WHERE stream_id = $1 AND event_id = ANY($2::uuid[])`,
      [streamId, events.map((e) => e.eventId)],
    );
    if (rows.length === 0) return undefined;
    const stored = new Map(rows.map((r) => [r.event_id as string, r]));
    for (const event of events) {
      const row = stored.get(event.eventId);
      const same = row && row.type === event.type && row.schema_version === event.schemaVersion && canonicalJson(row.data) === canonicalJson(event.data);
      if (!same) throw new EventIdReusedError(streamId, event.eventId);
    }
    return {
      version: Math.max(...rows.map((r) => r.stream_position as number)),
      position: Math.max(...rows.map((r) => Number(r.global_position))),
    };
  }

  private async streamVersion(streamId: string, client: Pick<Pool, 'query'> = this.pool): Promise<number> {
    const { rows } = await client.query<{ version: number }>(
      'SELECT coalesce(max(stream_position), 0)::int AS version FROM events WHERE stream_id = $1',
      [streamId],
    );
    return rows[0].version;
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const { rows } = await this.pool.query(`${SELECT_EVENTS} WHERE stream_id = $1 ORDER BY stream_position`, [streamId]);
    const events = rows.map((r) => this.toRecorded(r));
    return { version: events.length ? events[events.length - 1].streamPosition : 0, events };
  }

  async readAll(checkpoint: string | null, limit: number): Promise<RecordedEvent[]> {
    const after = parseCheckpoint(checkpoint);
    const { rows } = await this.pool.query(
      `${SELECT_EVENTS}
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY events.transaction_id, global_position
        LIMIT $3`,
      [after.xid, after.position, limit],
    );
    return rows.map((r) => this.toRecorded(r));
  }

  async isAtOrBefore(position: number, checkpoint: string | null): Promise<boolean> {
    const cp = parseCheckpoint(checkpoint);
    const { rows } = await this.pool.query<{ passed: boolean }>(
      `SELECT (transaction_id, global_position) <= ($2::xid8, $3::bigint) AS passed FROM events WHERE global_position = $1`,
      [position, cp.xid, cp.position],
    );
    return rows[0]?.passed ?? false;
  }

  waitForEvents(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return this.listener.next(timeoutMs, signal).promise;
  }

  close(): Promise<void> {
    return this.listener.close();
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection lost while checked out also emits 'error' on the client, which the pool only
    // listens for while the client is idle: unheard, it would crash the process. The query in
    // flight fails with the same error, so here it is only noted.
    let lost: Error | undefined;
    const onError = (error: Error) => (lost = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      client.release(lost);
    }
  }

  private toRecorded(row: EventRow): RecordedEvent {
    return this.upcast({
      streamId: row.stream_id,
      streamPosition: row.stream_position,
      globalPosition: Number(row.global_position),
      checkpoint: `${row.transaction_id}:${row.global_position}`,
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      data: row.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at.toISOString(),
    });
  }
}

// The output column transaction_id is text: an ORDER BY must name events.transaction_id (xid8),
// or it sorts as text ("10" before "9") and a reader skips events.
const SELECT_EVENTS = `SELECT global_position, transaction_id::text, stream_id, stream_position, event_id, type,
                              schema_version, data, metadata, recorded_at FROM events`;

interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_position: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: RecordedEvent['data'];
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
}

/** Checkpoints are "<transaction id>:<global position>" of the last event read. */
function parseCheckpoint(checkpoint: string | null): { xid: string; position: string } {
  if (checkpoint === null) return START;
  const match = /^(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`Not a PostgreSQL event store checkpoint: ${checkpoint}`);
  return { xid: match[1], position: match[2] };
}

function connectionOptions(pool: Pool) {
  return (pool as unknown as { options: ClientConfig }).options;
}
