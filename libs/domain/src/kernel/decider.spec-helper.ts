import { Decider } from './decider';
import { DomainError, DomainErrorKind } from './domain.error';

/**
 * Given/when/then for deciders, in the style of Emmett's DeciderSpecification:
 *
 *   const spec = specFor(projectDecider);
 *   spec.given([submitted]).when(review).then([reviewed]);
 *   spec.given([]).when(review).thenThrows('not-found', 'PROJECT_NOT_FOUND');
 *
 * History, state and command are deep-frozen, so a decide or evolve that mutates its input
 * fails the test instead of corrupting state in production.
 */
export function specFor<State, Command, Event>(decider: Decider<State, Command, Event>) {
  const stateAfter = (events: readonly Event[]): State =>
    events.reduce(
      (state, event) => deepFreeze(decider.evolve(state, deepFreeze(event))),
      deepFreeze(decider.initialState()),
    );

  return {
    given(events: readonly Event[]) {
      return {
        /** The state the history folds into, for evolve tests. */
        state: (): State => stateAfter(events),
        when(command: Command) {
          const decide = () => decider.decide(deepFreeze(command), stateAfter(events));
          return {
            then(expected: readonly Event[]): void {
              // Strict: an optional field must be left out, not stored as undefined.
              expect(decide()).toStrictEqual(expected);
            },
            thenThrows(kind: DomainErrorKind, code: string, field?: string): DomainError {
              return expectDomainError(decide, kind, code, field);
            },
          };
        },
      };
    },
  };
}

/** Runs `act` and asserts it throws a DomainError of this kind and code, naming this field (or none). */
export function expectDomainError(
  act: () => unknown,
  kind: DomainErrorKind,
  code: string,
  field?: string,
): DomainError {
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  const error = thrown as DomainError;
  expect({ kind: error.kind, code: error.code, field: error.field }).toEqual({ kind, code, field });
  // Messages are for people: a sentence, not a code.
  expect(error.message).toMatch(/^[A-Z"].*\.$/s);
  return error;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}
