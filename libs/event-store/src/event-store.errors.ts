/** A concurrent writer got there first: the stream is not at the version the caller expected. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: number | 'any',
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, not the expected ${expected}.`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** An event id that the stream already holds was appended again with different content. */
export class EventIdReusedError extends Error {
  readonly code = 'EVENT_ID_REUSED';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Event ${eventId} already exists in stream ${streamId} with different content.`);
    this.name = 'EventIdReusedError';
  }
}
