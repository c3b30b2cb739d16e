import { CreateWorkItems1765200000000 } from '../migrations/1765200000000-create-work-items.migration';
import { DerivedProjection } from '../projector/projection';
import { ProjectWorkFactsRow } from './project-work-facts.entity';
import { projectWorkFacts } from './project-work-facts.projection';
import { WorkFollowUpRow, WorkLeadRow, WorkMilestoneSpellRow, WorkNeedRow, WorkNoticeRow } from './work-items.entity';

/** The typed rows of a project's work facts: no event logic of their own, so they cannot drift from it. */
function workItems<Row extends object>(
  name: string,
  entity: new () => Row,
  derive: (facts: ProjectWorkFactsRow) => Row[],
): DerivedProjection<Row, readonly [typeof projectWorkFacts]> {
  return {
    kind: 'derived',
    name,
    entity,
    groupBy: 'projectId' as keyof Row & string,
    migrations: [CreateWorkItems1765200000000],
    sources: [projectWorkFacts],
    derive: (facts) => (facts ? derive(facts) : []),
  };
}

const closing = ({ closedAt, closedRecordedAt }: ProjectWorkFactsRow) => ({ closedAt, closedRecordedAt });

export const workMilestoneSpells = workItems('work-milestone-spells', WorkMilestoneSpellRow, (facts) =>
  facts.milestones.flatMap((m) =>
    m.spells.map((s, spell) => ({
      projectId: facts.projectId,
      milestoneId: m.milestoneId,
      spell,
      last: spell === m.spells.length - 1,
      since: s.since,
      recordedAt: s.recordedAt,
      dueOn: s.dueOn,
      departmentCode: s.departmentCode,
      completedAt: m.completedAt,
      completedRecordedAt: m.completedRecordedAt,
      ...closing(facts),
    })),
  ),
);

export const workNeeds = workItems('work-needs', WorkNeedRow, (facts) =>
  facts.needs.flatMap((n) =>
    facts.leads.map((l, lead) => {
      const later = facts.leads.slice(lead + 1);
      const ended = firstEnd([
        { at: n.resolvedAt, recordedAt: n.resolvedRecordedAt },
        { at: n.removedAt, recordedAt: n.removedRecordedAt },
        { at: facts.closedAt, recordedAt: facts.closedRecordedAt },
        ...later.map((k) => ({ at: k.since, recordedAt: k.recordedAt })),
      ]);
      return {
        projectId: facts.projectId,
        needId: n.needId,
        lead,
        last: later.length === 0,
        department: l.department,
        leadSince: l.since,
        leadRecordedAt: l.recordedAt,
        endedAt: ended?.at ?? null,
        endedRecordedAt: ended?.recordedAt ?? null,
        raisedAt: n.raisedAt,
        raisedRecordedAt: n.raisedRecordedAt,
        removedAt: n.removedAt,
        removedRecordedAt: n.removedRecordedAt,
        resolvedAt: n.resolvedAt,
        resolvedRecordedAt: n.resolvedRecordedAt,
        ...closing(facts),
      };
    }),
  ),
);

type End = { at: string | null; recordedAt: string | null };

/** The earliest end in business time; of ends at the same instant, the one recorded last. */
function firstEnd(ends: End[]): { at: string; recordedAt: string } | null {
  let first: { at: string; recordedAt: string } | null = null;
  for (const { at, recordedAt } of ends) {
    if (at === null || recordedAt === null) continue;
    const t = Date.parse(at);
    const t0 = first === null ? Infinity : Date.parse(first.at);
    if (t < t0 || (t === t0 && Date.parse(recordedAt) > Date.parse(first!.recordedAt))) first = { at, recordedAt };
  }
  return first;
}

export const workLeads = workItems('work-leads', WorkLeadRow, (facts) =>
  facts.leads.map((l, lead) => ({
    projectId: facts.projectId,
    lead,
    department: l.department,
    since: l.since,
    recordedAt: l.recordedAt,
  })),
);

export const workNotices = workItems('work-notices', WorkNoticeRow, (facts) =>
  facts.notices.map((n) => ({
    projectId: facts.projectId,
    noticeId: n.noticeId,
    departmentCode: n.departmentCode,
    issuedAt: n.issuedAt,
    issuedRecordedAt: n.issuedRecordedAt,
    acknowledgedAt: n.acknowledgedAt,
    acknowledgedRecordedAt: n.acknowledgedRecordedAt,
  })),
);

export const workFollowUps = workItems('work-follow-ups', WorkFollowUpRow, (facts) =>
  facts.followUps.map((u, followUp) => ({
    projectId: facts.projectId,
    followUp,
    satisfaction: u.satisfaction,
    at: u.at,
    recordedAt: u.recordedAt,
  })),
);
