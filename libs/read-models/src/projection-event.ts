import type {
  ConferenceEvent,
  CooperationEvent,
  DemandEvent,
  EnterpriseEvent,
  MatchmakingEventEvent,
  ProjectEvent,
} from '@luodi/domain';
import type { RecordedEvent } from '@luodi/event-store';

/** A stored domain event as the projections see it: the event plus where the store put it. */
export type ProjectionEvent = (
  ProjectEvent | EnterpriseEvent | ConferenceEvent | MatchmakingEventEvent | DemandEvent | CooperationEvent
) & {
  streamId: string;
  streamPosition: number;
  globalPosition: number;
  /** When the store recorded it (record time), as opposed to the data's occurredAt (business time). */
  recordedAt: string;
};

/**
 * Recorded events typed as domain events. Event types a projection does not know fall through
 * its `switch` and change nothing, so a newer writer never stops an older projector.
 */
export function asProjectionEvents(events: readonly RecordedEvent[]): ProjectionEvent[] {
  return events as unknown as ProjectionEvent[];
}
