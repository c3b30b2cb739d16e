import {
  DashboardSummary,
  dashboardSummary,
  LANDING_RATE_GROUPS,
  LandingRateGroup,
  LandingRateRow,
  landingRates,
  librarySubjects,
  projectWorkFactsFor,
} from '@luodi/read-models';
import {
  departmentWork,
  LandingForecast,
  landingForecast,
  ScorecardMilestoneItem,
  ScorecardWeights,
} from '@luodi/forecast';
import { DataSource } from 'typeorm';
import { computeScorecards, DepartmentScorecards } from '../scorecards/department-scorecards.handler';

/** The forecast in a report looks a year ahead of the period's end, as the dashboard does by default. */
export const REPORT_HORIZON_DAYS = 365;

/** The overdue list takes every milestone due by the period's end, however long ago. */
const OVERDUE_FROM = '0001-01-01';

export interface OverdueItem extends ScorecardMilestoneItem {
  department: string;
}

/** Everything a report shows, as of the period's end and as known at `knownAt`. */
export interface ReportFigures {
  summary: DashboardSummary;
  landingRates: Record<LandingRateGroup, LandingRateRow[]>;
  scorecards: DepartmentScorecards;
  forecast: LandingForecast;
  /** Every milestone overdue at the period's end (due then or before, not done), longest overdue first. */
  overdue: OverdueItem[];
}

/**
 * The figures of a report: the same queries as the live endpoints, with `asOf` = the period's
 * end and `knownAt` = the publication moment, so `GET /api/dashboard/summary?asOf=<end>&knownAt=<knownAt>`
 * (and the others) give them again.
 */
export async function reportFigures(
  dataSource: DataSource,
  period: { start: string; end: string },
  knownAt: string,
  weights: ScorecardWeights,
): Promise<ReportFigures> {
  const asOf = period.end;
  const filters = { knownAt };
  const [summary, rates, scorecards, subjects, projects] = await Promise.all([
    dashboardSummary(dataSource, asOf, filters),
    Promise.all(LANDING_RATE_GROUPS.map((group) => landingRates(dataSource, group, asOf, filters))),
    computeScorecards(dataSource, { from: period.start, to: asOf, evaluatedOn: asOf, knownAt }, weights),
    librarySubjects(dataSource, asOf, filters),
    projectWorkFactsFor(dataSource, { from: OVERDUE_FROM, to: asOf, evaluatedOn: asOf, knownAt }),
  ]);
  const work = departmentWork({ from: OVERDUE_FROM, to: asOf, evaluatedOn: asOf, knownAt, projects });
  const overdue = [...work.entries()]
    .flatMap(([department, w]) =>
      w.milestones.filter((m) => m.outcome === 'overdue').map((m) => ({ department, ...m })),
    )
    .sort(
      (a, b) =>
        b.daysLate - a.daysLate ||
        a.department.localeCompare(b.department) ||
        a.milestoneId.localeCompare(b.milestoneId),
    );
  return {
    summary,
    landingRates: Object.fromEntries(
      LANDING_RATE_GROUPS.map((group, i) => [group, rates[i]]),
    ) as ReportFigures['landingRates'],
    scorecards,
    forecast: landingForecast({ asOf, horizonDays: REPORT_HORIZON_DAYS, subjects }),
    overdue,
  };
}
