import { ClientConfig, Pool } from 'pg';
import { EventIdReusedError, WrongExpectedVersionError } from '../event-store.errors';
import {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadStreamResult,
  RecordedEvent,
} from '../event-store.port';
import { Upcaster, upcasterChain } from '../upcaster';
import { AppendNotifier } from './append-notifier';
import { PgChannelListener } from './pg-channel-listener';
import { isConnectionError } from './reconnecting-pool';

export const EVENTS_CHANNEL = 'luodi_events';
const START = { xid: '0', position: '0' };
/** How long a read is retried after its connection broke (a failover takes seconds). */
const READ_RETRY_MS = 15_000;

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
  private readonly notifier: AppendNotifier;

  constructor(
    private readonly pool: Pool,
    options: { upcasters?: readonly Upcaster[] } = {},
  ) {
    this.upcast = upcasterChain(options.upcasters ?? []);
    this.listener = new PgChannelListener(connectionOptions(pool), EVENTS_CHANNEL);
    this.notifier = new AppendNotifier(connectionOptions(pool), EVENTS_CHANNEL);
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedVersion?: ExpectedVersion } = {},
  ): Promise<AppendResult> {
    const expectedVersion = options.expectedVersion ?? 'any';
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    if (new Set(events.map((e) => e.eventId)).size !== events.length)
      throw new Error('appendToStream got the same event id twice');
    // One statement, so one round trip and its own transaction (see the append_to_stream migration);
    // prepared once per connection (see READ_STREAM).
    const { rows } = await this.pool.query<{
      status: 'appended' | 'retried' | 'wrong-version' | 'id-reused';
      version: number;
      last_position: string;
      reused_id: string;
    }>({
      name: 'luodi_append',
      text: 'SELECT * FROM append_to_stream($1, $2, $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])',
      values: [
        streamId,
        expectedVersion === 'any' ? null : expectedVersion,
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    });
    const { status, version, last_position: position, reused_id: reusedId } = rows[0];
    if (status === 'wrong-version') throw new WrongExpectedVersionError(streamId, expectedVersion, version);
    if (status === 'id-reused') throw new EventIdReusedError(streamId, reusedId);
    if (status === 'appended') {
      // This process's own readers (the inline projector) need not wait for the round trip.
      this.listener.wakeAll();
      this.notifier.notify(streamId);
    }
    return { version, position: Number(position) };
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const events = await this.readEvents('luodi_read_stream', READ_STREAM, [streamId]);
    return { version: events.length ? events[events.length - 1].streamPosition : 0, events };
  }

  async readAll(checkpoint: string | null, limit: number): Promise<RecordedEvent[]> {
    const after = parseCheckpoint(checkpoint);
    return this.readEvents(undefined, READ_ALL, [after.xid, after.position, limit]);
  }

  async isAtOrBefore(position: number, checkpoint: string | null): Promise<boolean> {
    const cp = parseCheckpoint(checkpoint);
    // A position no event holds (0, a rolled-back gap, beyond the head) is passed once every
    // event before it is projected; otherwise such a reader would wait for an event never written.
    const { rows } = await this.read(() =>
      this.pool.query<{ passed: boolean }>(
        `SELECT coalesce(
                (SELECT (transaction_id, global_position) <= ($2::xid8, $3::bigint) FROM events WHERE global_position = $1),
                NOT EXISTS (SELECT 1 FROM events WHERE (transaction_id, global_position) > ($2::xid8, $3::bigint) AND global_position < $1)
              ) AS passed`,
        [position, cp.xid, cp.position],
      ),
    );
    return rows[0].passed;
  }

  /**
   * A read whose connection broke is simply asked again (it changes nothing); an append is not
   * (it may have committed: the caller must find out, see ReconnectingPool).
   */
  private async read<R>(query: () => Promise<{ rows: R[] }>): Promise<{ rows: R[] }> {
    const deadline = Date.now() + READ_RETRY_MS;
    for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
      try {
        return await query();
      } catch (error) {
        if (!isConnectionError(error) || Date.now() + delay > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * Events as arrays, not objects: pg builds each row object from a null-prototype template,
   * which makes every row a slow dictionary object; the arrays are read by column index instead.
   */
  private async readEvents(name: string | undefined, text: string, values: unknown[]): Promise<RecordedEvent[]> {
    const { rows } = await this.read(() => this.pool.query<EventRow>({ name, text, values, rowMode: 'array' }));
    return rows.map((r) => this.toRecorded(r));
  }

  waitForEvents(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return this.listener.next(timeoutMs, signal).promise;
  }

  async close(): Promise<void> {
    await Promise.all([this.listener.close(), this.notifier.close()]);
  }

  private toRecorded(row: EventRow): RecordedEvent {
    const [globalPosition, transactionId, streamId, streamPosition, eventId, type, schemaVersion, data, metadata, at] =
      row;
    return this.upcast({
      streamId,
      streamPosition,
      globalPosition: Number(globalPosition),
      checkpoint: `${transactionId}:${globalPosition}`,
      eventId,
      type,
      schemaVersion,
      data,
      metadata,
      recordedAt: at.toISOString(),
    });
  }
}

// The output column transaction_id is text: an ORDER BY must name events.transaction_id (xid8),
// or it sorts as text ("10" before "9") and a reader skips events.
const SELECT_EVENTS = `SELECT global_position, transaction_id::text, stream_id, stream_position, event_id, type,
                              schema_version, data, metadata, recorded_at FROM events`;

// Every command runs the append and the stream read: named, each connection parses and plans them
// once. readAll is not: a generic plan cannot see its LIMIT, and the projector reads it rarely.
const READ_STREAM = `${SELECT_EVENTS} WHERE stream_id = $1 ORDER BY stream_position`;
const READ_ALL = `${SELECT_EVENTS}
  WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY events.transaction_id, global_position
  LIMIT $3`;

/** A row of SELECT_EVENTS, its columns in that order. */
type EventRow = [
  globalPosition: string,
  transactionId: string,
  streamId: string,
  streamPosition: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: RecordedEvent['data'],
  metadata: RecordedEvent['metadata'],
  recordedAt: Date,
];

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
