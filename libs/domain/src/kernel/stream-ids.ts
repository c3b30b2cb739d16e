/**
 * The one place that knows how an aggregate's stream is named: `<kind>-<aggregate id>`, e.g.
 * `project-<uuid>`. The API builds stream ids with these functions and the projections,
 * the Idempotency-Key settling, the tests and the bench read them back with `parseStreamId`.
 */

/** The aggregates that have streams, in the order of their stream-id prefixes. */
export const STREAM_KINDS = ['project', 'enterprise', 'conference', 'demand', 'matchmaking', 'cooperation'] as const;

export type StreamKind = (typeof STREAM_KINDS)[number];

export interface ParsedStreamId {
  kind: StreamKind;
  id: string;
}

/** The stream of one aggregate: `streamIdOf('project', id)` is `project-<id>`. */
export const streamIdOf = (kind: StreamKind, id: string): string => `${kind}-${id}`;

export const projectStream = (projectId: string): string => streamIdOf('project', projectId);
export const enterpriseStream = (enterpriseId: string): string => streamIdOf('enterprise', enterpriseId);
export const conferenceStream = (conferenceId: string): string => streamIdOf('conference', conferenceId);
export const demandStream = (demandId: string): string => streamIdOf('demand', demandId);
/** A matchmaking event (恳谈会, 百场万企 对接会). */
export const matchmakingStream = (eventId: string): string => streamIdOf('matchmaking', eventId);
export const cooperationStream = (cooperationId: string): string => streamIdOf('cooperation', cooperationId);

const STREAM_ID = new RegExp(`^(${STREAM_KINDS.join('|')})-(.+)$`);

/** Which aggregate a stream belongs to: `project-<id>` -> `{ kind: 'project', id }`; null for any other stream. */
export function parseStreamId(streamId: string): ParsedStreamId | null {
  const match = STREAM_ID.exec(streamId);
  return match ? { kind: match[1] as StreamKind, id: match[2] } : null;
}
