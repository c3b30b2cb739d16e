/**
 * What kind of rule an error breaks. The API maps each kind to one HTTP status in one place:
 * invalid -> 400 (bad input), not-found -> 404, forbidden -> 403, conflict -> 409 (the command
 * breaks a rule of the current state).
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'forbidden' | 'conflict';

/**
 * A rule of the domain was broken. `code` is stable (clients rely on it, e.g.
 * `PROJECT_HAS_NO_LANDING_PLAN`); `message` is for people; `field` names the offending input
 * field (a JSON path such as `milestones[1].dueOn`) when there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Further members of the problem body (e.g. the open items a landing would leave behind). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, field?: string) =>
  new DomainError('invalid', code, message, field);
export const notFound = (code: string, message: string) => new DomainError('not-found', code, message);
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
export const conflict = (code: string, message: string, details?: Readonly<Record<string, unknown>>) =>
  new DomainError('conflict', code, message, undefined, details);
