import { businessDate } from '@luodi/domain';
import { CreateProjectCohort1765400000000 } from '../migrations/1765400000000-create-project-cohort.migration';
import { DerivedProjection } from '../projector/projection';
import { ProjectCohortRow } from './project-cohort.entity';
import { ProjectFactsRow } from './project-facts.entity';
import { projectFacts } from './project-facts.projection';

const NEVER = 'infinity';
const dayOf = (instant: string | null): string => (instant === null ? NEVER : businessDate(instant));

/**
 * The lead department in force at the end of each business date on which it changed, by date: of
 * the periods begun by then, the latest (project_facts' lookup, the later one of a tie).
 */
function leadsByDay(facts: ProjectFactsRow): Array<{ on: string; department: string }> {
  const periods = facts.leadDepartments
    .map((department, i) => ({ department, since: Date.parse(facts.leadSince[i]), i }))
    .sort((a, b) => a.since - b.since || a.i - b.i);
  const days: Array<{ on: string; department: string }> = [];
  for (const { department, since } of periods) {
    const on = businessDate(new Date(since).toISOString());
    if (days.at(-1)?.on === on) days.pop();
    if (days.at(-1)?.department !== department) days.push({ on, department });
  }
  return days;
}

export function projectCohortRow(facts: ProjectFactsRow): ProjectCohortRow {
  const leads = leadsByDay(facts);
  const several = leads.length > 1;
  return {
    submittedOn: businessDate(facts.submittedAt),
    enteredOn: dayOf(facts.enteredLibraryAt),
    rejectedOn: dayOf(facts.rejectedAt),
    presentedOn: dayOf(facts.presentedAt),
    assignedOn: dayOf(facts.assignedAt),
    landedAtOn: dayOf(facts.landedAt),
    landedOn: facts.landedOn ?? NEVER,
    withdrawnOn: dayOf(facts.withdrawnAt),
    leadOn: !several && leads.length === 1 ? leads[0].on : NEVER,
    severalLeads: several,
    investmentYuan: facts.investmentYuan,
    landedInvestmentYuan: facts.actualInvestmentYuan ?? facts.investmentYuan,
    industryChain: facts.industryChain,
    district: facts.district,
    conferenceId: facts.conferenceId,
    leadDepartment: !several && leads.length === 1 ? leads[0].department : null,
    leadDepartments: several ? leads.map((l) => l.department) : [],
    leadDepartmentsOn: several ? leads.map((l) => l.on) : [],
    projectId: facts.projectId,
  };
}

export const projectCohort: DerivedProjection<ProjectCohortRow, readonly [typeof projectFacts]> = {
  kind: 'derived',
  name: 'project-cohort',
  entity: ProjectCohortRow,
  groupBy: 'projectId',
  migrations: [CreateProjectCohort1765400000000],
  sources: [projectFacts],
  derive: (facts) => (facts ? [projectCohortRow(facts)] : []),
};
