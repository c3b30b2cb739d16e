import { parseStreamId } from '@luodi/domain';
import { CreateReadModels1764100000000 } from '../migrations/1764100000000-create-read-models.migration';
import { ProjectionEvent } from '../projection-event';
import { ownStream, RowProjection } from '../projector/projection';
import { ProjectFactsRow } from './project-facts.entity';

/** The project's dashboard facts after one more of its events (other events leave them unchanged). */
export function evolveProjectFacts(row: ProjectFactsRow | null, event: ProjectionEvent): ProjectFactsRow | null {
  if (event.type === 'ProjectSubmitted') {
    const { data } = event;
    return {
      projectId: data.projectId,
      enterpriseId: data.enterpriseId,
      industryChain: data.industryChain,
      district: data.district ?? null,
      investmentYuan: data.investmentYuan,
      actualInvestmentYuan: null,
      submittedAt: data.occurredAt,
      enteredLibraryAt: null,
      rejectedAt: null,
      presentedAt: null,
      conferenceId: null,
      assignedAt: null,
      leadDepartments: [],
      leadSince: [],
      landedOn: null,
      landedAt: null,
      withdrawnAt: null,
    };
  }
  if (row === null || parseStreamId(event.streamId)?.kind !== 'project') return row;

  switch (event.type) {
    case 'ProjectReviewed':
      if (event.data.verdict === 'approved') return { ...row, enteredLibraryAt: event.data.occurredAt };
      if (event.data.verdict === 'rejected') return { ...row, rejectedAt: event.data.occurredAt };
      return row;
    case 'SubmissionRevised': {
      const { industryChain, district, investmentYuan } = event.data;
      if (industryChain === undefined && district === undefined && investmentYuan === undefined) return row;
      return { ...row, industryChain: industryChain ?? row.industryChain, district: district ?? row.district, investmentYuan: investmentYuan ?? row.investmentYuan };
    }
    case 'ProjectPresented':
      return { ...row, presentedAt: event.data.occurredAt, conferenceId: event.data.conferenceId };
    case 'LandingPlanAssigned':
    case 'LandingPlanRevised': {
      const { leadDepartment, occurredAt } = event.data;
      const withAssignment = { ...row, assignedAt: row.assignedAt ?? occurredAt };
      // Only a change of lead starts a new period: the as-of lookup needs nothing else.
      if (row.leadDepartments.at(-1) === leadDepartment) return withAssignment;
      return { ...withAssignment, leadDepartments: [...row.leadDepartments, leadDepartment], leadSince: [...row.leadSince, occurredAt] };
    }
    case 'ProjectLanded':
      return { ...row, landedOn: event.data.landedOn, landedAt: event.data.occurredAt, actualInvestmentYuan: event.data.actualInvestmentYuan ?? null };
    case 'ProjectWithdrawn':
      return { ...row, withdrawnAt: event.data.occurredAt };
    default:
      return row;
  }
}

export const projectFacts: RowProjection<ProjectFactsRow> = {
  kind: 'rows',
  name: 'project-facts',
  entity: ProjectFactsRow,
  key: 'projectId',
  migrations: [CreateReadModels1764100000000],
  target: ownStream('project'),
  evolve: evolveProjectFacts,
};
