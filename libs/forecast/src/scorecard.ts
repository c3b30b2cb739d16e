import { businessDate, endOfBusinessDay } from '@luodi/domain';
import type { ForecastWarning } from './landing-forecast';
import { SMALL_SAMPLE_SIZE } from './landing-forecast';
import { wilsonInterval } from './wilson';
import type { DepartmentTally, ProjectWorkFactsRow } from '@luodi/read-models';

/**
 * Department scorecards (`GET /api/scorecards/departments`): pure functions of the projects'
 * work facts (the project_work_facts read model), a period and a record-time cut.
 *
 * The period is [from, to] in business dates; it is judged as it stood at the end of
 * `evaluatedOn` (the earlier of `to` and today) with only the facts recorded by `knownAt`.
 */

/**
 * A project's work facts: the project_work_facts row itself (declared once, with the read model),
 * imported as a type only so this lib stays free of the database.
 */
export type WorkFacts = ProjectWorkFactsRow;

/** The composite's weights in percent (whole numbers summing to 100), set by an admin. */
export interface ScorecardWeights {
  onTime: number;
  needs: number;
  landing: number;
  /** Supervision notices received in the period and signed for (签收) by evaluatedOn. */
  acknowledgement: number;
  /** Enterprise satisfaction at the period's follow-ups (回访). */
  satisfaction: number;
}

export const SCORECARD_COMPONENTS = ['onTime', 'needs', 'landing', 'acknowledgement', 'satisfaction'] as const;
export type ScorecardComponent = (typeof SCORECARD_COMPONENTS)[number];

export const DEFAULT_SCORECARD_WEIGHTS: ScorecardWeights = {
  onTime: 50,
  needs: 30,
  landing: 20,
  acknowledgement: 0,
  satisfaction: 0,
};

export type Satisfaction = 'satisfied' | 'basically' | 'unsatisfied';
/** A follow-up's worth in the satisfaction figure: 满意 1, 基本满意 ½, 不满意 0. */
export const SATISFACTION_VALUE: Record<Satisfaction, number> = { satisfied: 1, basically: 0.5, unsatisfied: 0 };

export type MilestoneOutcome = 'onTime' | 'late' | 'overdue' | 'open';

/** One milestone behind a scorecard figure. */
export interface ScorecardMilestoneItem {
  projectId: string;
  projectTitle: string;
  milestoneId: string;
  title: string;
  dueOn: string;
  completedOn: string | null;
  outcome: MilestoneOutcome;
  /** Days past the due date at completion (late) or on evaluatedOn (overdue); 0 otherwise. */
  daysLate: number;
}

/** One need behind a scorecard figure. */
export interface ScorecardNeedItem {
  projectId: string;
  projectTitle: string;
  needId: string;
  kind: string;
  description: string;
  /** When the department became answerable for it: the later of raising and its lead spell's start. */
  since: string;
  resolvedOn: string | null;
  daysToResolve: number | null;
}

export interface DepartmentScorecard {
  department: string;
  name: string;
  milestones: {
    /** Due in the period (in force at evaluatedOn, project not closed with it open). */
    due: number;
    completedOnTime: number;
    completedLate: number;
    /** Not completed, due before evaluatedOn. */
    overdue: number;
    /** Not completed, due on or after evaluatedOn: not yet judged. */
    open: number;
    /** completedOnTime / (completedOnTime + completedLate + overdue), Wilson 95%; null when none is judged. */
    onTimeRate: { value: number; low95: number; high95: number; n: number } | null;
    medianDaysLate: number | null;
  };
  needs: { resolved: number; open: number; medianDaysToResolve: number | null };
  /**
   * Notices issued to the department in the period (known by knownAt), how many it signed for by
   * evaluatedOn, and the median hours from issue to signature over those.
   */
  notices: { received: number; acknowledged: number; medianHoursToAcknowledge: number | null };
  /** The mean worth (SATISFACTION_VALUE) of the period's follow-ups of needs the department led; null without one. */
  satisfaction: number | null;
  followUps: number;
  projects: { led: number; landed: number };
  /** Each in [0, 1]; null where the department has nothing to judge it by. */
  components: Record<ScorecardComponent, number | null>;
  /** 0–100: the weighted mean of the non-null components (their weights rescaled); null if none. */
  score: number | null;
  /** 1 = best; equal scores share a rank; null without a score or with nothing judged in the period. */
  rank: number | null;
  warnings: ForecastWarning[];
}

export interface ScorecardInput {
  from: string;
  to: string;
  evaluatedOn: string;
  /** Record-time cut (ISO instant); undefined: everything recorded. */
  knownAt?: string;
  projects: readonly WorkFacts[];
  /** Every department (code, name), so one with nothing due still appears. */
  departments: readonly { code: string; name: string }[];
  /** Library projects led and landed at evaluatedOn, per lead department (the dashboard's figures). */
  landing: ReadonlyMap<string, { led: number; landed: number }>;
  weights: ScorecardWeights;
}

export interface DepartmentWork {
  milestones: ScorecardMilestoneItem[];
  resolvedNeeds: ScorecardNeedItem[];
  openNeeds: ScorecardNeedItem[];
  /** Hours from issue to signature; null: not signed for by evaluatedOn. */
  notices: { noticeId: string; projectId: string; hoursToAcknowledge: number | null }[];
  satisfactions: Satisfaction[];
}

/** A department with nothing in the period. */
export const emptyWork = (): DepartmentWork => ({
  milestones: [],
  resolvedNeeds: [],
  openNeeds: [],
  notices: [],
  satisfactions: [],
});

/** The median of a list (mean of the middle two for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Whole days from one business date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The weighted composite: 100 × Σ wᵢcᵢ / Σ wᵢ over the components that are not null. A
 * component without data (no milestone judged, a feature not built yet) is left out rather
 * than counted as zero, so a department is not punished for having nothing to judge.
 */
export function compositeScore(
  components: Record<ScorecardComponent, number | null>,
  weights: ScorecardWeights,
): number | null {
  let weighted = 0;
  let total = 0;
  for (const c of SCORECARD_COMPONENTS) {
    const value = components[c];
    if (value === null || weights[c] === 0) continue;
    weighted += weights[c] * value;
    total += weights[c];
  }
  return total === 0 ? null : (100 * weighted) / total;
}

/** Competition ranking (1, 2, 2, 4) by score, best first; null scores get no rank. */
export function ranks(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((score) => {
    if (score === null) return null;
    return 1 + scores.filter((other) => other !== null && other > score + 1e-9).length;
  });
}

/** Every department's milestones and needs in the period, classified: the items behind each figure. */
export function departmentWork(
  input: Omit<ScorecardInput, 'departments' | 'landing' | 'weights'>,
): Map<string, DepartmentWork> {
  const cut = Date.parse(endOfBusinessDay(input.evaluatedOn));
  const knownAt = input.knownAt === undefined ? Infinity : Date.parse(input.knownAt);
  const known = (at: string | null, recordedAt: string | null): at is string =>
    at !== null && recordedAt !== null && Date.parse(at) <= cut && Date.parse(recordedAt) <= knownAt;
  const work = new Map<string, DepartmentWork>();
  const of = (department: string) => {
    let w = work.get(department);
    if (!w) work.set(department, (w = emptyWork()));
    return w;
  };

  for (const project of input.projects) {
    const closed = known(project.closedAt, project.closedRecordedAt);
    const leads = project.leads.filter((l) => Date.parse(l.recordedAt) <= knownAt);
    const leadAt = (instant: string) => leads.filter((l) => Date.parse(l.since) <= Date.parse(instant)).at(-1);

    for (const m of project.milestones) {
      const spell = m.spells.filter((s) => known(s.since, s.recordedAt)).at(-1);
      if (!spell || spell.dueOn === null || spell.departmentCode === null) continue;
      const { dueOn } = spell;
      if (dueOn < input.from || dueOn > input.to) continue;
      const completedOn = known(m.completedAt, m.completedRecordedAt) ? businessDate(m.completedAt!) : null;
      // An item still open when its project landed or was withdrawn is nobody's due any more.
      if (completedOn === null && closed) continue;
      let outcome: MilestoneOutcome;
      let daysLate = 0;
      if (completedOn !== null) {
        daysLate = Math.max(0, daysBetween(dueOn, completedOn));
        outcome = daysLate === 0 ? 'onTime' : 'late';
      } else if (dueOn < input.evaluatedOn) {
        outcome = 'overdue';
        daysLate = daysBetween(dueOn, input.evaluatedOn);
      } else {
        outcome = 'open';
      }
      of(spell.departmentCode).milestones.push({
        projectId: project.projectId,
        projectTitle: project.title,
        milestoneId: m.milestoneId,
        title: spell.title,
        dueOn,
        completedOn,
        outcome,
        daysLate,
      });
    }

    for (const n of project.needs) {
      if (!known(n.raisedAt, n.raisedRecordedAt) || known(n.removedAt, n.removedRecordedAt)) continue;
      const resolved = known(n.resolvedAt, n.resolvedRecordedAt);
      if (!resolved && closed) continue;
      const lead = resolved ? leadAt(n.resolvedAt!) : leadAt(new Date(cut).toISOString());
      if (!lead) continue;
      const since = businessDate(Date.parse(lead.since) > Date.parse(n.raisedAt) ? lead.since : n.raisedAt);
      const item = {
        projectId: project.projectId,
        projectTitle: project.title,
        needId: n.needId,
        kind: n.kind,
        description: n.description,
        since,
      };
      if (resolved) {
        const resolvedOn = businessDate(n.resolvedAt!);
        if (resolvedOn < input.from) continue;
        of(lead.department).resolvedNeeds.push({
          ...item,
          resolvedOn,
          daysToResolve: Math.max(0, daysBetween(since, resolvedOn)),
        });
      } else {
        of(lead.department).openNeeds.push({ ...item, resolvedOn: null, daysToResolve: null });
      }
    }

    const inPeriod = (at: string) => businessDate(at) >= input.from && businessDate(at) <= input.to;
    for (const n of project.notices) {
      if (!known(n.issuedAt, n.issuedRecordedAt) || !inPeriod(n.issuedAt)) continue;
      const signed = known(n.acknowledgedAt, n.acknowledgedRecordedAt);
      of(n.departmentCode).notices.push({
        noticeId: n.noticeId,
        projectId: project.projectId,
        hoursToAcknowledge: signed ? (Date.parse(n.acknowledgedAt!) - Date.parse(n.issuedAt)) / 3_600_000 : null,
      });
    }
    // A follow-up judges the need's department: the lead in force when it was made.
    for (const f of project.followUps) {
      if (!known(f.at, f.recordedAt) || !inPeriod(f.at)) continue;
      const lead = leadAt(f.at);
      if (lead) of(lead.department).satisfactions.push(f.satisfaction);
    }
  }
  return work;
}

/** A department's work counted: what its scorecard is made of (departmentTallies computes the same in SQL). */
export function tallyWork(department: string, w: DepartmentWork): DepartmentTally {
  const count = (outcome: MilestoneOutcome) => w.milestones.filter((m) => m.outcome === outcome).length;
  const satisfactions = (s: Satisfaction) => w.satisfactions.filter((x) => x === s).length;
  return {
    department,
    onTime: count('onTime'),
    late: count('late'),
    overdue: count('overdue'),
    open: count('open'),
    daysLate: w.milestones.filter((m) => m.daysLate > 0).map((m) => m.daysLate),
    daysToResolve: w.resolvedNeeds.map((n) => n.daysToResolve!),
    openNeeds: w.openNeeds.length,
    noticesReceived: w.notices.length,
    hoursToAcknowledge: w.notices.filter((n) => n.hoursToAcknowledge !== null).map((n) => n.hoursToAcknowledge!),
    satisfied: satisfactions('satisfied'),
    basically: satisfactions('basically'),
    unsatisfied: satisfactions('unsatisfied'),
  };
}

/** The scorecard of every department, ranked by the composite (best first, then by code). */
export function departmentScorecards(input: ScorecardInput): DepartmentScorecard[] {
  const tallies = [...departmentWork(input)].map(([code, w]) => tallyWork(code, w));
  return scorecardsFromTallies({ ...input, tallies });
}

/** The scorecards from each department's tally (those without one have nothing in the period). */
export function scorecardsFromTallies(
  input: Pick<ScorecardInput, 'departments' | 'landing' | 'weights'> & { tallies: readonly DepartmentTally[] },
): DepartmentScorecard[] {
  const tallies = new Map(input.tallies.map((t) => [t.department, t]));
  const names = new Map(input.departments.map((d) => [d.code, d.name]));
  const codes = [...new Set([...names.keys(), ...tallies.keys(), ...input.landing.keys()])];
  const cards = codes.map((code): Omit<DepartmentScorecard, 'rank'> => {
    const t = tallies.get(code) ?? tallyWork(code, emptyWork());
    const { onTime: completedOnTime, late: completedLate, overdue, open } = t;
    const judged = completedOnTime + completedLate + overdue;
    const interval = judged === 0 ? null : wilsonInterval(completedOnTime, judged);
    const landing = input.landing.get(code) ?? { led: 0, landed: 0 };
    const resolved = t.daysToResolve.length;
    const needsTotal = resolved + t.openNeeds;
    const followUps = t.satisfied + t.basically + t.unsatisfied;
    // Sums of 1, ½ and 0 are exact, so this is the mean in any order.
    const satisfaction =
      followUps === 0
        ? null
        : (t.satisfied * SATISFACTION_VALUE.satisfied +
            t.basically * SATISFACTION_VALUE.basically +
            t.unsatisfied * SATISFACTION_VALUE.unsatisfied) /
          followUps;
    const components: Record<ScorecardComponent, number | null> = {
      onTime: interval?.value ?? null,
      needs: needsTotal === 0 ? null : resolved / needsTotal,
      landing: landing.led === 0 ? null : landing.landed / landing.led,
      acknowledgement: t.noticesReceived === 0 ? null : t.hoursToAcknowledge.length / t.noticesReceived,
      satisfaction,
    };
    const warnings: ForecastWarning[] =
      judged > 0 && judged < SMALL_SAMPLE_SIZE
        ? [
            {
              code: 'SMALL_SAMPLE',
              message: `Only ${judged} milestones were judged (fewer than ${SMALL_SAMPLE_SIZE}); the on-time rate's interval is wide.`,
            },
          ]
        : [];
    return {
      department: code,
      name: names.get(code) ?? code,
      milestones: {
        due: completedOnTime + completedLate + overdue + open,
        completedOnTime,
        completedLate,
        overdue,
        open,
        onTimeRate: interval && { value: interval.value, low95: interval.low, high95: interval.high, n: judged },
        medianDaysLate: median(t.daysLate),
      },
      needs: {
        resolved,
        open: t.openNeeds,
        medianDaysToResolve: median(t.daysToResolve),
      },
      notices: {
        received: t.noticesReceived,
        acknowledged: t.hoursToAcknowledge.length,
        medianHoursToAcknowledge: median(t.hoursToAcknowledge),
      },
      satisfaction,
      followUps,
      projects: landing,
      components,
      score: compositeScore(components, input.weights),
      warnings,
    };
  });
  // A department with nothing to judge in the period (no milestone judged, no need) is not
  // ranked: a score from its landings alone would put it above those that did the period's work.
  const active = (c: (typeof cards)[number]) => c.milestones.onTimeRate !== null || c.needs.resolved + c.needs.open > 0;
  const rankOf = ranks(cards.map((c) => (active(c) ? c.score : null)));
  return cards
    .map((card, i) => ({ ...card, rank: rankOf[i] }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.department.localeCompare(b.department));
}
