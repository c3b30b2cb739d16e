import { openNeed, parseStreamId, planFrom, reopenedNeed, revisedNeeds } from '@luodi/domain';
import { CreateReadModels1764100000000 } from '../migrations/1764100000000-create-read-models.migration';
import { ProjectionEvent } from '../projection-event';
import { ownStream, RowProjection } from '../projector/projection';
import { ProjectDossierRow } from './project-dossier.entity';

/**
 * The project's dossier row after one more of its events (other events leave it unchanged). The
 * needs and the plan fold as the domain's state does (openNeed, revisedNeeds, planFrom).
 */
export function evolveProjectDossier(row: ProjectDossierRow | null, event: ProjectionEvent): ProjectDossierRow | null {
  if (event.type === 'ProjectSubmitted') {
    const { data } = event;
    return {
      projectId: data.projectId,
      enterpriseId: data.enterpriseId,
      needs: data.needs.map(openNeed),
      plan: null,
      landing: null,
      withdrawal: null,
    };
  }
  if (row === null || parseStreamId(event.streamId)?.kind !== 'project') return row;

  switch (event.type) {
    case 'SubmissionRevised':
      return event.data.needs ? { ...row, needs: revisedNeeds(row.needs, event.data.needs) } : row;
    case 'NeedResolved': {
      const { needId, resolution, occurredAt } = event.data;
      return {
        ...row,
        needs: row.needs.map((n) =>
          n.needId === needId ? { ...n, resolved: true, resolution, resolvedAt: occurredAt } : n,
        ),
      };
    }
    case 'NeedReopened':
      return { ...row, needs: row.needs.map((n) => (n.needId === event.data.needId ? reopenedNeed(n) : n)) };
    case 'LandingPlanAssigned':
      return { ...row, plan: planFrom(event.data, 1, event.data.occurredAt, null) };
    case 'LandingPlanRevised':
      return { ...row, plan: planFrom(event.data, event.data.revision, event.data.occurredAt, row.plan) };
    case 'MilestoneCompleted': {
      const { milestoneId, occurredAt } = event.data;
      if (!row.plan) return row;
      const milestones = row.plan.milestones.map((m) =>
        m.milestoneId === milestoneId ? { ...m, done: true, doneAt: occurredAt } : m,
      );
      return { ...row, plan: { ...row.plan, milestones } };
    }
    case 'ProjectLanded':
      return {
        ...row,
        landing: {
          landedOn: event.data.landedOn,
          actualInvestmentYuan: event.data.actualInvestmentYuan ?? null,
          evidence: event.data.evidence ?? null,
        },
      };
    case 'ProjectWithdrawn':
      return { ...row, withdrawal: { reason: event.data.reason, occurredAt: event.data.occurredAt } };
    case 'LandingCorrected':
      return row.landing ? { ...row, landing: { ...row.landing, landedOn: event.data.landedOn } } : row;
    case 'LandingRevoked':
      return { ...row, landing: null };
    default:
      return row;
  }
}

export const projectDossier: RowProjection<ProjectDossierRow> = {
  kind: 'rows',
  name: 'project-dossier',
  entity: ProjectDossierRow,
  key: 'projectId',
  migrations: [CreateReadModels1764100000000],
  target: ownStream('project'),
  evolve: evolveProjectDossier,
};
