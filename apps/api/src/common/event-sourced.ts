import { fold } from '@luodi/domain';
import { EventStore, RecordedEvent } from '@luodi/event-store';

/** What every command on an event-sourced aggregate answers (docs/api.md, Conventions). */
export interface CommandAccepted {
  /** The aggregate's id (for a new aggregate, the id it was given). */
  id: string;
  /** The stream's version after the command: send it as `If-Match` to make the next command conditional. */
  version: number;
  /** Global position of the last event written: send it as `minPosition` to read your own write. */
  position: number;
}

export interface LoadedAggregate<State> {
  state: State;
  version: number;
  events: RecordedEvent[];
}

/**
 * An aggregate as its stream has it right now, folded with the decider's evolve. Reads of one
 * aggregate use this instead of the read models: always current, no projection lag.
 */
export async function readAggregate<State, Event>(
  store: EventStore,
  streamId: string,
  decider: { evolve(state: State, event: Event): State; initialState(): State },
): Promise<LoadedAggregate<State>> {
  const { version, events } = await store.readStream(streamId);
  // Stored events are the decider's own events plus store fields evolve ignores.
  return { state: fold(decider, events as unknown as Event[]), version, events };
}
