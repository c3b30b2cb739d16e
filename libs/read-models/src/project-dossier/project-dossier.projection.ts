import { parseStreamId } from '@luodi/domain';
import type { LandingPlan, Need } from '@luodi/domain';
import { CreateReadModels1764100000000 } from '../migrations/1764100000000-create-read-models.migration';
import { ProjectionEvent } from '../projection-event';
import { ownStream, RowProjection } from '../projector/projection';
import { DossierNeed, DossierPlan, ProjectDossierRow } from './project-dossier.entity';

/** The project's dossier row after one more of its events (other events leave it unchanged). */
export function evolveProjectDossier(row: ProjectDossierRow | null, event: ProjectionEvent): ProjectDossierRow | null {
  if (event.type === 'ProjectSubmitted') {
    const { data } = event;
    return { projectId: data.projectId, enterpriseId: data.enterpriseId, needs: data.needs.map(openNeed), plan: null, landing: null, withdrawal: null };
  }
  if (row === null || parseStreamId(event.streamId)?.kind !== 'project') return row;

  switch (event.type) {
    case 'SubmissionRevised':
      return event.data.needs ? { ...row, needs: revisedNeeds(row.needs, event.data.needs) } : row;
    case 'NeedResolved': {
      const { needId, resolution, occurredAt } = event.data;
      return { ...row, needs: row.needs.map((n) => (n.needId === needId ? { ...n, resolved: true, resolution, resolvedAt: occurredAt } : n)) };
    }
    case 'LandingPlanAssigned':
      return { ...row, plan: planFrom(event.data, 1, event.data.occurredAt, null) };
    case 'LandingPlanRevised':
      return { ...row, plan: planFrom(event.data, event.data.revision, event.data.occurredAt, row.plan) };
    case 'MilestoneCompleted': {
      const { milestoneId, occurredAt } = event.data;
      if (!row.plan) return row;
      const milestones = row.plan.milestones.map((m) => (m.milestoneId === milestoneId ? { ...m, done: true, doneAt: occurredAt } : m));
      return { ...row, plan: { ...row.plan, milestones } };
    }
    case 'ProjectLanded':
      return {
        ...row,
        landing: { landedOn: event.data.landedOn, actualInvestmentYuan: event.data.actualInvestmentYuan ?? null, evidence: event.data.evidence ?? null },
      };
    case 'ProjectWithdrawn':
      return { ...row, withdrawal: { reason: event.data.reason, occurredAt: event.data.occurredAt } };
    default:
      return row;
  }
}

const openNeed = (need: Need): DossierNeed => ({ needId: need.needId, kind: need.kind, description: need.description, resolved: false, resolution: null, resolvedAt: null });

/** As the domain has it: a need the revision keeps (by needId) keeps its resolution. */
function revisedNeeds(current: DossierNeed[], revised: Need[]): DossierNeed[] {
  return revised.map((need) => {
    const kept = current.find((n) => n.needId === need.needId);
    return kept ? { ...kept, kind: need.kind, description: need.description } : openNeed(need);
  });
}

/** As the domain has it: a milestone completed under the previous plan stays so if the new plan keeps its id. */
function planFrom(plan: LandingPlan, revision: number, assignedAt: string, previous: DossierPlan | null): DossierPlan {
  return {
    planId: plan.planId,
    revision,
    leadDepartment: plan.leadDepartment,
    supportingDepartments: [...plan.supportingDepartments],
    milestones: plan.milestones.map((m) => {
      const kept = previous?.milestones.find((p) => p.milestoneId === m.milestoneId);
      return { milestoneId: m.milestoneId, title: m.title, dueOn: m.dueOn, departmentCode: m.departmentCode, owner: m.owner, done: kept?.done ?? false, doneAt: kept?.doneAt ?? null };
    }),
    assignedAt,
  };
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
