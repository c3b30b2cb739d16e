import { isValidDate } from './business-time';
import { invalid } from './domain.error';

/**
 * Checks of command input shared by all aggregates. The HTTP layer validates its DTOs too, but
 * deciders are also fed by imports, scripts and other services, so they never trust input shape.
 * Each check returns the clean value or throws an `invalid` DomainError naming the field.
 */

export const ValidationErrorCode = {
  TEXT_REQUIRED: 'TEXT_REQUIRED',
  INVALID_TEXT: 'INVALID_TEXT',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  INVALID_CHOICE: 'INVALID_CHOICE',
  INVALID_DATE: 'INVALID_DATE',
  INVALID_LIST: 'INVALID_LIST',
  INVALID_OBJECT: 'INVALID_OBJECT',
  INVALID_FLAG: 'INVALID_FLAG',
  DUPLICATE_ID: 'DUPLICATE_ID',
} as const;

const isAbsent = (value: unknown): value is undefined | null => value === undefined || value === null;

// Control (Cc), format (Cf: zero-width space, joiners, BOM) and separator characters show nothing.
const VISIBLE = /[^\p{Cc}\p{Cf}\p{Z}\s]/u;

/** Whether text shows anything: zero-width and control characters alone make an empty title. */
export const hasVisibleText = (value: string): boolean => VISIBLE.test(value);

/** Text that must be present (something visible); surrounding whitespace is dropped. */
export function requiredText(value: unknown, field: string): string {
  if (typeof value !== 'string' || !hasVisibleText(value)) {
    throw invalid(ValidationErrorCode.TEXT_REQUIRED, `Field "${field}" is required and must be non-blank text.`, field);
  }
  return value.trim();
}

/** Text that may be left out; blank (nothing visible) counts as left out, as it does in a form. */
export function optionalText(value: unknown, field: string): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') throw invalid(ValidationErrorCode.INVALID_TEXT, `Field "${field}" must be text.`, field);
  return hasVisibleText(value) ? value.trim() : undefined;
}

/** An amount of money in whole yuan, zero or more. */
export function amountInYuan(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(ValidationErrorCode.INVALID_AMOUNT, `Field "${field}" must be a whole number of yuan, 0 or more.`, field);
  }
  return value;
}

export function optionalAmountInYuan(value: unknown, field: string): number | undefined {
  return isAbsent(value) ? undefined : amountInYuan(value, field);
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) {
    throw invalid(ValidationErrorCode.INVALID_CHOICE, `Field "${field}" must be one of: ${allowed.join(', ')}.`, field);
  }
  return value as T;
}

export function optionalOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T | undefined {
  return isAbsent(value) ? undefined : oneOf(value, allowed, field);
}

/** A calendar date `YYYY-MM-DD` (a business date, see business-time.ts). */
export function calendarDate(value: unknown, field: string): string {
  if (!isValidDate(value)) {
    throw invalid(ValidationErrorCode.INVALID_DATE, `Field "${field}" must be a calendar date written YYYY-MM-DD.`, field);
  }
  return value;
}

export function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(ValidationErrorCode.INVALID_LIST, `Field "${field}" must be a list.`, field);
  return value;
}

export function optionalList(value: unknown, field: string): unknown[] | undefined {
  return isAbsent(value) ? undefined : list(value, field);
}

/** One object in the input, e.g. an element of a list; its own fields are checked one by one. */
export function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(ValidationErrorCode.INVALID_OBJECT, `Field "${field}" must be an object.`, field);
  }
  return value as Record<string, unknown>;
}

export function optionalFlag(value: unknown, field: string): boolean | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'boolean') throw invalid(ValidationErrorCode.INVALID_FLAG, `Field "${field}" must be true or false.`, field);
  return value;
}

/** Ids the caller generated for list elements must be distinct: later events refer to them. */
export function assertDistinctIds(ids: readonly string[], fieldOf: (index: number) => string): void {
  ids.forEach((id, index) => {
    if (ids.indexOf(id) < index) {
      throw invalid(ValidationErrorCode.DUPLICATE_ID, `The id "${id}" is used more than once; each must be unique.`, fieldOf(index));
    }
  });
}

/**
 * Drops the keys whose value is undefined. Optional fields are left out of events rather than
 * stored as undefined, so an event equals its own JSON round trip.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
