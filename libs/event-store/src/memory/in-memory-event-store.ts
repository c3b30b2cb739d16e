import { matchRetry } from '../append-retry';
import { WrongExpectedVersionError } from '../event-store.errors';
import {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadStreamResult,
  RecordedEvent,
} from '../event-store.port';
import { Upcaster, upcasterChain } from '../upcaster';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHECKPOINT = /^memory:(\d+)$/;

/**
 * The events of one in-memory store, shared by every InMemoryEventStore opened over it: a second
 * store over the same log is what a restarted process would see.
 */
export class InMemoryEventLog {
  /** In global order; the event at index i has global position i + 1. */
  readonly events: RecordedEvent[] = [];
  readonly streams = new Map<string, RecordedEvent[]>();
  /** One per open store: wakes that store's waiters after an append through any store. */
  readonly listeners = new Set<() => void>();
}

/**
 * The EventStore port in memory, for unit tests of handlers and projections without PostgreSQL.
 * It passes the same contract suite as the real adapters (in-memory-event-store.spec.ts).
 *
 * An append runs to completion without awaiting anything, so appends never interleave: positions
 * have no gaps and become visible in position order, which is what the PostgreSQL adapter's
 * transaction fence achieves for readers. Events are stored as JSON copies, as a database would
 * store them, so a caller that mutates its objects afterwards cannot change history.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: InMemoryEventLog;
  private readonly upcast: ReturnType<typeof upcasterChain>;
  private readonly waiters = new Set<() => void>();
  private readonly wakeWaiters = () => [...this.waiters].forEach((wake) => wake());
  private closed = false;

  constructor(options: { log?: InMemoryEventLog; upcasters?: readonly Upcaster[] } = {}) {
    this.log = options.log ?? new InMemoryEventLog();
    this.upcast = upcasterChain(options.upcasters ?? []);
    this.log.listeners.add(this.wakeWaiters);
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedVersion?: ExpectedVersion } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expectedVersion = options.expectedVersion ?? 'any';
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    // PostgreSQL stores event ids as uuid and schema versions as positive integers.
    for (const e of events) {
      if (!UUID.test(e.eventId)) throw new Error(`Event id ${e.eventId} is not a UUID`);
      if (!Number.isSafeInteger(e.schemaVersion) || e.schemaVersion < 1)
        throw new Error(`Event ${e.eventId} has schema version ${e.schemaVersion}, not a positive integer`);
    }
    if (new Set(events.map((e) => e.eventId.toLowerCase())).size !== events.length)
      throw new Error('appendToStream got the same event id twice');

    const stream = this.log.streams.get(streamId) ?? [];
    const retried = matchRetry(streamId, events, stream);
    if (retried) return retried;
    const version = stream.length;
    if (expectedVersion !== 'any' && expectedVersion !== version)
      throw new WrongExpectedVersionError(streamId, expectedVersion, version);

    const recordedAt = new Date().toISOString(); // one transaction, one time, as PostgreSQL's now()
    for (const [i, e] of events.entries()) {
      const globalPosition = this.log.events.length + 1;
      const recorded: RecordedEvent = {
        streamId,
        streamPosition: version + i + 1,
        globalPosition,
        checkpoint: `memory:${globalPosition}`,
        eventId: e.eventId.toLowerCase(),
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: jsonCopy(e.data),
        metadata: jsonCopy(e.metadata),
        recordedAt,
      };
      this.log.events.push(recorded);
      stream.push(recorded);
    }
    this.log.streams.set(streamId, stream);
    this.log.listeners.forEach((wake) => wake());
    return { version: version + events.length, position: this.log.events.length };
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    this.assertOpen();
    const events = (this.log.streams.get(streamId) ?? []).map((e) => this.read(e));
    return { version: events.length, events };
  }

  async readAll(checkpoint: string | null, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`readAll needs a positive limit, got ${limit}`);
    const after = parseCheckpoint(checkpoint);
    return this.log.events.slice(after, after + limit).map((e) => this.read(e));
  }

  async isAtOrBefore(position: number, checkpoint: string | null): Promise<boolean> {
    this.assertOpen();
    const after = parseCheckpoint(checkpoint);
    // Positions run 1..head without gaps, so one beyond the head is passed once the head is.
    return position <= after || after >= this.log.events.length;
  }

  waitForEvents(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, timeoutMs));
      this.waiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
      if (signal?.aborted || this.closed) wake();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.log.listeners.delete(this.wakeWaiters);
    this.wakeWaiters();
  }

  private read(event: RecordedEvent): RecordedEvent {
    return this.upcast(structuredClone(event));
  }

  // Using a store after close is a bug (in the app its pool or client is gone by then): fail loudly.
  private assertOpen(): void {
    if (this.closed) throw new Error('The in-memory event store is closed');
  }
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Checkpoints are "memory:<global position>" of the last event read. */
function parseCheckpoint(checkpoint: string | null): number {
  if (checkpoint === null) return 0;
  const match = CHECKPOINT.exec(checkpoint);
  if (!match) throw new Error(`Not an in-memory event store checkpoint: ${checkpoint}`);
  return Number(match[1]);
}
