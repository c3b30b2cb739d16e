import { conflict, invalid } from './domain.error';

/**
 * Business time: when something happened in the real world, as opposed to when the store recorded
 * it. Instants are ISO 8601 strings; business dates (dueOn, landedOn, heldOn, asOf) are calendar
 * dates `YYYY-MM-DD` in China Standard Time (Asia/Shanghai, UTC+08:00 all year, no DST), because
 * that is the calendar the task force and the departments work by.
 */

export const BusinessTimeErrorCode = {
  INVALID_OCCURRED_AT: 'INVALID_OCCURRED_AT',
  OCCURRED_AT_IN_FUTURE: 'OCCURRED_AT_IN_FUTURE',
  OCCURRED_AT_BEFORE_PREVIOUS_EVENT: 'OCCURRED_AT_BEFORE_PREVIOUS_EVENT',
} as const;

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must name its offset: a local time without one would mean a different moment on
// every server.
const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (rejects `2024-02-30`, which `Date` would roll over). */
export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO 8601 instant with seconds optional and an explicit offset (`Z` or `±hh:mm`). */
export function isValidInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT_PATTERN.exec(value);
  return match !== null && isValidDate(match[1]) && !Number.isNaN(Date.parse(value));
}

/** The calendar date in China Standard Time on which an instant falls. */
export function businessDate(instant: string): string {
  return new Date(toMillis(instant) + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a business date (23:59:59.999 CST), as a UTC ISO instant. */
export function endOfBusinessDay(date: string): string {
  if (!isValidDate(date)) throw new Error(`"${date}" is not a YYYY-MM-DD date.`);
  return new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString();
}

/**
 * The last day of each of the `count` quarters up to and including the one holding `asOf`, the
 * latest replaced by `asOf` itself (that quarter is not over yet), oldest first.
 */
export function quarterEnds(asOf: string, count: number): string[] {
  const [year, month] = asOf.split('-').map(Number);
  const quarterIndex = year * 4 + Math.floor((month - 1) / 3);
  const ends: string[] = [];
  for (let q = quarterIndex - count + 1; q < quarterIndex; q += 1) {
    const y = Math.floor(q / 4);
    const firstOfNext = new Date(Date.UTC(y, (q % 4) * 3 + 3, 1));
    ends.push(new Date(firstOfNext.getTime() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10));
  }
  ends.push(asOf);
  return ends;
}

/** The earlier of two instants, as a UTC ISO instant. */
export function earlierOf(a: string, b: string): string {
  return new Date(Math.min(toMillis(a), toMillis(b))).toISOString();
}

/**
 * The business time of a command's event: the requested `occurredAt` or, without one, `now`.
 * Events store it normalised to UTC (`toISOString`) so all instants compare and read alike.
 * History may be recorded late, but nothing can have happened after now.
 */
export function resolveOccurredAt(requested: unknown, now: string): string {
  const nowMillis = toMillis(now);
  if (requested === undefined || requested === null) return new Date(nowMillis).toISOString();
  if (!isValidInstant(requested)) {
    throw invalid(
      BusinessTimeErrorCode.INVALID_OCCURRED_AT,
      'The time "occurredAt" must be an ISO 8601 instant with an offset, such as 2024-05-01T09:30:00+08:00.',
      'occurredAt',
    );
  }
  const millis = Date.parse(requested);
  if (millis > nowMillis) {
    throw invalid(
      BusinessTimeErrorCode.OCCURRED_AT_IN_FUTURE,
      'The time "occurredAt" lies in the future; only things that have happened can be recorded.',
      'occurredAt',
    );
  }
  return new Date(millis).toISOString();
}

/**
 * A stream is in business-time order: projections and as-of dashboards replay it in stream order,
 * so an event may not claim to precede the one before it. Equal times are fine.
 */
export function assertNotBeforePrevious(occurredAt: string, previousOccurredAt: string): void {
  if (toMillis(occurredAt) < toMillis(previousOccurredAt)) {
    throw conflict(
      BusinessTimeErrorCode.OCCURRED_AT_BEFORE_PREVIOUS_EVENT,
      `This would be recorded as happening at ${occurredAt}, before the previous event (${previousOccurredAt}); events must be recorded in the order they happened.`,
    );
  }
}

// Instants reaching here come from the caller's clock or from stored events, so a bad one is a
// programming error, not bad user input.
function toMillis(instant: string): number {
  if (!isValidInstant(instant)) throw new Error(`"${instant}" is not an ISO 8601 instant with an offset.`);
  return Date.parse(instant);
}
