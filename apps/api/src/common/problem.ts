import { HttpException } from '@nestjs/common';
import { ProblemCode, PROBLEMS } from '@luodi/contract';
import { DomainError, DomainErrorKind } from '@luodi/domain';
import {
  EventIdReusedError,
  isConnectionError,
  READ_ONLY_TRANSACTION,
  WrongExpectedVersionError,
} from '@luodi/event-store';

/** RFC 9457 problem details, as every error of the API is sent. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  correlationId?: string;
}

export interface FieldError {
  field: string;
  message: string;
  /** The rule broken (class-validator's name, e.g. `isNotEmpty`, `max`, `whitelistValidation`), for clients that word messages themselves. */
  constraint?: string;
}

/**
 * The one error type the API throws for its own refusals: a code of the registry (libs/contract),
 * whose status and title it answers with, a sentence for people, and field errors if any.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Input that fails validation before any command is built (class-validator, malformed JSON). */
export class InvalidInputError extends ApiError {
  constructor(errors: FieldError[], message = 'The request has invalid fields.') {
    super('INVALID_INPUT', message, errors);
  }
}

/**
 * An uploaded file (the ledger import) whose rows break rules: every problem at its row and
 * column (`field` is `rows[<row>].<column>`), with the counts of the file's rows.
 */
export class InvalidRowsError extends ApiError {
  constructor(
    message: string,
    readonly counts: { rows: number; valid: number; invalid: number },
    readonly rows: Array<{ row: number; column: string; code: string; message: string }>,
  ) {
    super('IMPORT_HAS_ERRORS', message);
  }
}

/** A JSON body nested deeper than the API accepts (json-body.middleware.ts). */
export class JsonTooDeepError extends ApiError {
  constructor(maxDepth: number) {
    super('JSON_TOO_DEEP', `The request body is nested deeper than ${maxDepth} levels.`, [
      { field: 'body', message: `nested deeper than ${maxDepth} levels` },
    ]);
  }
}

/** An Idempotency-Key was sent again with a different request body. */
export class IdempotencyKeyReusedError extends ApiError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request.');
  }
}

/** The one table from domain error kinds to HTTP statuses. */
const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
};

/** The code of an error Nest or Express raise themselves (an unknown route, a body too large). */
const CODE_BY_STATUS: Record<number, ProblemCode> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * The database went away (the outcome of a statement in flight is unknown), or a node that is no
 * longer or not yet the primary refused a write (25006, nothing written): either way the client
 * retries, with the same Idempotency-Key, once the failover is over.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isConnectionError(error) || (error as { code?: string } | undefined)?.code === READ_ONLY_TRANSACTION;
}

/** Turns anything thrown while serving a request into a problem; unknown errors become 500. */
export function toProblem(error: unknown, request: { headers: Record<string, unknown> }): Problem {
  const problem = (
    code: ProblemCode,
    detail: string,
    errors?: FieldError[],
    status: number = PROBLEMS[code].statuses[0],
  ): Problem => ({
    type: `urn:luodi:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: PROBLEMS[code].title,
    status,
    detail,
    code,
    // A 400 always lists its field errors, if only as an empty list.
    ...(errors ? { errors } : status === 400 ? { errors: [] } : {}),
  });

  // The domain's codes are registered (a spec of libs/contract holds every one against the registry).
  if (error instanceof DomainError) {
    return {
      ...error.details,
      ...problem(
        error.code as ProblemCode,
        error.message,
        error.field ? [{ field: error.field, message: error.message }] : undefined,
        STATUS_BY_KIND[error.kind],
      ),
    };
  }
  if (error instanceof InvalidRowsError) {
    const errors = error.rows.map((e) => ({ field: `rows[${e.row}].${e.column}`, ...e }));
    return { ...problem(error.code, error.message, errors), ...error.counts };
  }
  if (error instanceof ApiError) return problem(error.code, error.message, error.errors);
  if (error instanceof WrongExpectedVersionError) {
    return request.headers['if-match'] !== undefined
      ? problem('VERSION_MISMATCH', `The resource is at version ${error.actual}, not the version in If-Match.`)
      : problem('CONCURRENT_MODIFICATION', 'The resource was changed by someone else at the same time; try again.');
  }
  if (error instanceof EventIdReusedError) return problem('EVENT_ID_REUSED', error.message);
  // Raised by Nest itself (NotFoundException for an unknown route).
  if (error instanceof HttpException && CODE_BY_STATUS[error.getStatus()]) {
    const response = error.getResponse() as { message?: unknown } | string;
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray(response.message)
          ? response.message.join('; ')
          : String(response.message ?? error.message);
    return problem(CODE_BY_STATUS[error.getStatus()]!, message);
  }
  // Errors raised by Express itself (body-parser): malformed JSON, too large a body.
  const http = error as { status?: number; type?: string; message?: string };
  if (typeof http?.status === 'number' && http.status < 500 && CODE_BY_STATUS[http.status]) {
    if (http.type === 'entity.parse.failed')
      return problem('MALFORMED_JSON', 'The request body is not valid JSON.', [
        { field: 'body', message: 'not valid JSON' },
      ]);
    return problem(CODE_BY_STATUS[http.status]!, http.message ?? 'Bad request');
  }
  if (isDatabaseUnavailable(error))
    return problem(
      'DATABASE_UNAVAILABLE',
      'The database did not answer, so whether the command was stored is unknown. Check, or retry with the same Idempotency-Key.',
    );
  return problem('INTERNAL_ERROR', 'Something went wrong on our side; nothing was written.');
}
