import { ForecastWarningCode, LandingForecast } from './landing-forecast';

/**
 * The landing forecast's backtest (`GET /api/forecast/backtest`): for past as-of dates, the
 * forecast as it was made then against what happened by the horizon, and how often the 80% and
 * 95% intervals held the outcome.
 */

export const BACKTEST_STEPS = ['month', 'quarter'] as const;
export type BacktestStep = (typeof BACKTEST_STEPS)[number];

export interface BacktestInput {
  asOf: string;
  /** The forecast made that day: over the library at asOf as known at the end of asOf. */
  forecast: LandingForecast;
  /**
   * The library at asOf as known now, and how many of it had landed by the horizon's end;
   * ignored when the horizon has not been reached yet.
   */
  actual: { inLibrary: number; landed: number } | null;
}

export interface BacktestPoint {
  asOf: string;
  /** asOf + horizonDays: the day the outcome is read. */
  horizonEnd: string;
  forecast: {
    inLibrary: number;
    landed: number;
    expectedLanded: number;
    low80: number;
    high80: number;
    low95: number;
    high95: number;
    warnings: ForecastWarningCode[];
  };
  /** null while the horizon lies after today: the outcome is not known yet. */
  actual: { inLibrary: number; landed: number } | null;
  within80: boolean | null;
  within95: boolean | null;
}

export interface LandingBacktest {
  horizonDays: number;
  points: BacktestPoint[];
  /** Over the points whose horizon has passed: how many held the actual landings. */
  coverage: { evaluated: number; within80: number; within95: number; rate80: number | null; rate95: number | null };
}

const DAY_MS = 86_400_000;
const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (date: string, days: number): string => fromDay(toDay(date) + days * DAY_MS);

/**
 * The as-of dates from `from` to `to`, a month or a quarter apart, on `from`'s day of the month
 * (the last day of a shorter month: 31 January, 28 February, 31 March).
 */
export function backtestDates(from: string, to: string, every: BacktestStep): string[] {
  const [year, month, day] = from.split('-').map(Number);
  const step = every === 'month' ? 1 : 3;
  const dates: string[] = [];
  for (let k = 0; ; k++) {
    const monthIndex = month - 1 + k * step;
    const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
    const date = fromDay(Date.UTC(year, monthIndex, Math.min(day, lastDay)));
    if (date > to) return dates;
    dates.push(date);
  }
}

/** Each date's forecast then against the landings by its horizon, and the intervals' coverage. */
export function landingBacktest(input: {
  horizonDays: number;
  today: string;
  points: readonly BacktestInput[];
}): LandingBacktest {
  const points = input.points.map(({ asOf, forecast, actual }): BacktestPoint => {
    const horizonEnd = addDays(asOf, input.horizonDays);
    const p = forecast.projection;
    const made = {
      inLibrary: forecast.inLibrary,
      landed: forecast.landed,
      expectedLanded: p.expectedLanded,
      low80: p.low80,
      high80: p.high80,
      low95: p.low95,
      high95: p.high95,
      warnings: forecast.warnings.map((w) => w.code),
    };
    if (horizonEnd > input.today || actual === null)
      return { asOf, horizonEnd, forecast: made, actual: null, within80: null, within95: null };
    const { landed } = actual;
    return {
      asOf,
      horizonEnd,
      forecast: made,
      actual,
      within80: p.low80 <= landed && landed <= p.high80,
      within95: p.low95 <= landed && landed <= p.high95,
    };
  });
  const evaluated = points.filter((p) => p.actual !== null);
  const within80 = evaluated.filter((p) => p.within80).length;
  const within95 = evaluated.filter((p) => p.within95).length;
  return {
    horizonDays: input.horizonDays,
    points,
    coverage: {
      evaluated: evaluated.length,
      within80,
      within95,
      rate80: evaluated.length === 0 ? null : within80 / evaluated.length,
      rate95: evaluated.length === 0 ? null : within95 / evaluated.length,
    },
  };
}
