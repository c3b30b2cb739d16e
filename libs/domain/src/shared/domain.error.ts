/**
 * A rule of the domain was broken. `code` is stable (clients and the HTTP error mapping rely on
 * it); `message` is for people; `field` names the offending input field when there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
