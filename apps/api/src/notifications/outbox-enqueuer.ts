import { IssuedNotice, notificationFor, NOTIFYING_EVENT_TYPES, parseStreamId } from '@luodi/domain';
import { EventStore, RecordedEvent } from '@luodi/event-store';
import { RowsWritten } from '@luodi/read-models';
import { EntityManager } from 'typeorm';
import { OutgoingNotification } from './channel-requests';

/** The outbox's own checkpoint and lock (projection_checkpoints), beside the read models'. */
export const OUTBOX_CONSUMER = 'notification-outbox';

const NOTIFYING = new Set<string>(NOTIFYING_EVENT_TYPES);

interface Delivery {
  channel: string;
  webhook_id: string | null;
  email: string | null;
  position: number;
  notification: OutgoingNotification;
}

/**
 * Turns a batch of events into outbox rows: one per (channel, notifying event). Run by a
 * Projector under its own checkpoint, in the batch's transaction, so a crash loses nothing; the
 * unique (channel, position) adds nothing twice. A channel gets what is recorded after it was
 * registered (an address after it was set), never the history before.
 */
export function outboxConsumer(store: EventStore, email: boolean) {
  return {
    name: OUTBOX_CONSUMER,
    async handle(manager: EntityManager, events: readonly RecordedEvent[]): Promise<RowsWritten> {
      const notifying = events.filter(
        (event) => NOTIFYING.has(event.type) && parseStreamId(event.streamId)?.kind === 'project',
      );
      if (notifying.length === 0) return { [OUTBOX_CONSUMER]: 0 };
      const notices = await noticesFor(store, notifying);
      const webhooks: Array<{ id: string; department_code: string | null; events: string[]; created_at: Date }> =
        await manager.query(`SELECT id, department_code, events, created_at FROM webhooks`);
      const users: Array<{
        id: string;
        email: string;
        email_since: Date;
        role: string;
        department_code: string | null;
      }> = email
        ? await manager.query(
            `SELECT id, email, email_since, role, department_code FROM users WHERE email IS NOT NULL AND NOT disabled`,
          )
        : [];
      const projectIds = [...new Set(notifying.map((event) => parseStreamId(event.streamId)!.id))];
      // Best effort: the read models may lag behind this consumer; the message then names the project's id.
      const titles = new Map<string, string>(
        (await manager.query(`SELECT id, title FROM project_list WHERE id = ANY($1::text[])`, [projectIds])).map(
          (row: { id: string; title: string }) => [row.id, row.title],
        ),
      );
      const departments = new Map<string, string>(
        (await manager.query(`SELECT code, name FROM departments`)).map((row: { code: string; name: string }) => [
          row.code,
          row.name,
        ]),
      );
      const deliveries: Delivery[] = [];
      for (const event of notifying) {
        const found = notificationFor(event, {
          notice: (id) => notices.get(id) ?? null,
          departmentName: (code) => departments.get(code) ?? code,
        });
        if (!found) continue;
        const projectId = parseStreamId(event.streamId)!.id;
        const recordedAt = new Date(event.recordedAt);
        const notification: OutgoingNotification = {
          id: event.globalPosition,
          kind: found.kind,
          title: found.title,
          body: found.body,
          projectId,
          projectTitle: titles.get(projectId) ?? null,
          departmentCode: found.departmentCode,
          departmentName: found.departmentCode ? (departments.get(found.departmentCode) ?? null) : null,
          noticeId: found.noticeId,
          createdAt: event.recordedAt,
        };
        const position = event.globalPosition;
        for (const webhook of webhooks)
          if (
            webhook.events.includes(found.kind) &&
            (webhook.department_code === null ||
              found.departments.includes(webhook.department_code) ||
              webhook.department_code === found.departmentCode) &&
            webhook.created_at <= recordedAt
          )
            deliveries.push({
              channel: `webhook:${webhook.id}`,
              webhook_id: webhook.id,
              email: null,
              position,
              notification,
            });
        for (const user of users) {
          const told =
            (user.role === 'department' && found.departments.includes(user.department_code ?? '')) ||
            (found.roles as string[]).includes(user.role);
          if (told && user.email_since <= recordedAt)
            deliveries.push({
              channel: `email:${user.id}`,
              webhook_id: null,
              email: user.email,
              position,
              notification,
            });
        }
      }
      if (deliveries.length === 0) return { [OUTBOX_CONSUMER]: 0 };
      const inserted: unknown[] = await manager.query(
        `INSERT INTO notification_outbox (channel, webhook_id, email, position, notification)
         SELECT channel, webhook_id, email, position, notification
           FROM jsonb_to_recordset($1::jsonb) AS d(channel text, webhook_id uuid, email text, position bigint, notification jsonb)
         ON CONFLICT (channel, position) DO NOTHING RETURNING id`,
        [JSON.stringify(deliveries)],
      );
      return { [OUTBOX_CONSUMER]: inserted.length };
    },
  };
}

/**
 * The notices the batch's later notice events (acknowledged, answered, escalated) refer to: from
 * the batch itself, else from the project's stream (the event store, not a read model, which may lag).
 */
async function noticesFor(store: EventStore, events: readonly RecordedEvent[]): Promise<Map<string, IssuedNotice>> {
  const notices = new Map<string, IssuedNotice>();
  const collect = (event: RecordedEvent) => {
    if (event.type !== 'SupervisionNoticeIssued') return;
    const data = event.data as Record<string, unknown>;
    notices.set(String(data.noticeId), {
      noticeId: String(data.noticeId),
      departmentCode: String(data.departmentCode ?? ''),
      level: String(data.level ?? ''),
      message: String(data.message ?? ''),
    });
  };
  events.forEach(collect);
  const missing = new Set(
    events
      .filter((event) => event.type !== 'SupervisionNoticeIssued' && event.type.startsWith('SupervisionNotice'))
      .filter((event) => !notices.has(String((event.data as Record<string, unknown>).noticeId)))
      .map((event) => event.streamId),
  );
  for (const streamId of missing) (await store.readStream(streamId)).events.forEach(collect);
  return notices;
}
