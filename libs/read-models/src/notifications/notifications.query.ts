import type { NotificationKind } from '@luodi/domain';
import { DataSource } from 'typeorm';
import { toIso } from '../column-types';
import { offsetOf, Page, PageRequest } from '../paging';

/** Whose notifications: a user, told as a member of a department or of a role. */
export interface NotificationReader {
  userId: string;
  role: string;
  departmentCode?: string;
}

export interface NotificationItem {
  /** The event's global position: stable across rebuilds. */
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  projectId: string;
  /** Null while the project list has not caught up with the project. */
  projectTitle: string | null;
  departmentCode: string | null;
  /** The departments told (an assignment: the lead first, then the supporting ones). */
  departments: string[];
  noticeId: string | null;
  createdAt: string;
  readAt: string | null;
}

// The rows telling this user: naming the user's department or role ($2, $3).
const TOLD = `(($2::text IS NOT NULL AND n.departments @> ARRAY[$2::text]) OR n.roles @> ARRAY[$3::text])`;

/** The user's notifications, newest first; `unread`: only the unread (true) or only the read ones (false). */
export async function listNotifications(
  dataSource: DataSource,
  reader: NotificationReader,
  filter: { unread?: boolean },
  page: PageRequest,
): Promise<Page<NotificationItem>> {
  const params = [reader.userId, reader.departmentCode ?? null, reader.role, filter.unread ?? null];
  const where = `${TOLD} AND ($4::boolean IS NULL OR (r.read_at IS NULL) = $4::boolean)`;
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT n.position, n.kind, n.title, n.body, n.project_id, p.title AS project_title, n.department_code,
            n.departments, n.notice_id, n.created_at, r.read_at
       FROM notifications n
       LEFT JOIN notification_reads r ON r.user_id = $1 AND r.position = n.position
       LEFT JOIN project_list p ON p.id = n.project_id
      WHERE ${where}
      ORDER BY n.position DESC LIMIT $5 OFFSET $6`,
    [...params, page.pageSize, offsetOf(page)],
  );
  const [{ total }]: Array<{ total: number }> = await dataSource.query(
    `SELECT count(*)::int AS total FROM notifications n
       LEFT JOIN notification_reads r ON r.user_id = $1 AND r.position = n.position WHERE ${where}`,
    params,
  );
  return { items: rows.map(toItem), total, page: page.page, pageSize: page.pageSize };
}

/** How many of the user's notifications are unread. */
export async function countUnreadNotifications(dataSource: DataSource, reader: NotificationReader): Promise<number> {
  const [{ unread }]: Array<{ unread: number }> = await dataSource.query(
    `SELECT count(*)::int AS unread FROM notifications n
      WHERE ${TOLD} AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.user_id = $1 AND r.position = n.position)`,
    [reader.userId, reader.departmentCode ?? null, reader.role],
  );
  return unread;
}

/** Marks one of the user's notifications read (again: keeps the first time); null if the user has no such notification. */
export async function markNotificationRead(
  dataSource: DataSource,
  reader: NotificationReader,
  id: number,
): Promise<{ id: number; readAt: string } | null> {
  const rows: Array<{ read_at: Date }> = await dataSource.query(
    `WITH told AS (SELECT n.position FROM notifications n WHERE n.position = $4 AND ${TOLD}),
          added AS (INSERT INTO notification_reads (user_id, position) SELECT $1, position FROM told
                    ON CONFLICT (user_id, position) DO NOTHING RETURNING read_at)
     SELECT read_at FROM added
     UNION ALL
     SELECT r.read_at FROM notification_reads r JOIN told t ON t.position = r.position WHERE r.user_id = $1`,
    [reader.userId, reader.departmentCode ?? null, reader.role, id],
  );
  return rows.length === 0 ? null : { id, readAt: toIso(rows[0].read_at) };
}

function toItem(row: Record<string, unknown>): NotificationItem {
  return {
    id: Number(row.position),
    kind: row.kind as NotificationKind,
    title: row.title as string,
    body: row.body as string,
    projectId: row.project_id as string,
    projectTitle: (row.project_title as string | null) ?? null,
    departmentCode: (row.department_code as string | null) ?? null,
    departments: row.departments as string[],
    noticeId: (row.notice_id as string | null) ?? null,
    createdAt: toIso(row.created_at as Date),
    readAt: row.read_at ? toIso(row.read_at as Date) : null,
  };
}
