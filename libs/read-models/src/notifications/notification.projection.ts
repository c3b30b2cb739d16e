import { notificationFor } from '@luodi/domain';
import { FeedProjection, RowProjection } from '../projector/projection';
import { CreateNotifications1764803300000 } from '../migrations/1764803300000-create-notifications.migration';
import { NotificationNoticeRow, NotificationRow } from './notification.entity';

const NOTICE_EVENTS = new Set([
  'SupervisionNoticeIssued',
  'SupervisionNoticeAcknowledged',
  'SupervisionNoticeAnswered',
  'SupervisionNoticeEscalated',
]);

/** The supervision notices as issued, by id: for the notifications of their later events. */
export const notificationNotices: RowProjection<NotificationNoticeRow> = {
  kind: 'rows',
  name: 'notification-notices',
  entity: NotificationNoticeRow,
  key: 'noticeId',
  migrations: [CreateNotifications1764803300000],
  target: (event) => {
    const noticeId = (event.data as { noticeId?: unknown }).noticeId;
    return NOTICE_EVENTS.has(event.type) && typeof noticeId === 'string' ? { key: noticeId } : null;
  },
  evolve: (row, event) => {
    if (row !== null || (event.type as string) !== 'SupervisionNoticeIssued') return row;
    const data = event.data as Record<string, unknown>;
    return {
      noticeId: String(data.noticeId),
      departmentCode: String(data.departmentCode ?? ''),
      level: String(data.level ?? ''),
      message: String(data.message ?? ''),
    };
  },
};

/** The in-app notifications: one row per event that notifies (see notificationFor in @luodi/domain). */
export const notifications: FeedProjection<NotificationRow> = {
  kind: 'feed',
  name: 'notifications',
  entity: NotificationRow,
  migrations: [CreateNotifications1764803300000],
  rowsFor: (event, stream, rowOf) => {
    if (stream?.kind !== 'project') return [];
    const notification = notificationFor(event as { type: string; data: Record<string, unknown> }, {
      notice: (noticeId) => rowOf(notificationNotices, noticeId),
    });
    if (!notification) return [];
    return [
      {
        position: event.globalPosition,
        kind: notification.kind,
        title: notification.title,
        body: notification.body,
        projectId: stream.id,
        departmentCode: notification.departmentCode,
        noticeId: notification.noticeId,
        departments: notification.departments,
        roles: notification.roles,
        createdAt: event.recordedAt,
      },
    ];
  },
};
