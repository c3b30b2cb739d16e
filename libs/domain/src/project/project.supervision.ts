import { createHash } from 'node:crypto';
import { assertNotBeforePrevious, businessDate } from '../kernel/business-time';
import { calendarDate, oneOf, requiredText, withoutUndefined } from '../kernel/validation';
import {
  addDays,
  daysBetween,
  LADDER_STEPS,
  LadderNotice,
  LadderReading,
  LadderStep,
  ladderStepDays,
  SupervisionSettings,
  warningLadder,
} from '../supervision/warning-ladder';
import { ActingUser } from './project.access';
import {
  AcknowledgeSupervisionNotice,
  AnswerSupervisionNotice,
  IssueSupervisionNotice,
  SuperviseProject,
} from './project.commands';
import { projectErrors } from './project.errors';
import { NOTICE_LEVELS, ProjectEvent, SupervisionEvent } from './project.events';
import { isClosed, Project, SupervisionNotice } from './project.state';
import { supervisionErrors } from './supervision.errors';

/** How long a notice's message and answer may be (the DTOs use the same). */
export const NOTICE_TEXT_MAX = 2000;

/** An open item of the plan in force that the ladder watches: a milestone, or a need of a planned project. */
export interface SupervisedItem {
  milestoneId: string | null;
  needId: string | null;
  title: string;
  departmentCode: string;
  dueOn: string;
  /** When the item began to be watched (its plan), and that business date. */
  sinceAt: string;
  since: string;
}

/** A need is due `responseDays` after the first landing plan, and is the lead department's to resolve. */
export function needDueOn(project: Project, settings: Pick<SupervisionSettings, 'responseDays'>): string | null {
  if (project.firstPlannedAt === undefined) return null;
  return addDays(businessDate(project.firstPlannedAt), settings.responseDays);
}

export function openSupervisedItems(project: Project, settings: SupervisionSettings): SupervisedItem[] {
  if (project.status !== 'assigned' || project.plan === null) return [];
  const sinceAt = project.plan.assignedAt;
  const since = businessDate(sinceAt);
  const milestones = project.plan.milestones
    .filter((m) => !m.done)
    .map((m) => ({
      milestoneId: m.milestoneId,
      needId: null,
      title: m.title,
      departmentCode: m.departmentCode,
      dueOn: m.dueOn,
      sinceAt,
      since,
    }));
  const needDue = needDueOn(project, settings);
  const needs =
    needDue === null
      ? []
      : project.needs
          .filter((n) => !n.resolved)
          .map((n) => ({
            milestoneId: null,
            needId: n.needId,
            title: n.description,
            departmentCode: project.plan!.leadDepartment,
            dueOn: needDue,
            sinceAt: project.firstPlannedAt!,
            since: businessDate(project.firstPlannedAt!),
          }));
  return [...milestones, ...needs];
}

export interface ItemWarning extends SupervisedItem, LadderReading {}

/**
 * The ladder of every item of the plan in force that was open on `day` (done or resolved later
 * counts as open then), for a project still being worked.
 */
export function ladderOfProject(project: Project, day: string, settings: SupervisionSettings): ItemWarning[] {
  if (project.status !== 'assigned' || project.plan === null) return [];
  const openOn = (closedAt: string | null) => closedAt === null || businessDate(closedAt) > day;
  const reopened: Project = {
    ...project,
    plan: { ...project.plan, milestones: project.plan.milestones.map((m) => ({ ...m, done: !openOn(m.doneAt) })) },
    needs: project.needs.map((n) => ({ ...n, resolved: !openOn(n.resolvedAt) })),
  };
  const notices = project.notices ?? [];
  return openSupervisedItems(reopened, settings)
    .filter((item) => item.since <= day)
    .map((item) => ({ ...item, ...warningLadder(item.dueOn, day, settings, ladderNoticesOf(notices, item)) }));
}

/** The notices on one item, as the ladder reads them. */
export function ladderNoticesOf(
  notices: readonly SupervisionNotice[],
  item: { milestoneId: string | null; needId: string | null },
): LadderNotice[] {
  return notices
    .filter((n) => (item.milestoneId !== null ? n.milestoneId === item.milestoneId : n.needId === item.needId))
    .map((n) => ({
      level: n.level,
      issuedOn: businessDate(n.issuedAt),
      respondBy: n.respondBy,
      answeredOn: n.answeredAt === null ? null : businessDate(n.answeredAt),
    }));
}

/**
 * The scheduler's notice id for an item and step: derived, not drawn at random, so every instance
 * and every retry names the same notice (a second one could never be told apart from a new one).
 */
export function schedulerNoticeId(projectId: string, itemId: string, step: LadderStep): string {
  const hex = createHash('sha1').update(`luodi-supervision/${projectId}/${itemId}/${step}`).digest('hex');
  // Laid out as an RFC 4122 name-based (version 5) UUID.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function issueNotice({ data, metadata }: IssueSupervisionNotice, project: Project): ProjectEvent[] {
  const today = businessDate(metadata.now);
  if (data.issuedBy.role === 'leader' && data.level !== 'supervision')
    throw supervisionErrors.leaderIssuesSupervisionOnly();
  if ((data.milestoneId === undefined) === (data.needId === undefined)) throw supervisionErrors.itemRequired();
  const level = oneOf(data.level, NOTICE_LEVELS, 'level');
  const message = requiredText(data.message, 'message', NOTICE_TEXT_MAX);
  const respondBy =
    data.respondBy === undefined ? addDays(today, data.responseDays) : calendarDate(data.respondBy, 'respondBy');
  if (respondBy < today) throw supervisionErrors.respondByInPast(today);
  if (isClosed(project.status)) throw projectErrors.closed(project.status);
  if (project.plan === null) throw supervisionErrors.needsLandingPlan();
  let departmentCode: string;
  if (data.milestoneId !== undefined) {
    const milestone = project.plan.milestones.find((m) => m.milestoneId === data.milestoneId);
    if (!milestone) throw projectErrors.milestoneNotFound(data.milestoneId);
    if (milestone.done) throw supervisionErrors.itemClosed('milestoneId');
    departmentCode = milestone.departmentCode;
  } else {
    const need = project.needs.find((n) => n.needId === data.needId);
    if (!need) throw projectErrors.needNotFound(data.needId!);
    if (need.resolved) throw supervisionErrors.itemClosed('needId');
    departmentCode = project.plan.leadDepartment;
  }
  const occurredAt = new Date(metadata.now).toISOString();
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  return [
    {
      type: 'SupervisionNoticeIssued',
      data: withoutUndefined({
        noticeId: data.noticeId,
        milestoneId: data.milestoneId,
        needId: data.needId,
        departmentCode,
        level,
        message,
        respondBy,
        source: 'manual' as const,
        occurredAt,
      }),
    },
  ];
}

function noticeFor(project: Project, noticeId: string, by: ActingUser): SupervisionNotice {
  const notice = project.notices?.find((n) => n.noticeId === noticeId);
  if (!notice) throw supervisionErrors.noticeNotFound();
  if (by.role === 'department' && by.departmentCode !== notice.departmentCode) throw supervisionErrors.notYourNotice();
  return notice;
}

export function acknowledgeNotice({ data, metadata }: AcknowledgeSupervisionNotice, project: Project): ProjectEvent[] {
  const notice = noticeFor(project, data.noticeId, data.by);
  if (notice.answeredAt !== null) throw supervisionErrors.alreadyAnswered();
  if (notice.acknowledgedAt !== null) throw supervisionErrors.alreadyAcknowledged();
  const occurredAt = new Date(metadata.now).toISOString();
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  return [{ type: 'SupervisionNoticeAcknowledged', data: { noticeId: notice.noticeId, occurredAt } }];
}

/** An answer after respondBy is late, and escalates the notice unless the scheduler already did. */
export function answerNotice({ data, metadata }: AnswerSupervisionNotice, project: Project): ProjectEvent[] {
  const notice = noticeFor(project, data.noticeId, data.by);
  const note = requiredText(data.note, 'note', NOTICE_TEXT_MAX);
  if (notice.answeredAt !== null) throw supervisionErrors.alreadyAnswered();
  const occurredAt = new Date(metadata.now).toISOString();
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  const late = businessDate(occurredAt) > notice.respondBy;
  const answered: ProjectEvent = {
    type: 'SupervisionNoticeAnswered',
    data: { noticeId: notice.noticeId, note, late, occurredAt },
  };
  if (!late || notice.escalatedAt !== null) return [answered];
  return [answered, { type: 'SupervisionNoticeEscalated', data: { noticeId: notice.noticeId, occurredAt } }];
}

const STEP_WORDING: Record<LadderStep, (title: string, dueOn: string, days: number) => string> = {
  yellow: (title, dueOn) => `「${title}」将于 ${dueOn} 到期，请抓紧推进。`,
  red: (title, dueOn) => `「${title}」已于 ${dueOn} 到期未完成，请尽快办结并反馈。`,
  escalated: (title, dueOn, days) => `「${title}」逾期 ${days} 天（到期 ${dueOn}）或督办未按期反馈，已升级督办。`,
};

interface DueAction {
  /** When it fell due: the start of that day (CST), or when the item began to be watched, if later. */
  at: string;
  event: (occurredAt: string) => SupervisionEvent;
}

const laterOf = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);
const dueAt = (on: string, notBefore: string): string =>
  laterOf(new Date(Date.parse(`${on}T00:00:00+08:00`)).toISOString(), notBefore);

/** Everything the scheduler owes the project by `today`, given the notices already on it. */
function dueActions(project: Project, today: string, settings: SupervisionSettings): DueAction[] {
  const notices = project.notices ?? [];
  const actions: DueAction[] = [];
  for (const item of openSupervisedItems(project, settings)) {
    const stepDays = ladderStepDays(item.dueOn, settings, ladderNoticesOf(notices, item));
    const itemId = (item.milestoneId ?? item.needId)!;
    LADDER_STEPS.forEach((step, i) => {
      const on = stepDays[step] > item.since ? stepDays[step] : item.since;
      if (on > today) return;
      if (notices.some((n) => n.source === 'scheduler' && n.step === step && (n.milestoneId ?? n.needId) === itemId))
        return;
      // An item that was already at a higher step when this one came never showed this colour.
      const higher = LADDER_STEPS.slice(i + 1).some((s) => stepDays[s] <= on);
      if (higher) return;
      actions.push({
        at: dueAt(on, item.sinceAt),
        event: (occurredAt) => ({
          type: 'SupervisionNoticeIssued',
          data: withoutUndefined({
            noticeId: schedulerNoticeId(project.id, itemId, step),
            milestoneId: item.milestoneId ?? undefined,
            needId: item.needId ?? undefined,
            departmentCode: item.departmentCode,
            level: step === 'escalated' ? ('supervision' as const) : ('reminder' as const),
            message: STEP_WORDING[step](item.title, item.dueOn, Math.max(0, daysBetween(item.dueOn, on))),
            respondBy: addDays(businessDate(occurredAt), settings.responseDays),
            source: 'scheduler' as const,
            step,
            occurredAt,
          }),
        }),
      });
    });
  }
  for (const notice of notices) {
    if (notice.answeredAt !== null || notice.escalatedAt !== null) continue;
    const on = addDays(notice.respondBy, 1);
    if (on > today) continue;
    actions.push({
      at: dueAt(on, notice.issuedAt),
      event: (occurredAt) => ({ type: 'SupervisionNoticeEscalated', data: { noticeId: notice.noticeId, occurredAt } }),
    });
  }
  return actions;
}

/**
 * Replays the days the scheduler may have missed: the earliest owed action first, folded in before
 * the next is looked for (a notice issued late may itself be overdue by today). Each is dated when
 * it fell due (see DueAction), even before the stream's last event: supervision events leave the
 * project's business-time order alone (see evolveProject). What is already on the stream is never
 * issued again.
 */
export function superviseProject(
  { data, metadata }: SuperviseProject,
  project: Project,
  evolve: (p: Project, e: ProjectEvent) => Project,
): ProjectEvent[] {
  const today = businessDate(metadata.now);
  const events: ProjectEvent[] = [];
  let state = project;
  for (;;) {
    const [next] = dueActions(state, today, data.settings).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    if (next === undefined) return events;
    const event = next.event(next.at);
    events.push(event);
    state = evolve(state, event);
  }
}

/** The project after a supervision event. */
export function evolveSupervision(project: Project, event: SupervisionEvent): Project {
  const notices = project.notices ?? [];
  if (event.type === 'SupervisionNoticeIssued')
    return { ...project, notices: [...notices, evolveNotice(null, event)!] };
  const { noticeId } = event.data;
  return { ...project, notices: notices.map((n) => (n.noticeId === noticeId ? evolveNotice(n, event)! : n)) };
}

/**
 * One notice after a supervision event about it (null: not issued yet). The one fold of a notice:
 * the project's state and the supervision_notices read model both use it.
 */
export function evolveNotice(notice: SupervisionNotice | null, event: SupervisionEvent): SupervisionNotice | null {
  switch (event.type) {
    case 'SupervisionNoticeIssued': {
      if (notice !== null) return notice;
      const { data } = event;
      return {
        noticeId: data.noticeId,
        milestoneId: data.milestoneId ?? null,
        needId: data.needId ?? null,
        departmentCode: data.departmentCode,
        level: data.level,
        message: data.message,
        respondBy: data.respondBy,
        source: data.source,
        step: data.step ?? null,
        issuedAt: data.occurredAt,
        acknowledgedAt: null,
        answeredAt: null,
        note: null,
        late: false,
        escalatedAt: null,
      };
    }
    case 'SupervisionNoticeAcknowledged':
      return notice && { ...notice, acknowledgedAt: event.data.occurredAt };
    case 'SupervisionNoticeAnswered':
      return notice && { ...notice, answeredAt: event.data.occurredAt, note: event.data.note, late: event.data.late };
    case 'SupervisionNoticeEscalated':
      return notice && { ...notice, escalatedAt: event.data.occurredAt };
  }
}
