/**
 * The EventStore port: what Luodi needs from any event store (PostgreSQL by default, KurrentDB as
 * an alternative). Every adapter passes the same contract suite (testing/event-store.contract.ts).
 */

/** Who did it and why: carried by every event, never interpreted by the store. */
export interface EventMetadata {
  /** departmentCode: a department user's department, so a timeline can name it (events since round 2). */
  actor?: { userId: string; username: string; role: string; departmentCode?: string };
  correlationId?: string;
  causationId?: string;
  idempotencyKey?: string;
  [key: string]: unknown;
}

export interface EventData {
  /** Business time: when it happened in the world (may be in the past, never in the future). */
  occurredAt: string;
  [key: string]: unknown;
}

export interface NewEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: EventData;
  metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  streamId: string;
  /** 1-based position within the stream; the stream's version is its last event's position. */
  streamPosition: number;
  /** The store's global position of this event, as returned to clients (`position`). */
  globalPosition: number;
  /** Opaque, totally ordered resume point for subscriptions: "read everything after this". */
  checkpoint: string;
  recordedAt: string;
}

/** A stream's expected version: its last position, 0 for "no stream yet", or 'any'. */
export type ExpectedVersion = number | 'any';

export interface AppendResult {
  /** The stream's version after the append. */
  version: number;
  /** Global position of the last appended event. */
  position: number;
}

export interface ReadStreamResult {
  version: number;
  events: RecordedEvent[];
}

export interface EventStore {
  /**
   * Appends atomically: all events or none. Fails with WrongExpectedVersionError when the stream
   * is not at `expectedVersion`. Re-appending event ids the stream already holds, with the same
   * content, is a no-op that returns the original result; with different content it fails with
   * EventIdReusedError.
   */
  appendToStream(
    streamId: string,
    events: NewEvent[],
    options?: { expectedVersion?: ExpectedVersion },
  ): Promise<AppendResult>;

  readStream(streamId: string): Promise<ReadStreamResult>;

  /**
   * Events of all streams in global order after `checkpoint` (null: from the start). The order
   * is stable, and an event never appears after one that was returned before it: a transaction
   * that commits late is never skipped.
   */
  readAll(checkpoint: string | null, limit: number): Promise<RecordedEvent[]>;

  /**
   * Whether an event stored at `position` lies at or before `checkpoint` in the global order:
   * lets readers wait until the projections have passed a client's own write. A position no
   * event holds (0, beyond the head) counts as passed once every event before it is.
   */
  isAtOrBefore(position: number, checkpoint: string | null): Promise<boolean>;

  /**
   * Resolves when new events may have been stored (a push from the store) or after `timeoutMs`
   * (the polling fallback), whichever comes first.
   */
  waitForEvents(timeoutMs: number, signal?: AbortSignal): Promise<void>;

  close(): Promise<void>;
}
