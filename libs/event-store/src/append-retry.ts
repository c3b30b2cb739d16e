import { canonicalJson } from './canonical-json';
import { EventIdReusedError } from './event-store.errors';
import type { AppendResult, NewEvent, RecordedEvent } from './event-store.port';

/**
 * Decides whether an append is a retry of one the stream already holds (compared with its stored,
 * not upcast, events): none of the ids stored -> undefined (append it); every id stored with the
 * same type, schema version and data -> the original result; otherwise EventIdReusedError. Like
 * the PostgreSQL adapter, metadata is not compared: a retry may carry a new correlation id.
 */
export function matchRetry(
  streamId: string,
  events: readonly NewEvent[],
  stored: readonly RecordedEvent[],
): AppendResult | undefined {
  const byId = new Map(stored.map((e) => [e.eventId.toLowerCase(), e]));
  const found = events.map((e) => byId.get(e.eventId.toLowerCase()));
  if (found.every((f) => f === undefined)) return undefined;
  const originals = events.map((event, i) => {
    const original = found[i];
    const same =
      original !== undefined &&
      original.type === event.type &&
      original.schemaVersion === event.schemaVersion &&
      canonicalJson(original.data) === canonicalJson(event.data);
    if (!same) throw new EventIdReusedError(streamId, event.eventId);
    return original;
  });
  return {
    version: Math.max(...originals.map((e) => e.streamPosition)),
    position: Math.max(...originals.map((e) => e.globalPosition)),
  };
}
