import {
  cumulativeIncidence,
  cumulativeIncidenceOfCounts,
  IncidencePoint,
  stepAt,
  Subject,
  SubjectCount,
} from './cumulative-incidence';
import { sumIntervals, SumMethod } from './poisson-binomial';
import { wilsonInterval } from './wilson';

/** One library project as the forecast sees it. Dates are calendar days, YYYY-MM-DD. */
export interface ForecastSubject {
  /** Library entry: the approving review. */
  enteredOn: string;
  landedOn?: string;
  withdrawnOn?: string;
}

export interface LandingForecastInput {
  asOf: string;
  horizonDays: number;
  subjects: readonly ForecastSubject[];
}

export type ForecastWarningCode = 'SMALL_SAMPLE' | 'NO_LANDINGS' | 'HORIZON_BEYOND_FOLLOW_UP' | 'OUTCOME_BEFORE_ENTRY';

export interface ForecastWarning {
  code: ForecastWarningCode;
  message: string;
}

export interface LandingForecast {
  asOf: string;
  /** Cohort size: projects in the library on `asOf` (the same number as `inLibrary`). */
  n: number;
  inLibrary: number;
  landed: number;
  withdrawn: number;
  open: number;
  landingRate: { value: number; low95: number; high95: number };
  /** P(landed within `day` days of library entry), Aalen–Johansen; flat between rows. */
  curve: { day: number; landed: number; atRisk: number }[];
  projection: {
    horizonDays: number;
    expectedLanded: number;
    expectedLandingRate: number;
    low80: number;
    high80: number;
    low95: number;
    high95: number;
  };
  method: {
    curve: 'aalen-johansen';
    interval: 'wilson';
    projection: `poisson-binomial-${SumMethod}`;
  };
  warnings: ForecastWarning[];
}

/** Below this cohort size every interval is wide; we say so rather than hide it. */
export const SMALL_SAMPLE_SIZE = 30;

/**
 * The landing forecast behind `GET /api/forecast/landing`.
 *
 * Cohort: projects that entered the library on or before `asOf`. Outcomes dated after `asOf` are
 * ignored (the project was open then). Time runs in whole calendar days from library entry to
 * landing or withdrawal; open projects are censored at `asOf`.
 *
 * Projection: an open project t days after entry lands within the horizon H with probability
 * p = (F1(t + H) − F1(t)) / S(t), from the landing incidence F1 and the event-free probability
 * S; the projected count is the landings so far plus the Poisson-binomial sum of these p.
 *
 * Throws RangeError on malformed dates or horizon; validate user input before calling.
 */
export function landingForecast(input: LandingForecastInput): LandingForecast {
  const asOfDay = dayNumber(input.asOf, 'asOf');
  const horizon = input.horizonDays;
  if (!Number.isSafeInteger(horizon) || horizon < 0) {
    throw new RangeError(`horizonDays must be a whole number >= 0, got ${horizon}`);
  }

  const cohort = followUp(input.subjects, asOfDay);
  const { landed, withdrawn } = countOutcomes(cohort.subjects);
  return forecastOf(input.asOf, horizon, {
    n: cohort.subjects.length,
    rows: cumulativeIncidence(cohort.subjects),
    landed,
    withdrawn,
    openTimes: cohort.subjects.filter((s) => s.event === 'censored').map((s) => s.time),
    longestFollowUp: cohort.subjects.reduce((max, s) => Math.max(max, s.time), 0),
    outcomesBeforeEntry: cohort.outcomesBeforeEntry,
  });
}

export interface CountedForecastInput {
  asOf: string;
  horizonDays: number;
  /**
   * The cohort counted by follow-up: days from library entry to the outcome (or to asOf when
   * open) and the outcome, as `followUp` makes them but a time below 0 (an outcome dated before
   * entry) is taken as 0 and warned about. Open groups come in the order their projects entered
   * the library (longest follow-up first): the projection sums their chances in that order, so
   * the answer is the very one of {@link landingForecast} over the projects one by one.
   */
  counts: readonly SubjectCount[];
}

/**
 * {@link landingForecast} from a cohort already counted by follow-up time (O(days) groups from
 * SQL instead of one subject per project).
 */
export function landingForecastOfCounts(input: CountedForecastInput): LandingForecast {
  dayNumber(input.asOf, 'asOf');
  const horizon = input.horizonDays;
  if (!Number.isSafeInteger(horizon) || horizon < 0) {
    throw new RangeError(`horizonDays must be a whole number >= 0, got ${horizon}`);
  }
  let n = 0;
  let landed = 0;
  let withdrawn = 0;
  let outcomesBeforeEntry = 0;
  let longestFollowUp = 0;
  const openTimes: number[] = [];
  const counts = input.counts.map((group) => {
    const time = Math.max(0, group.time);
    if (group.time < 0) outcomesBeforeEntry += group.count;
    n += group.count;
    if (group.event === 'landed') landed += group.count;
    else if (group.event === 'withdrawn') withdrawn += group.count;
    else for (let i = 0; i < group.count; i++) openTimes.push(time);
    if (group.count > 0) longestFollowUp = Math.max(longestFollowUp, time);
    return { ...group, time };
  });
  return forecastOf(input.asOf, horizon, {
    n,
    rows: cumulativeIncidenceOfCounts(counts),
    landed,
    withdrawn,
    openTimes,
    longestFollowUp,
    outcomesBeforeEntry,
  });
}

interface Cohort {
  n: number;
  rows: IncidencePoint[];
  landed: number;
  withdrawn: number;
  /** Follow-up of each open project, in the cohort's order. */
  openTimes: number[];
  longestFollowUp: number;
  outcomesBeforeEntry: number;
}

function forecastOf(asOf: string, horizon: number, cohort: Cohort): LandingForecast {
  const { n, rows, landed, withdrawn, openTimes, longestFollowUp } = cohort;
  const projection = projectLandings(rows, openTimes, horizon, landed, n);
  const rate = wilsonInterval(landed, n);

  return {
    asOf,
    n,
    inLibrary: n,
    landed,
    withdrawn,
    open: openTimes.length,
    landingRate: { value: rate.value, low95: rate.low, high95: rate.high },
    curve: rows.map((row) => ({ day: row.day, landed: row.landed, atRisk: row.atRisk })),
    projection: projection.values,
    method: { curve: 'aalen-johansen', interval: 'wilson', projection: `poisson-binomial-${projection.method}` },
    warnings: warningsFor({
      n,
      landed,
      open: openTimes.length,
      beyondFollowUp: openTimes.filter((t) => t + horizon > longestFollowUp).length,
      longestFollowUp,
      outcomesBeforeEntry: cohort.outcomesBeforeEntry,
    }),
  };
}

/** Landings so far plus the Poisson-binomial sum of the open projects' chances to land. */
function projectLandings(
  rows: readonly IncidencePoint[],
  openTimes: readonly number[],
  horizon: number,
  landed: number,
  n: number,
): { values: LandingForecast['projection']; method: SumMethod } {
  const probabilities = openTimes.map((t) => landingProbability(rows, t, horizon));
  const expectedLanded = landed + probabilities.reduce((total, p) => total + p, 0);
  const { method, intervals } = sumIntervals(probabilities, [0.8, 0.95]);
  const [i80, i95] = intervals;
  return {
    method,
    values: {
      horizonDays: horizon,
      expectedLanded,
      expectedLandingRate: n === 0 ? 0 : expectedLanded / n,
      low80: landed + i80.low,
      high80: landed + i80.high,
      low95: landed + i95.low,
      high95: landed + i95.high,
    },
  };
}

/** P(lands within `horizon` days | still open `t` days after entry). */
function landingProbability(rows: readonly IncidencePoint[], t: number, horizon: number): number {
  const now = stepAt(rows, t);
  if (now.survival <= 0) return 0;
  const later = stepAt(rows, t + horizon);
  return Math.min(1, Math.max(0, (later.landed - now.landed) / now.survival));
}

/** Turns dated projects into survival subjects as they stood at the end of `asOfDay`. */
function followUp(
  projects: readonly ForecastSubject[],
  asOfDay: number,
): { subjects: Subject[]; outcomesBeforeEntry: number } {
  const subjects: Subject[] = [];
  let outcomesBeforeEntry = 0;
  const day = memoizedDayNumber();
  for (const project of projects) {
    const entered = day(project.enteredOn, 'enteredOn');
    if (entered > asOfDay) continue;
    const outcome = firstOutcome(project, asOfDay, day);
    const time = (outcome?.day ?? asOfDay) - entered;
    if (time < 0) outcomesBeforeEntry++;
    subjects.push({ time: Math.max(0, time), event: outcome?.event ?? 'censored' });
  }
  return { subjects, outcomesBeforeEntry };
}

/** The earliest landing or withdrawal on or before `asOfDay` (landing wins a same-day tie). */
function firstOutcome(
  project: ForecastSubject,
  asOfDay: number,
  day: typeof dayNumber,
): { event: 'landed' | 'withdrawn'; day: number } | undefined {
  const landed = project.landedOn === undefined ? Infinity : day(project.landedOn, 'landedOn');
  const withdrawn = project.withdrawnOn === undefined ? Infinity : day(project.withdrawnOn, 'withdrawnOn');
  if (Math.min(landed, withdrawn) > asOfDay) return undefined;
  return landed <= withdrawn ? { event: 'landed', day: landed } : { event: 'withdrawn', day: withdrawn };
}

function countOutcomes(subjects: readonly Subject[]): { landed: number; withdrawn: number } {
  let landed = 0;
  let withdrawn = 0;
  for (const subject of subjects) {
    if (subject.event === 'landed') landed++;
    else if (subject.event === 'withdrawn') withdrawn++;
  }
  return { landed, withdrawn };
}

function warningsFor(facts: {
  n: number;
  landed: number;
  open: number;
  beyondFollowUp: number;
  longestFollowUp: number;
  outcomesBeforeEntry: number;
}): ForecastWarning[] {
  const warnings: ForecastWarning[] = [];
  if (facts.n < SMALL_SAMPLE_SIZE) {
    warnings.push({
      code: 'SMALL_SAMPLE',
      message: `Only ${facts.n} projects are in the cohort (fewer than ${SMALL_SAMPLE_SIZE}); the curve is coarse and the intervals are wide.`,
    });
  }
  if (facts.landed === 0) {
    warnings.push({
      code: 'NO_LANDINGS',
      message:
        'No project in the cohort has landed yet, so the landing curve is zero and the projection adds no landings; this reflects missing evidence, not a zero chance.',
    });
  }
  if (facts.beyondFollowUp > 0) {
    warnings.push({
      code: 'HORIZON_BEYOND_FOLLOW_UP',
      message: `For ${facts.beyondFollowUp} of ${facts.open} open projects the horizon reaches past the longest follow-up (${facts.longestFollowUp} days); the curve is unknown there and taken as flat, so their landing probabilities and the projection are likely underestimates.`,
    });
  }
  if (facts.outcomesBeforeEntry > 0) {
    warnings.push({
      code: 'OUTCOME_BEFORE_ENTRY',
      message: `${facts.outcomesBeforeEntry} projects have a landing or withdrawal dated before their library entry; their time to outcome was set to 0 days.`,
    });
  }
  return warnings;
}

/** A cohort has few distinct dates (a few per day at most), so parse each one once. */
function memoizedDayNumber(): typeof dayNumber {
  const days = new Map<string, number>();
  return (date, field) => {
    let day = days.get(date);
    if (day === undefined) days.set(date, (day = dayNumber(date, field)));
    return day;
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a calendar date YYYY-MM-DD (UTC, so no daylight-saving drift). */
function dayNumber(date: string, field: string): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2025-02-30 over into March; a real date stays before the next month.
    if (month >= 1 && month <= 12 && day >= 1 && ms < Date.UTC(year, month, 1)) return ms / MS_PER_DAY;
  }
  throw new RangeError(`${field} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
}
