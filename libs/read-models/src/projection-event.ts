import type { ConferenceEvent, EnterpriseEvent, ProjectEvent } from '@luodi/domain';
import type { RecordedEvent } from '@luodi/event-store';

/** A stored domain event as the projections see it: the event plus where the store put it. */
export type ProjectionEvent = (ProjectEvent | EnterpriseEvent | ConferenceEvent) & {
  streamId: string;
  streamPosition: number;
  globalPosition: number;
};

export type StreamKind = 'project' | 'enterprise' | 'conference';

const STREAM_ID = /^(project|enterprise|conference)-(.+)$/;

/** Which aggregate a stream belongs to: `project-<id>` -> `{kind: 'project', id}`; null for other streams. */
export function streamOf(streamId: string): { kind: StreamKind; id: string } | null {
  const match = STREAM_ID.exec(streamId);
  return match ? { kind: match[1] as StreamKind, id: match[2] } : null;
}

/**
 * Recorded events typed as domain events. Event types a projection does not know fall through
 * its `switch` and change nothing, so a newer writer never stops an older projector.
 */
export function asProjectionEvents(events: readonly RecordedEvent[]): ProjectionEvent[] {
  return events as unknown as ProjectionEvent[];
}
