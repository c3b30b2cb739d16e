/**
 * Pure translation between the EventStore port and KurrentDB's client types: no I/O, so all of
 * it is unit-tested without a server (kurrentdb-mapping.spec.ts).
 */
import { ANY, ErrorType, NO_STREAM, jsonEvent } from '@kurrent/kurrentdb-client';
import type {
  AppendStreamState,
  CurrentStreamState,
  EventData as KurrentEventData,
  Position,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../event-store.errors';
import type { ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port';

/** The aggregates' stream prefixes: `project-<uuid>`, `enterprise-<uuid>`, `conference-<uuid>`. */
export const LUODI_STREAM_PREFIXES: readonly string[] = ['project', 'enterprise', 'conference'];

/** The metadata key that carries the port's `schemaVersion` (KurrentDB events have no such field). */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

const CHECKPOINT_PATTERN = /^kurrentdb:(\d+):(\d+)$/;

/** Server-side stream-name filter for $all: only Luodi's streams, so system streams never come back. */
export function streamNameRegex(prefixes: readonly string[] = LUODI_STREAM_PREFIXES): string {
  if (prefixes.length === 0) throw new Error('At least one stream prefix is needed');
  return `^(${prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})-`;
}

/** Our version N (1-based; 0 = no stream yet) is KurrentDB's revision N - 1. */
export function toStreamState(expected: ExpectedVersion): AppendStreamState {
  if (expected === 'any') return ANY;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new Error(`Not a stream version: ${expected}`);
  return expected === 0 ? NO_STREAM : BigInt(expected - 1);
}

export function revisionToVersion(revision: bigint): number {
  return toSafeNumber(revision + 1n, 'stream revision');
}

/** The version a stream is at, from the state KurrentDB reports (e.g. in a conflict). */
export function currentVersion(state: CurrentStreamState): number {
  return state === NO_STREAM ? 0 : revisionToVersion(state);
}

/**
 * Checkpoints are `kurrentdb:<commit>:<prepare>`, the $all position of the last event read. The
 * prefix keeps a PostgreSQL checkpoint (`<xid>:<position>`) from being taken for one of ours when
 * a deployment switches stores without rebuilding its read models.
 */
export function formatCheckpoint(position: Position): string {
  return `kurrentdb:${position.commit}:${position.prepare}`;
}

export function parseCheckpoint(checkpoint: string | null): Position | null {
  if (checkpoint === null) return null;
  const match = CHECKPOINT_PATTERN.exec(checkpoint);
  if (!match) throw new Error(`Not a KurrentDB event store checkpoint: ${checkpoint}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

/** $all is ordered by commit position, then prepare position. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** The port's numeric global position: the commit position, unique per event in $all. */
export function globalPositionOf(position: Position): number {
  return toSafeNumber(position.commit, 'commit position');
}

/** Whether the event stored at commit position `globalPosition` is at or before `checkpoint`. */
export function isPositionAtOrBefore(globalPosition: number, checkpoint: string | null): boolean {
  if (!Number.isSafeInteger(globalPosition) || globalPosition < 0)
    throw new Error(`Not a global position: ${globalPosition}`);
  const after = parseCheckpoint(checkpoint);
  return after !== null && BigInt(globalPosition) <= after.commit;
}

/**
 * The port's error for a client error: KurrentDB's wrong-expected-version becomes ours (with the
 * caller's expected version, which the client only knows as a revision); anything else is kept.
 */
export function toPortError(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  if (hasErrorType(error, ErrorType.WRONG_EXPECTED_VERSION) && 'actualState' in error) {
    return new WrongExpectedVersionError(streamId, expected, currentVersion(error.actualState as CurrentStreamState));
  }
  return error;
}

export function isStreamNotFound(error: unknown): boolean {
  return hasErrorType(error, ErrorType.STREAM_NOT_FOUND);
}

// The client's errors carry a `type` discriminant; checking it rather than `instanceof` also holds
// when two copies of the client package are loaded.
function hasErrorType(error: unknown, type: ErrorType): error is Error & { type: ErrorType } {
  return error instanceof Error && (error as { type?: unknown }).type === type;
}

/** A port event as a KurrentDB JSON event: data as is (with `occurredAt`), schemaVersion in metadata. */
export function toKurrentEvent(event: NewEvent): KurrentEventData {
  if (SCHEMA_VERSION_KEY in event.metadata) {
    throw new Error(
      `Event ${event.eventId}: metadata key "${SCHEMA_VERSION_KEY}" is reserved for the event's schema version`,
    );
  }
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: event.schemaVersion },
  });
}

/** What the adapter needs of a record the client read (stream reads and $all reads alike). */
export interface KurrentRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  created: Date;
  position?: Position;
}

/** A stored KurrentDB record as the port's RecordedEvent (before upcasting). */
export function fromKurrentRecord(record: KurrentRecord): RecordedEvent {
  const { metadata, data, position } = record;
  if (!record.isJson || !isObject(data) || !isObject(metadata) || typeof metadata[SCHEMA_VERSION_KEY] !== 'number') {
    throw new Error(
      `Event ${record.id} in ${record.streamId} was not written by Luodi: no JSON data or no schema version`,
    );
  }
  // Stream reads carry the $all position only from EventStoreDB 22.6 on (older ones send none or 2^64 - 1).
  if (!position || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(
      `Event ${record.id} in ${record.streamId} has no usable $all position: KurrentDB or EventStoreDB 22.6+ is needed`,
    );
  }
  const { [SCHEMA_VERSION_KEY]: schemaVersion, ...ownMetadata } = metadata;
  return {
    streamId: record.streamId,
    streamPosition: revisionToVersion(record.revision),
    globalPosition: globalPositionOf(position),
    checkpoint: formatCheckpoint(position),
    eventId: record.id,
    type: record.type,
    schemaVersion: schemaVersion as number,
    data: data as RecordedEvent['data'],
    metadata: ownMetadata,
    recordedAt: record.created.toISOString(),
  };
}

function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`The ${what} ${value} is out of range`);
  return Number(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
