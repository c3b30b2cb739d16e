import { isValidDate } from '../kernel/business-time';

/**
 * The warning ladder (预警) of one open item — a milestone by its due date, a need by its response
 * deadline — on one business day. Pure: the same item, day, settings and notices always give the
 * same colour, so the ladder on a past day is what it was that day.
 */

export interface SupervisionSettings {
  /** Yellow from this many days before the due date. */
  dueSoonDays: number;
  /** Escalated once overdue by more than this many days. */
  escalateAfterDays: number;
  /** A notice's default respondBy: this many days after it is issued. */
  responseDays: number;
}

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  dueSoonDays: 7,
  escalateAfterDays: 14,
  responseDays: 5,
};

/** The range each setting may take (inclusive), checked by the settings decider and the DTO alike. */
export const SUPERVISION_SETTINGS_RANGE: Record<keyof SupervisionSettings, { min: number; max: number }> = {
  dueSoonDays: { min: 0, max: 90 },
  escalateAfterDays: { min: 0, max: 365 },
  responseDays: { min: 1, max: 90 },
};

export const WARNING_COLOURS = ['green', 'yellow', 'red', 'escalated'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];

/** The steps a scheduler announces: every colour but green. */
export type LadderStep = Exclude<WarningColour, 'green'>;
export const LADDER_STEPS: readonly LadderStep[] = ['yellow', 'red', 'escalated'];

/** A notice on the item, as far as the ladder cares. */
export interface LadderNotice {
  level: 'reminder' | 'supervision';
  /** Business date it was issued on. */
  issuedOn: string;
  respondBy: string;
  /** Business date of the answer; null while unanswered. */
  answeredOn: string | null;
}

export interface LadderReading {
  colour: WarningColour;
  /** Days past the due date on that day; 0 when not overdue. */
  daysOverdue: number;
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  if (!isValidDate(date)) throw new Error(`"${date}" is not a YYYY-MM-DD date.`);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * A 督办单 (level supervision) escalates its item from the day after its respondBy until the day it
 * is answered; a 催办单 (reminder) only reminds. A notice counts from the day it was issued.
 */
function escalatingNotice(notice: LadderNotice, day: string): boolean {
  return (
    notice.level === 'supervision' &&
    notice.issuedOn <= day &&
    notice.respondBy < day &&
    (notice.answeredOn === null || notice.answeredOn > day)
  );
}

/** The colour of an item open on `day`, due on `dueOn`. */
export function warningLadder(
  dueOn: string,
  day: string,
  settings: SupervisionSettings,
  notices: readonly LadderNotice[],
): LadderReading {
  const overdue = daysBetween(dueOn, day);
  const daysOverdue = Math.max(0, overdue);
  if (overdue > settings.escalateAfterDays || notices.some((n) => escalatingNotice(n, day)))
    return { colour: 'escalated', daysOverdue };
  if (overdue > 0) return { colour: 'red', daysOverdue };
  if (-overdue <= settings.dueSoonDays) return { colour: 'yellow', daysOverdue };
  return { colour: 'green', daysOverdue };
}

/**
 * The first day the item (still open) is at each step, as the ladder computes it. Escalation by a
 * 督办单 starts the day after its respondBy, unless it was answered by then.
 */
export function ladderStepDays(
  dueOn: string,
  settings: SupervisionSettings,
  notices: readonly LadderNotice[],
): Record<LadderStep, string> {
  const byOverdue = addDays(dueOn, settings.escalateAfterDays + 1);
  const byNotice = notices
    .filter((n) => n.level === 'supervision' && (n.answeredOn === null || n.answeredOn > n.respondBy))
    .map((n) => addDays(n.respondBy, 1));
  const escalated = [byOverdue, ...byNotice].sort()[0];
  return { yellow: addDays(dueOn, -settings.dueSoonDays), red: addDays(dueOn, 1), escalated };
}
