import { parseStreamId } from '@luodi/domain';
import { CreateReadModels1764100000000 } from '../migrations/1764100000000-create-read-models.migration';
import { AddProjectFactsRecordedAt1764716000000 } from '../migrations/1764716000000-add-project-facts-recorded-at.migration';
import { AddProjectFactsLandingVersions1764900000000 } from '../migrations/1764900000000-add-project-facts-landing-versions.migration';
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
      submittedRecordedAt: event.recordedAt,
      enteredLibraryAt: null,
      enteredLibraryRecordedAt: null,
      rejectedAt: null,
      rejectedRecordedAt: null,
      presentedAt: null,
      conferenceId: null,
      presentedRecordedAt: null,
      assignedAt: null,
      assignedRecordedAt: null,
      leadDepartments: [],
      leadSince: [],
      leadRecordedAt: [],
      landedOn: null,
      landedAt: null,
      landedRecordedAt: null,
      landingOn: [],
      landingRecordedAt: [],
      withdrawnAt: null,
      withdrawnRecordedAt: null,
    };
  }
  if (row === null || parseStreamId(event.streamId)?.kind !== 'project') return row;

  const { recordedAt } = event;
  switch (event.type) {
    case 'ProjectReviewed':
      if (event.data.verdict === 'approved')
        return { ...row, enteredLibraryAt: event.data.occurredAt, enteredLibraryRecordedAt: recordedAt };
      if (event.data.verdict === 'rejected')
        return { ...row, rejectedAt: event.data.occurredAt, rejectedRecordedAt: recordedAt };
      return row;
    case 'SubmissionRevised': {
      const { industryChain, district, investmentYuan } = event.data;
      if (industryChain === undefined && district === undefined && investmentYuan === undefined) return row;
      return {
        ...row,
        industryChain: industryChain ?? row.industryChain,
        district: district ?? row.district,
        investmentYuan: investmentYuan ?? row.investmentYuan,
      };
    }
    case 'ProjectPresented':
      return {
        ...row,
        presentedAt: event.data.occurredAt,
        conferenceId: event.data.conferenceId,
        presentedRecordedAt: recordedAt,
      };
    case 'LandingPlanAssigned':
    case 'LandingPlanRevised': {
      const { leadDepartment, occurredAt } = event.data;
      const withAssignment =
        row.assignedAt === null ? { ...row, assignedAt: occurredAt, assignedRecordedAt: recordedAt } : row;
      // Only a change of lead starts a new period: the as-of lookup needs nothing else.
      if (row.leadDepartments.at(-1) === leadDepartment) return withAssignment;
      return {
        ...withAssignment,
        leadDepartments: [...row.leadDepartments, leadDepartment],
        leadSince: [...row.leadSince, occurredAt],
        leadRecordedAt: [...row.leadRecordedAt, recordedAt],
      };
    }
    case 'ProjectLanded':
      return {
        ...row,
        landedOn: event.data.landedOn,
        landedAt: event.data.occurredAt,
        landedRecordedAt: recordedAt,
        actualInvestmentYuan: event.data.actualInvestmentYuan ?? null,
        // Landing again after a revocation is one more version of a corrected landing.
        ...(row.landingOn.length > 0 && landingVersion(row, event.data.landedOn, recordedAt)),
      };
    case 'LandingCorrected':
      return {
        ...row,
        landedOn: event.data.landedOn,
        landedAt: event.data.landedAt,
        landedRecordedAt: recordedAt,
        ...landingVersion(row, event.data.landedOn, recordedAt),
      };
    case 'LandingRevoked':
      // The actual investment stays: it counts only while the project is landed.
      return {
        ...row,
        landedOn: null,
        landedAt: null,
        landedRecordedAt: recordedAt,
        ...landingVersion(row, null, recordedAt),
      };
    case 'ProjectWithdrawn':
      return { ...row, withdrawnAt: event.data.occurredAt, withdrawnRecordedAt: recordedAt };
    default:
      return row;
  }
}

/** The landing versions with one more; the first correction first records the landing it corrects. */
function landingVersion(
  row: ProjectFactsRow,
  landedOn: string | null,
  recordedAt: string,
): Pick<ProjectFactsRow, 'landingOn' | 'landingRecordedAt'> {
  const first = row.landingOn.length === 0 && row.landedRecordedAt !== null;
  return {
    landingOn: [...(first ? [row.landedOn] : row.landingOn), landedOn],
    landingRecordedAt: [...(first ? [row.landedRecordedAt!] : row.landingRecordedAt), recordedAt],
  };
}

export const projectFacts: RowProjection<ProjectFactsRow> = {
  kind: 'rows',
  name: 'project-facts',
  entity: ProjectFactsRow,
  key: 'projectId',
  migrations: [
    CreateReadModels1764100000000,
    AddProjectFactsRecordedAt1764716000000,
    AddProjectFactsLandingVersions1764900000000,
  ],
  target: ownStream('project'),
  evolve: evolveProjectFacts,
};
