import { BACKWARDS, END, KurrentDBClient, START, streamNameFilter } from '@kurrent/kurrentdb-client';
import type {
  AllStreamSubscription,
  AppendResult as KurrentAppendResult,
  Filter,
  ReadPosition,
} from '@kurrent/kurrentdb-client';
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
import {
  comparePositions,
  fromKurrentRecord,
  globalPositionOf,
  isPositionAtOrBefore,
  isStreamNotFound,
  parseCheckpoint,
  revisionToVersion,
  streamNameRegex,
  toKurrentEvent,
  toPortError,
  toStreamState,
} from './kurrentdb-mapping';

export interface KurrentDbEventStoreOptions {
  upcasters?: readonly Upcaster[];
  /** Streams that readAll and waitForEvents see, by name prefix (default: Luodi's aggregates). */
  streamPrefixes?: readonly string[];
}

/** How often an append with expectedVersion 'any' re-reads and tries again after losing a race. */
const MAX_ANY_ATTEMPTS = 100;

/**
 * The EventStore port on KurrentDB (or EventStoreDB 22.6+), through `@kurrent/kurrentdb-client`.
 * Streams map one to one; our version N is KurrentDB's revision N - 1; checkpoints are $all
 * positions (see kurrentdb-mapping.ts). $all is KurrentDB's commit log and a reader only ever sees
 * committed events, in commit order, so no transaction fence is needed as in PostgreSQL.
 *
 * Appends always go out at an exact revision, also for 'any': KurrentDB's own deduplication of
 * event ids is guaranteed only at the same expected revision and ignores content, so the adapter
 * reads the stream first and decides retries itself (matchRetry) with the port's semantics.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly upcast: ReturnType<typeof upcasterChain>;
  private readonly filter: Filter;
  private readonly waiters = new Set<() => void>();
  private watcher?: Promise<AllStreamSubscription | undefined>;
  private closed = false;

  constructor(connectionString: string, options: KurrentDbEventStoreOptions = {}) {
    this.client = KurrentDBClient.connectionString(connectionString);
    this.upcast = upcasterChain(options.upcasters ?? []);
    this.filter = streamNameFilter({ regex: streamNameRegex(options.streamPrefixes) });
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedVersion?: ExpectedVersion } = {},
  ): Promise<AppendResult> {
    const expectedVersion = options.expectedVersion ?? 'any';
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    if (new Set(events.map((e) => e.eventId.toLowerCase())).size !== events.length)
      throw new Error('appendToStream got the same event id twice');
    const proposed = events.map(toKurrentEvent);

    for (let attempt = 1; ; attempt++) {
      const { version, events: stored } = await this.readRaw(streamId);
      const retried = matchRetry(streamId, events, stored);
      if (retried) return retried;
      if (expectedVersion !== 'any' && expectedVersion !== version)
        throw new WrongExpectedVersionError(streamId, expectedVersion, version);
      try {
        const result = await this.client.appendToStream(streamId, proposed, { streamState: toStreamState(version) });
        return await this.appendResult(streamId, result);
      } catch (error) {
        // Another writer got there between our read and our append. Reading again tells whether it
        // was a concurrent retry of these very events, and gives an exact version its accurate
        // conflict; an 'any' append then tries at the new version.
        const mapped = toPortError(error, streamId, expectedVersion);
        if (!(mapped instanceof WrongExpectedVersionError) || attempt >= MAX_ANY_ATTEMPTS) throw mapped;
      }
    }
  }

  private async appendResult(streamId: string, result: KurrentAppendResult): Promise<AppendResult> {
    const version = revisionToVersion(result.nextExpectedRevision);
    if (result.position) return { version, position: globalPositionOf(result.position) };
    // Servers may answer a deduplicated (idempotent) write without a position: read the event's own.
    for await (const resolved of this.client.readStream(streamId, {
      fromRevision: result.nextExpectedRevision,
      maxCount: 1,
      requiresLeader: true,
    })) {
      if (resolved.event) return { version, position: fromKurrentRecord(resolved.event).globalPosition };
    }
    throw new Error(`KurrentDB confirmed an append to ${streamId} at version ${version} but has no such event`);
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const { version, events } = await this.readRaw(streamId);
    return { version, events: events.map((e) => this.upcast(e)) };
  }

  /** The stream as stored, from the leader: appends decide on it, so it must not lag behind. */
  private async readRaw(streamId: string): Promise<ReadStreamResult> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { requiresLeader: true })) {
        if (resolved.event) events.push(fromKurrentRecord(resolved.event));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return { version: 0, events: [] };
      throw error;
    }
    return { version: events.length > 0 ? events[events.length - 1].streamPosition : 0, events };
  }

  async readAll(checkpoint: string | null, limit: number): Promise<RecordedEvent[]> {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`readAll needs a positive limit, got ${limit}`);
    let after = parseCheckpoint(checkpoint);
    const events: RecordedEvent[] = [];
    for (;;) {
      // A read may start at `after` itself (the event already handled), so ask for one more.
      const wanted = limit - events.length + (after ? 1 : 0);
      let received = 0;
      for await (const resolved of this.client.readAll({
        fromPosition: after ?? START,
        maxCount: wanted,
        filter: this.filter,
      })) {
        received++;
        const record = resolved.event;
        if (!record) continue;
        if (after && comparePositions(record.position, after) <= 0) continue;
        after = record.position;
        if (record.type.startsWith('$')) continue; // a system event inside one of our streams
        events.push(this.upcast(fromKurrentRecord(record)));
      }
      // Only skipped system events can leave a full page short of the limit: then read on.
      if (events.length >= limit || received < wanted) return events.slice(0, limit);
    }
  }

  async isAtOrBefore(position: number, checkpoint: string | null): Promise<boolean> {
    // Commit order is position order here: with nothing left after the checkpoint, every
    // position (also one no event holds, e.g. beyond the head) is passed.
    return isPositionAtOrBefore(position, checkpoint) || (await this.readAll(checkpoint, 1)).length === 0;
  }

  waitForEvents(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    this.watch();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
      if (signal?.aborted) done();
    });
  }

  /**
   * One live filtered $all subscription per store wakes the waiters. If it cannot be set up or
   * drops, waiters fall back to their timeout and the next waitForEvents subscribes again.
   */
  private watch(): void {
    if (this.watcher || this.closed) return;
    const forget = () => {
      if (this.watcher === watcher) this.watcher = undefined;
    };
    const watcher = (async () => {
      try {
        // From the end of the log as it is now, not END at subscription time: an event appended
        // while the subscription is still being set up must wake the waiters too.
        const subscription = this.client.subscribeToAll({
          fromPosition: await this.headPosition(),
          filter: this.filter,
        });
        subscription.on('data', () => [...this.waiters].forEach((wake) => wake()));
        subscription.on('error', forget);
        subscription.on('close', forget);
        if (this.closed) await subscription.unsubscribe();
        return subscription;
      } catch {
        forget();
        return undefined;
      }
    })();
    this.watcher = watcher;
  }

  private async headPosition(): Promise<ReadPosition> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      if (resolved.event) return resolved.event.position;
    }
    return START;
  }

  async close(): Promise<void> {
    this.closed = true;
    [...this.waiters].forEach((wake) => wake());
    const subscription = await this.watcher;
    await subscription?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }
}
