import { type LandingPlan, type Need } from '@luodi/domain';
import { CreateProjectWorkFacts1764730000000 } from '../migrations/1764730000000-create-project-work-facts.migration';
import { AddProjectWorkFactsScope1765100000000 } from '../migrations/1765100000000-add-project-work-facts-scope.migration';
import { ProjectionEvent } from '../projection-event';
import { ownStream, RowProjection } from '../projector/projection';
import { MilestoneFact, NeedFact, ProjectWorkFactsRow } from './project-work-facts.entity';

/** The project's work facts after one more of its events (other events leave them unchanged). */
export function evolveProjectWorkFacts(
  row: ProjectWorkFactsRow | null,
  event: ProjectionEvent,
): ProjectWorkFactsRow | null {
  if (event.type === 'ProjectSubmitted') {
    const { data } = event;
    return {
      projectId: data.projectId,
      title: data.title,
      milestones: [],
      needs: raised([], data.needs, data.occurredAt, event.recordedAt),
      leads: [],
      notices: [],
      followUps: [],
      closedAt: null,
      closedRecordedAt: null,
    };
  }
  if (row === null) return row;
  const { recordedAt } = event;
  switch (event.type) {
    case 'SubmissionRevised': {
      const { title, needs, occurredAt } = event.data;
      if (title === undefined && needs === undefined) return row;
      return {
        ...row,
        title: title ?? row.title,
        needs: needs === undefined ? row.needs : raised(row.needs, needs, occurredAt, recordedAt),
      };
    }
    case 'LandingPlanAssigned':
    case 'LandingPlanRevised':
      return planned(row, event.data, recordedAt);
    case 'MilestoneCompleted': {
      const { milestoneId, occurredAt } = event.data;
      return {
        ...row,
        milestones: row.milestones.map((m) =>
          m.milestoneId === milestoneId && m.completedAt === null
            ? { ...m, completedAt: occurredAt, completedRecordedAt: recordedAt }
            : m,
        ),
      };
    }
    case 'NeedResolved': {
      const { needId, occurredAt } = event.data;
      return {
        ...row,
        needs: row.needs.map((n) =>
          n.needId === needId && n.resolvedAt === null
            ? { ...n, resolvedAt: occurredAt, resolvedRecordedAt: recordedAt }
            : n,
        ),
      };
    }
    // An unsatisfied 回访 sends the need back (退回重办): it counts as open again until resolved anew.
    // (The first resolution is not kept: a scorecard known before the reopening counts it open too.)
    case 'NeedReopened': {
      const { needId } = event.data;
      return {
        ...row,
        needs: row.needs.map((n) => (n.needId === needId ? { ...n, resolvedAt: null, resolvedRecordedAt: null } : n)),
      };
    }
    case 'SupervisionNoticeIssued': {
      const { noticeId, departmentCode, occurredAt } = event.data;
      const notice = { noticeId, departmentCode, issuedAt: occurredAt, issuedRecordedAt: recordedAt };
      return { ...row, notices: [...row.notices, { ...notice, acknowledgedAt: null, acknowledgedRecordedAt: null }] };
    }
    case 'SupervisionNoticeAcknowledged': {
      const { noticeId, occurredAt } = event.data;
      return {
        ...row,
        notices: row.notices.map((n) =>
          n.noticeId === noticeId ? { ...n, acknowledgedAt: occurredAt, acknowledgedRecordedAt: recordedAt } : n,
        ),
      };
    }
    case 'NeedFollowedUp': {
      const { needId, satisfaction, occurredAt } = event.data;
      return { ...row, followUps: [...row.followUps, { needId, satisfaction, at: occurredAt, recordedAt }] };
    }
    case 'ProjectLanded':
    case 'ProjectWithdrawn':
      return row.closedAt === null ? { ...row, closedAt: event.data.occurredAt, closedRecordedAt: recordedAt } : row;
    // A revoked landing reopens the project; its milestones can fall overdue again.
    case 'LandingRevoked':
      return { ...row, closedAt: null, closedRecordedAt: null };
    default:
      return row;
  }
}

/** The needs after a submission names its list: new ones raised now, missing ones removed now. */
function raised(facts: NeedFact[], needs: Need[], at: string, recordedAt: string): NeedFact[] {
  const listed = new Set(needs.map((n) => n.needId));
  const kept = facts.map((f) =>
    listed.has(f.needId) || f.removedAt !== null ? f : { ...f, removedAt: at, removedRecordedAt: recordedAt },
  );
  const known = new Set(facts.map((f) => f.needId));
  const added = needs
    .filter((n) => !known.has(n.needId))
    .map((n): NeedFact => ({
      needId: n.needId,
      kind: n.kind,
      description: n.description,
      raisedAt: at,
      raisedRecordedAt: recordedAt,
      removedAt: null,
      removedRecordedAt: null,
      resolvedAt: null,
      resolvedRecordedAt: null,
    }));
  return [...kept, ...added];
}

/** A plan: each of its milestones starts a spell, each milestone it leaves out a dropped spell. */
function planned(
  row: ProjectWorkFactsRow,
  plan: LandingPlan & { occurredAt: string },
  recordedAt: string,
): ProjectWorkFactsRow {
  const since = plan.occurredAt;
  const inPlan = new Map(plan.milestones.map((m) => [m.milestoneId, m]));
  const milestones: MilestoneFact[] = row.milestones.map((fact) => {
    const m = inPlan.get(fact.milestoneId);
    const last = fact.spells.at(-1)!;
    if (!m && last.dueOn === null) return fact;
    const spell = m
      ? { since, recordedAt, title: m.title, dueOn: m.dueOn, departmentCode: m.departmentCode }
      : { since, recordedAt, title: last.title, dueOn: null, departmentCode: null };
    return { ...fact, spells: [...fact.spells, spell] };
  });
  const known = new Set(row.milestones.map((m) => m.milestoneId));
  for (const m of plan.milestones) {
    if (known.has(m.milestoneId)) continue;
    milestones.push({
      milestoneId: m.milestoneId,
      spells: [{ since, recordedAt, title: m.title, dueOn: m.dueOn, departmentCode: m.departmentCode }],
      completedAt: null,
      completedRecordedAt: null,
    });
  }
  const leads =
    row.leads.at(-1)?.department === plan.leadDepartment
      ? row.leads
      : [...row.leads, { department: plan.leadDepartment, since, recordedAt }];
  return { ...row, milestones, leads };
}

export const projectWorkFacts: RowProjection<ProjectWorkFactsRow> = {
  kind: 'rows',
  name: 'project-work-facts',
  entity: ProjectWorkFactsRow,
  key: 'projectId',
  migrations: [CreateProjectWorkFacts1764730000000, AddProjectWorkFactsScope1765100000000],
  target: ownStream('project'),
  evolve: evolveProjectWorkFacts,
};
