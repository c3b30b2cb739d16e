"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.conflict = exports.forbidden = exports.notFound = exports.invalid = exports.DomainError = void 0;
/**
 * A rule of the domain was broken. `code` is stable (clients rely on it, e.g.
 * `PROJECT_HAS_NO_LANDING_PLAN`); `message` is for people; `field` names the offending input
 * field (a JSON path such as `milestones[1].dueOn`) when there is one.
 */
class DomainError extends Error {
    kind;
    code;
    field;
    constructor(kind, code, message, field) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.name = 'DomainError';
    }
}
exports.DomainError = DomainError;
const invalid = (code, message, field) => new DomainError('invalid', code, message, field);
exports.invalid = invalid;
const notFound = (code, message) => new DomainError('not-found', code, message);
exports.notFound = notFound;
const forbidden = (code, message) => new DomainError('forbidden', code, message);
exports.forbidden = forbidden;
const conflict = (code, message) => new DomainError('conflict', code, message);
exports.conflict = conflict;
//# sourceMappingURL=domain.error.js.map