/**
 * The decider pattern (as in event-driven-io/emmett): a pure description of one aggregate.
 * `decide` turns a command into events against the current state (or throws a DomainError),
 * `evolve` folds one event into the state, `initialState` is the state of an empty stream.
 */
export interface Decider<State, Command, Event> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Every domain event: a type tag and data that always carries the business time. */
export interface DomainEvent<
  Type extends string = string,
  Data extends { occurredAt: string } = { occurredAt: string },
> {
  type: Type;
  data: Data;
}

/**
 * Every command: a type tag, its data, and the context the caller supplies — the current time
 * (`now`, ISO 8601) so deciders never read a clock.
 */
export interface DomainCommand<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: { now: string };
}

export function fold<State, Event>(
  decider: Pick<Decider<State, unknown, Event>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
