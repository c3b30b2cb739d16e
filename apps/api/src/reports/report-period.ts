import { ApiError } from '../common/problem';

export const REPORT_KINDS = ['monthly', 'quarterly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportPeriod {
  kind: ReportKind;
  period: string;
  /** First and last business day of the period. */
  start: string;
  end: string;
}

const PATTERNS: Record<ReportKind, { pattern: RegExp; example: string }> = {
  monthly: { pattern: /^(\d{4})-(0[1-9]|1[0-2])$/, example: '2026-11' },
  quarterly: { pattern: /^(\d{4})Q([1-4])$/, example: '2026Q4' },
};

const iso = (year: number, monthIndex: number, day: number) =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

/**
 * The business days a report period covers: "2026-11" is 1–30 November, "2026Q4" 1 October to
 * 31 December. A period must have ended (its last day before today, CST) to be reported on:
 * figures for a running period would change after publication.
 */
export function reportPeriod(kind: ReportKind, period: string, today: string): ReportPeriod {
  const { pattern, example } = PATTERNS[kind];
  const match = pattern.exec(period);
  if (!match) {
    const message = `A ${kind} period is written like ${example}; got "${period}".`;
    throw new ApiError('REPORT_PERIOD_INVALID', message, [{ field: 'period', message }]);
  }
  const year = Number(match[1]);
  const firstMonth = kind === 'monthly' ? Number(match[2]) - 1 : (Number(match[2]) - 1) * 3;
  const months = kind === 'monthly' ? 1 : 3;
  const start = iso(year, firstMonth, 1);
  const end = iso(year, firstMonth + months, 0);
  if (end >= today) {
    const message = `The period ${period} ends on ${end}; it can be reported on from the day after.`;
    throw new ApiError('REPORT_PERIOD_NOT_ENDED', message, [{ field: 'period', message }]);
  }
  return { kind, period, start, end };
}
