/**
 * Who is told what when an event is stored: the notification rules, pure. They read a stored
 * event by its `type` string and `data` only, so they can name the supervision events
 * (SupervisionNotice*) before those exist in this code: an event of a type not listed here
 * notifies nobody.
 */

/** What a notification is about (also the `events` a webhook subscribes to). */
export const NOTIFICATION_KINDS = [
  'assignment',
  'reminder',
  'supervision',
  'due-soon',
  'overdue',
  'escalated',
  'notice-acknowledged',
  'notice-answered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Roles told besides the departments: the task force and the leaders (escalations, the department's answers). */
export type NotifiedRole = 'taskforce' | 'leader';

export interface Notification {
  kind: NotificationKind;
  /** One line, Chinese (the product's first language). */
  title: string;
  /** The details: the notice's message, the departments of a plan. */
  body: string;
  /** The department the notification is about, if one (a webhook for a department gets only these). */
  departmentCode: string | null;
  noticeId: string | null;
  /** The users told: those of these departments and those of these roles. */
  departments: string[];
  roles: NotifiedRole[];
}

/** A supervision notice as issued: what its later events (acknowledged, answered, escalated) need to be told about. */
export interface IssuedNotice {
  noticeId: string;
  departmentCode: string;
  level: string;
  message: string;
}

export interface NotificationLookups {
  /** The notice issued with this id (null: unknown, e.g. issued before this was deployed and not rebuilt). */
  notice(noticeId: string): IssuedNotice | null;
  /**
   * A department's name for the text, where the caller has one; else the code. Department names
   * are reference data that may change, so the read model, which a rebuild must reproduce, keeps codes.
   */
  departmentName?(code: string): string;
}

/** An event as stored: only its type and data are read. */
export interface StoredEvent {
  type: string;
  data: Record<string, unknown>;
}

/** The notification event types, for those that only need to know whether an event may notify. */
export const NOTIFYING_EVENT_TYPES = [
  'LandingPlanAssigned',
  'SupervisionNoticeIssued',
  'SupervisionNoticeAcknowledged',
  'SupervisionNoticeAnswered',
  'SupervisionNoticeEscalated',
] as const;

const STEP_KIND: Record<string, NotificationKind> = { yellow: 'due-soon', red: 'overdue', escalated: 'escalated' };
const LEVEL_KIND: Record<string, NotificationKind> = { reminder: 'reminder', supervision: 'supervision' };
const TITLES: Record<NotificationKind, string> = {
  assignment: '新的落地任务',
  reminder: '催办单',
  supervision: '督办单',
  'due-soon': '节点即将到期',
  overdue: '节点已逾期',
  escalated: '已升级督办',
  'notice-acknowledged': '督办单已签收',
  'notice-answered': '督办单已反馈',
};
const ESCALATED_ROLES: NotifiedRole[] = ['taskforce', 'leader'];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The notification an event gives, or null. */
export function notificationFor(event: StoredEvent, lookups: NotificationLookups): Notification | null {
  const data = event.data;
  switch (event.type) {
    case 'LandingPlanAssigned': {
      const lead = text(data.leadDepartment);
      const supporting = texts(data.supportingDepartments).filter((code) => code !== lead);
      const name = (code: string) => lookups.departmentName?.(code) ?? code;
      return {
        kind: 'assignment',
        title: TITLES.assignment,
        body: `牵头：${name(lead)}${supporting.length ? `；配合：${supporting.map(name).join('、')}` : ''}`,
        departmentCode: lead,
        noticeId: null,
        departments: [lead, ...supporting],
        roles: [],
      };
    }
    case 'SupervisionNoticeIssued': {
      const department = text(data.departmentCode);
      const kind = (data.source === 'scheduler' && STEP_KIND[text(data.step)]) || LEVEL_KIND[text(data.level)];
      if (!kind || !department) return null;
      return {
        kind,
        title: TITLES[kind],
        body: text(data.message),
        departmentCode: department,
        noticeId: text(data.noticeId) || null,
        departments: [department],
        roles: kind === 'escalated' ? ESCALATED_ROLES : [],
      };
    }
    case 'SupervisionNoticeEscalated':
    case 'SupervisionNoticeAcknowledged':
    case 'SupervisionNoticeAnswered': {
      const notice = lookups.notice(text(data.noticeId));
      if (!notice) return null;
      const kind: NotificationKind =
        event.type === 'SupervisionNoticeEscalated'
          ? 'escalated'
          : event.type === 'SupervisionNoticeAcknowledged'
            ? 'notice-acknowledged'
            : 'notice-answered';
      const late = event.type === 'SupervisionNoticeAnswered' && data.late === true;
      return {
        kind,
        title: `${TITLES[kind]}${late ? '（逾期）' : ''}`,
        body: event.type === 'SupervisionNoticeAnswered' ? text(data.note) : notice.message,
        departmentCode: notice.departmentCode,
        noticeId: notice.noticeId,
        // The department is told of its own escalation; the task force, which issued the notice, of its answer.
        departments: kind === 'escalated' ? [notice.departmentCode] : [],
        roles: kind === 'escalated' ? ESCALATED_ROLES : ['taskforce'],
      };
    }
    default:
      return null;
  }
}
