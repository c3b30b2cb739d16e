import { PostgresEventStore } from '@luodi/event-store';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { createWorld, get, post, projectAt, World } from './projects.helpers';

/**
 * In-app notifications: who is told of an assignment and of the supervision events. The
 * supervision events are appended to the project stream directly through the EventStore port,
 * exactly as their command handlers will store them, so the consumer is tested on the real
 * store and projector.
 */
let api: RunningApi;
let world: World;
let pool: Pool;
let store: PostgresEventStore;
let lastPosition = 0;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  pool = new Pool({ connectionString: api.databaseUrl, max: 2 });
  store = new PostgresEventStore(pool);
}, 60_000);
afterAll(async () => {
  await store?.close();
  await pool?.end();
  await api?.stop();
});

const read = (path: string, user: TestUser) =>
  get(api, `${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, user);
const kindsOf = async (user: TestUser, projectId: string): Promise<string[]> =>
  (await read('/api/notifications?pageSize=100', user)).body.items
    .filter((n: { projectId: string }) => n.projectId === projectId)
    .map((n: { kind: string }) => n.kind);

async function append(projectId: string, type: string, data: Record<string, unknown>): Promise<void> {
  const result = await store.appendToStream(
    `project-${projectId}`,
    [
      {
        eventId: randomUUID(),
        type,
        schemaVersion: 1,
        data: { ...data, occurredAt: new Date().toISOString() },
        metadata: {},
      },
    ],
    { expectedVersion: 'any' },
  );
  lastPosition = result.position;
}

async function assigned(): Promise<string> {
  const { id } = await projectAt(world, 'assigned');
  const { rows } = await pool.query<{ position: string }>('SELECT max(global_position) AS position FROM events');
  lastPosition = Number(rows[0].position);
  return id;
}

describe('notifications of an assignment', () => {
  it("tells the lead and supporting departments' users, not others; counted unread in /me until read", async () => {
    const id = await assigned();
    const unreadBefore = (await read('/api/auth/me', world.resources)).body.unreadNotifications;

    const list = await read('/api/notifications', world.industry);
    expect(list.status).toBe(200);
    const mine = list.body.items.find((n: { projectId: string }) => n.projectId === id);
    expect(mine).toMatchObject({
      id: expect.any(Number),
      kind: 'assignment',
      title: '新的落地任务',
      projectId: id,
      projectTitle: '智能港口装备',
      departmentCode: 'industry',
      departments: ['industry', 'resources'],
      readAt: null,
    });
    expect(await kindsOf(world.resources, id)).toEqual(['assignment']);
    expect(await kindsOf(world.commerce, id)).toEqual([]);
    expect(await kindsOf(world.taskforce, id)).toEqual([]);
    expect(unreadBefore).toBeGreaterThanOrEqual(1);

    const resourcesNotification = (await read('/api/notifications?unread=true', world.resources)).body.items.find(
      (n: { projectId: string }) => n.projectId === id,
    );
    // Someone else's notification is not found; one's own is marked read once, the first time kept.
    expect(await post(api, `/api/notifications/${resourcesNotification.id}/read`, world.commerce, {})).toMatchObject({
      status: 404,
      body: { code: 'NOTIFICATION_NOT_FOUND' },
    });
    const marked = await post(api, `/api/notifications/${resourcesNotification.id}/read`, world.resources, {});
    expect(marked).toMatchObject({ status: 200, body: { id: resourcesNotification.id, readAt: expect.any(String) } });
    const again = await post(api, `/api/notifications/${resourcesNotification.id}/read`, world.resources, {});
    expect(again.body.readAt).toBe(marked.body.readAt);
    expect((await read('/api/auth/me', world.resources)).body.unreadNotifications).toBe(unreadBefore - 1);

    const unread = (await read('/api/notifications?unread=true', world.resources)).body.items;
    expect(unread.map((n: { id: number }) => n.id)).not.toContain(resourcesNotification.id);
    const readOnes = (await read('/api/notifications?unread=false', world.resources)).body.items;
    expect(readOnes).toEqual([expect.objectContaining({ id: resourcesNotification.id, readAt: marked.body.readAt })]);
    // The lead department's user has read nothing: its own read state is its own.
    expect(
      (await read('/api/notifications?unread=true', world.industry)).body.items.map(
        (n: { projectId: string }) => n.projectId,
      ),
    ).toContain(id);
  });

  it('refuses a bad filter or id: 400 for unread=maybe, 404 for a non-numeric id', async () => {
    expect((await get(api, '/api/notifications?unread=maybe', world.industry)).status).toBe(400);
    expect(await post(api, '/api/notifications/abc/read', world.industry, {})).toMatchObject({
      status: 404,
      body: { code: 'NOTIFICATION_NOT_FOUND' },
    });
  });
});

describe('notifications of supervision notices', () => {
  it('tells the department of a notice, everyone concerned of an escalation, and the task force of the answers', async () => {
    const id = await assigned();
    const noticeId = randomUUID();
    await append(id, 'SupervisionNoticeIssued', {
      noticeId,
      milestoneId: randomUUID(),
      departmentCode: 'industry',
      level: 'reminder',
      message: '请尽快签订投资协议',
      respondBy: '2030-01-10',
      source: 'manual',
    });
    expect(await kindsOf(world.industry, id)).toEqual(['reminder', 'assignment']);
    expect(await kindsOf(world.resources, id)).toEqual(['assignment']);
    expect(await kindsOf(world.leader, id)).toEqual([]);
    const reminder = (await read('/api/notifications', world.industry)).body.items[0];
    expect(reminder).toMatchObject({ kind: 'reminder', title: '催办单', body: '请尽快签订投资协议', noticeId });

    await append(id, 'SupervisionNoticeAcknowledged', { noticeId });
    await append(id, 'SupervisionNoticeAnswered', { noticeId, note: '协议已在走审批', late: true });
    expect(await kindsOf(world.taskforce, id)).toEqual(['notice-answered', 'notice-acknowledged']);
    expect((await read('/api/notifications', world.taskforce)).body.items[0]).toMatchObject({
      title: '督办单已反馈（逾期）',
      body: '协议已在走审批',
      departmentCode: 'industry',
    });

    await append(id, 'SupervisionNoticeEscalated', { noticeId });
    for (const user of [world.industry, world.taskforce, world.leader])
      expect((await kindsOf(user, id))[0]).toBe('escalated');
    expect(await kindsOf(world.resources, id)).toEqual(['assignment']);

    // The scheduler's steps: yellow and red tell the department; escalated the task force and leaders too.
    for (const step of ['yellow', 'red', 'escalated'])
      await append(id, 'SupervisionNoticeIssued', {
        noticeId: randomUUID(),
        milestoneId: randomUUID(),
        departmentCode: 'resources',
        level: 'reminder',
        message: `节点 ${step}`,
        respondBy: '2030-01-10',
        source: 'scheduler',
        step,
      });
    expect(await kindsOf(world.resources, id)).toEqual(['escalated', 'overdue', 'due-soon', 'assignment']);
    expect((await kindsOf(world.leader, id)).slice(0, 2)).toEqual(['escalated', 'escalated']);
    expect(await kindsOf(world.commerce, id)).toEqual([]);
  });

  it('ignores the later events of a notice it never saw issued', async () => {
    const id = await assigned();
    await append(id, 'SupervisionNoticeEscalated', { noticeId: randomUUID() });
    expect(await kindsOf(world.leader, id)).toEqual([]);
  });
});

describe('a rebuild of the read models', () => {
  it('gives the same notifications, with the same ids, and keeps what each user has read', async () => {
    const id = await assigned();
    const before = (await read('/api/notifications?pageSize=100', world.industry)).body.items;
    const mine = before.find((n: { projectId: string }) => n.projectId === id);
    const marked = await post(api, `/api/notifications/${mine.id}/read`, world.industry, {});
    expect(marked.status).toBe(200);
    const unread = (await read('/api/auth/me', world.industry)).body.unreadNotifications;

    expect((await post(api, '/api/admin/rebuild', world.admin, {})).status).toBe(202);
    for (let status = 'running'; status === 'running'; await new Promise((resolve) => setTimeout(resolve, 100)))
      status = (await get(api, '/api/admin/rebuild', world.admin)).body.status;
    expect((await get(api, '/api/admin/rebuild', world.admin)).body.status).toBe('succeeded');

    const after = (await read('/api/notifications?pageSize=100', world.industry)).body.items;
    expect(after).toEqual(
      before.map((n: { id: number }) => (n.id === mine.id ? { ...n, readAt: marked.body.readAt } : n)),
    );
    expect((await read('/api/auth/me', world.industry)).body.unreadNotifications).toBe(unread);
  });
});
