"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.specFor = specFor;
exports.expectDomainError = expectDomainError;
const domain_error_1 = require("./domain.error");
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
function specFor(decider) {
    const stateAfter = (events) => events.reduce((state, event) => deepFreeze(decider.evolve(state, deepFreeze(event))), deepFreeze(decider.initialState()));
    return {
        given(events) {
            return {
                /** The state the history folds into, for evolve tests. */
                state: () => stateAfter(events),
                when(command) {
                    const decide = () => decider.decide(deepFreeze(command), stateAfter(events));
                    return {
                        then(expected) {
                            // Strict: an optional field must be left out, not stored as undefined.
                            expect(decide()).toStrictEqual(expected);
                        },
                        thenThrows(kind, code, field) {
                            return expectDomainError(decide, kind, code, field);
                        },
                    };
                },
            };
        },
    };
}
/** Runs `act` and asserts it throws a DomainError of this kind and code, naming this field (or none). */
function expectDomainError(act, kind, code, field) {
    let thrown;
    try {
        act();
    }
    catch (error) {
        thrown = error;
    }
    expect(thrown).toBeInstanceOf(domain_error_1.DomainError);
    const error = thrown;
    expect({ kind: error.kind, code: error.code, field: error.field }).toEqual({ kind, code, field });
    // Messages are for people: a sentence, not a code.
    expect(error.message).toMatch(/^[A-Z"].*\.$/s);
    return error;
}
function deepFreeze(value) {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
    }
    return value;
}
//# sourceMappingURL=decider.spec-helper.js.map