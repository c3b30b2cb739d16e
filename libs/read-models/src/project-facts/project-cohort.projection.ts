import { businessDate } from '@luodi/domain';
import { CreateProjectCohort1765400000000 } from '../migrations/1765400000000-create-project-cohort.migration';
import { DerivedProjection } from '../projector/projection';
import { ProjectCohortRow } from './project-cohort.entity';
import { ProjectFactsRow } from './project-facts.entity';
import { projectFacts } from './project-facts.projection';

const NEVER = 'infinity';
const dayOf = (instant: string | null): string => (instant === null ? NEVER : businessDate(instant));

/** project_facts in the narrow row of project_cohort. */
export function projectCohortRow(facts: ProjectFactsRow): ProjectCohortRow {
  const severalLeads = facts.leadDepartments.length > 1;
  const severalLandings = facts.landingOn.length > 0;
  return {
    submittedOn: businessDate(facts.submittedAt),
    submittedRecordedAt: facts.submittedRecordedAt,
    enteredOn: dayOf(facts.enteredLibraryAt),
    enteredRecordedAt: facts.enteredLibraryRecordedAt ?? NEVER,
    rejectedOn: dayOf(facts.rejectedAt),
    rejectedRecordedAt: facts.rejectedRecordedAt ?? NEVER,
    presentedOn: dayOf(facts.presentedAt),
    presentedRecordedAt: facts.presentedRecordedAt ?? NEVER,
    assignedOn: dayOf(facts.assignedAt),
    assignedRecordedAt: facts.assignedRecordedAt ?? NEVER,
    landedAtOn: dayOf(facts.landedAt),
    landedOn: facts.landedOn ?? NEVER,
    landedRecordedAt: facts.landedRecordedAt ?? NEVER,
    withdrawnOn: dayOf(facts.withdrawnAt),
    withdrawnRecordedAt: facts.withdrawnRecordedAt ?? NEVER,
    leadOn: severalLeads ? NEVER : dayOf(facts.leadSince[0] ?? null),
    leadRecordedAt: severalLeads ? NEVER : (facts.leadRecordedAt[0] ?? NEVER),
    severalLeads,
    severalLandings,
    investmentYuan: facts.investmentYuan,
    landedInvestmentYuan: facts.actualInvestmentYuan ?? facts.investmentYuan,
    industryChain: facts.industryChain,
    district: facts.district,
    conferenceId: facts.conferenceId,
    leadDepartment: severalLeads ? null : (facts.leadDepartments[0] ?? null),
    leadDepartments: severalLeads ? facts.leadDepartments : null,
    leadSince: severalLeads ? facts.leadSince : null,
    leadPeriodsRecordedAt: severalLeads ? facts.leadRecordedAt : null,
    landingOn: severalLandings ? facts.landingOn : null,
    landingRecordedAt: severalLandings ? facts.landingRecordedAt : null,
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
