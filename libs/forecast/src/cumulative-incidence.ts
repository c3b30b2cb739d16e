/** How a subject's follow-up ended: one of the two competing events, or right-censoring. */
export type Outcome = 'landed' | 'withdrawn' | 'censored';

/** One subject: whole days from the time origin (library entry) to its outcome. */
export interface Subject {
  time: number;
  event: Outcome;
}

/** The Aalen–Johansen estimate just after `day`. */
export interface IncidencePoint {
  day: number;
  /** Cumulative incidence of landing, F1(day) = P(landed by day). */
  landed: number;
  /** Cumulative incidence of withdrawal, F2(day) = P(withdrawn by day). */
  withdrawn: number;
  /** Subjects at risk just before `day` (time >= day). */
  atRisk: number;
  /** Event-free probability S(day) = 1 − F1 − F2. */
  survival: number;
}

/** The Kaplan–Meier estimate just after `day`. */
export interface SurvivalPoint {
  day: number;
  survival: number;
  atRisk: number;
  events: number;
}

/**
 * Aalen–Johansen cumulative incidence of landing and withdrawal (competing risks) under
 * right-censoring. At each distinct event time t with n at risk, d1 landings and d2 withdrawals:
 *   F1(t) = F1(t−) + S(t−)·d1/n,  F2(t) = F2(t−) + S(t−)·d2/n,  S(t) = S(t−)·(1 − (d1 + d2)/n).
 * Ties: events at day t come before censorings at day t, so a subject censored at t is still at
 * risk at t (the usual Kaplan–Meier convention).
 *
 * Returns one row per distinct event time, preceded by a day-0 row (nothing has happened yet)
 * unless there are events on day 0 itself. O(n log n): one sort, one sweep.
 */
export function cumulativeIncidence(subjects: readonly Subject[]): IncidencePoint[] {
  return incidenceOfTable(eventTable(subjects), subjects.length);
}

/** Subjects of one follow-up time and outcome, counted (what SQL can group a cohort into). */
export interface SubjectCount extends Subject {
  count: number;
}

/** {@link cumulativeIncidence} of counted subjects: the same rows as for the subjects one by one. */
export function cumulativeIncidenceOfCounts(counts: readonly SubjectCount[]): IncidencePoint[] {
  const byDay = new Map<number, TimeCounts>();
  let n = 0;
  for (const { time, event, count } of counts) {
    checkSubject({ time, event });
    let row = byDay.get(time);
    if (!row) byDay.set(time, (row = { day: time, landed: 0, withdrawn: 0, censored: 0 }));
    row[event] += count;
    n += count;
  }
  return incidenceOfTable(
    [...byDay.values()].sort((a, b) => a.day - b.day),
    n,
  );
}

function incidenceOfTable(table: readonly TimeCounts[], n: number): IncidencePoint[] {
  const rows: IncidencePoint[] = [];
  if (table[0]?.day !== 0 || table[0].landed + table[0].withdrawn === 0) {
    rows.push({ day: 0, landed: 0, withdrawn: 0, atRisk: n, survival: 1 });
  }
  let atRisk = n;
  let landed = 0;
  let withdrawn = 0;
  let survival = 1;
  for (const time of table) {
    const events = time.landed + time.withdrawn;
    if (events > 0) {
      // min(1, …): when the last subjects at risk all have events, rounding can overshoot 1.
      landed = Math.min(1, landed + (survival * time.landed) / atRisk);
      withdrawn = Math.min(1, withdrawn + (survival * time.withdrawn) / atRisk);
      survival *= 1 - events / atRisk;
      rows.push({ day: time.day, landed, withdrawn, atRisk, survival });
    }
    atRisk -= events + time.censored;
  }
  return rows;
}

/**
 * Kaplan–Meier product-limit estimate for one event type; the other event type is treated as
 * censoring. With competing events present, 1 − KM overstates the cumulative incidence (it
 * pretends withdrawn projects could still land); it is here as the single-cause reference.
 * Same row layout and tie rule as {@link cumulativeIncidence}.
 */
export function kaplanMeier(
  subjects: readonly Subject[],
  event: Exclude<Outcome, 'censored'> = 'landed',
): SurvivalPoint[] {
  const table = eventTable(subjects);
  const rows: SurvivalPoint[] = [];
  if (table[0]?.day !== 0 || table[0][event] === 0) {
    rows.push({ day: 0, survival: 1, atRisk: subjects.length, events: 0 });
  }
  let atRisk = subjects.length;
  let survival = 1;
  for (const time of table) {
    const events = time[event];
    if (events > 0) {
      survival *= (atRisk - events) / atRisk;
      rows.push({ day: time.day, survival, atRisk, events });
    }
    atRisk -= time.landed + time.withdrawn + time.censored;
  }
  return rows;
}

/**
 * The row of a step function in effect at `day`: the last row with row.day <= day (the curve is
 * flat between and after its rows). Binary search; `rows` must be sorted by day and start at 0.
 */
export function stepAt<Row extends { day: number }>(rows: readonly Row[], day: number): Row {
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (rows[middle].day <= day) low = middle;
    else high = middle - 1;
  }
  return rows[low];
}

interface TimeCounts {
  day: number;
  landed: number;
  withdrawn: number;
  censored: number;
}

const OUTCOME_CODE: Record<Outcome, number> = { landed: 0, withdrawn: 1, censored: 2 };

/** Keys time·3 + outcome must fit an Int32Array; that is still two million years of days. */
const MAX_DAY = 700_000_000;

/** The subject's outcome code; throws on a time or outcome out of range. */
function checkSubject(subject: Subject): number {
  if (!Number.isInteger(subject.time) || subject.time < 0 || subject.time > MAX_DAY) {
    throw new RangeError(`time must be a whole number of days in [0, ${MAX_DAY}], got ${subject.time}`);
  }
  const code = OUTCOME_CODE[subject.event];
  if (code === undefined) throw new RangeError(`unknown outcome ${String(subject.event)}`);
  return code;
}

/** Counts per distinct time, ascending. Sorting int32 keys (~5 ms for 100k) beats sorting objects. */
function eventTable(subjects: readonly Subject[]): TimeCounts[] {
  const keys = new Int32Array(subjects.length);
  subjects.forEach((subject, i) => {
    keys[i] = subject.time * 3 + checkSubject(subject);
  });
  keys.sort();

  const table: TimeCounts[] = [];
  for (const key of keys) {
    const day = Math.floor(key / 3);
    let last = table[table.length - 1];
    if (last?.day !== day) {
      last = { day, landed: 0, withdrawn: 0, censored: 0 };
      table.push(last);
    }
    const code = key - day * 3;
    if (code === 0) last.landed++;
    else if (code === 1) last.withdrawn++;
    else last.censored++;
  }
  return table;
}
