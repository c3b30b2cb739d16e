import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@luodi/domain';
import { EventIdReusedError, WrongExpectedVersionError } from '@luodi/event-store';

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

/** Input that fails validation before any command is built (class-validator, malformed JSON). */
export class InvalidInputError extends Error {
  constructor(
    readonly errors: FieldError[],
    message = 'The request has invalid fields.',
  ) {
    super(message);
  }
}

/**
 * An uploaded file (the ledger import) whose rows break rules: every problem at its row and
 * column (`field` is `rows[<row>].<column>`), with the counts of the file's rows.
 */
export class InvalidRowsError extends Error {
  readonly code = 'IMPORT_HAS_ERRORS';

  constructor(
    message: string,
    readonly counts: { rows: number; valid: number; invalid: number },
    readonly errors: Array<{ row: number; column: string; code: string; message: string }>,
  ) {
    super(message);
  }
}

/** A JSON body nested deeper than the API accepts (json-body.middleware.ts). */
export class JsonTooDeepError extends Error {
  readonly code = 'JSON_TOO_DEEP';
  constructor(readonly maxDepth: number) {
    super(`The request body is nested deeper than ${maxDepth} levels.`);
  }
}

/** An Idempotency-Key was sent again with a different request body. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('This Idempotency-Key was already used with a different request.');
  }
}

/** The one table from domain error kinds to HTTP statuses. */
const STATUS_BY_KIND: Record<DomainErrorKind, number> = { invalid: 400, 'not-found': 404, forbidden: 403, conflict: 409 };

const CODE_BY_STATUS: Record<number, string> = {
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

const DATABASE_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return DATABASE_DOWN.has(e?.code ?? '') || /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e?.message ?? '');
}

/** Turns anything thrown while serving a request into a problem; unknown errors become 500. */
export function toProblem(error: unknown, request: { headers: Record<string, unknown> }): Problem {
  const problem = (status: number, code: string, detail: string, errors?: FieldError[]): Problem => ({
    type: `urn:luodi:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase()) ?? 'Error',
    status,
    detail,
    code,
    ...(errors ? { errors } : {}),
  });

  if (error instanceof DomainError) {
    const status = STATUS_BY_KIND[error.kind];
    return problem(status, error.code, error.message, error.field ? [{ field: error.field, message: error.message }] : status === 400 ? [] : undefined);
  }
  if (error instanceof InvalidInputError) return problem(400, 'INVALID_INPUT', error.message, error.errors);
  if (error instanceof InvalidRowsError) {
    const errors = error.errors.map((e) => ({ field: `rows[${e.row}].${e.column}`, ...e }));
    return { ...problem(400, error.code, error.message, errors), ...error.counts };
  }
  if (error instanceof JsonTooDeepError) return problem(400, error.code, error.message, [{ field: 'body', message: `nested deeper than ${error.maxDepth} levels` }]);
  if (error instanceof WrongExpectedVersionError) {
    return request.headers['if-match'] !== undefined
      ? problem(412, 'VERSION_MISMATCH', `The resource is at version ${error.actual}, not the version in If-Match.`)
      : problem(409, 'CONCURRENT_MODIFICATION', 'The resource was changed by someone else at the same time; try again.');
  }
  if (error instanceof EventIdReusedError) return problem(409, error.code, error.message);
  if (error instanceof IdempotencyKeyReusedError) return problem(422, error.code, error.message);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse() as { message?: unknown; code?: string } | string;
    const message = typeof response === 'string' ? response : Array.isArray(response.message) ? response.message.join('; ') : String(response.message ?? error.message);
    const code = (typeof response === 'object' && response.code) || CODE_BY_STATUS[status] || `HTTP_${status}`;
    return problem(status, code, message, status === 400 ? [] : undefined);
  }
  // Errors raised by Express itself (body-parser): malformed JSON, too large a body.
  const http = error as { status?: number; type?: string; message?: string };
  if (typeof http?.status === 'number' && http.status >= 400 && http.status < 500) {
    if (http.type === 'entity.parse.failed') return problem(400, 'MALFORMED_JSON', 'The request body is not valid JSON.', [{ field: 'body', message: 'not valid JSON' }]);
    return problem(http.status, CODE_BY_STATUS[http.status] ?? `HTTP_${http.status}`, http.message ?? 'Bad request');
  }
  if (isDatabaseUnavailable(error)) return problem(503, 'DATABASE_UNAVAILABLE', 'The database did not answer, so whether the command was stored is unknown. Check, or retry with the same Idempotency-Key.');
  return problem(500, 'INTERNAL_ERROR', 'Something went wrong on our side; nothing was written.');
}
