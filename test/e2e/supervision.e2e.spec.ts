import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  createWorld,
  dateDaysAgo,
  daysAgo,
  EventsTable,
  expectRefused,
  fieldsOf,
  get,
  post,
  projectAt,
  send,
  World,
} from './projects.helpers';
import { RunningApi, startApi } from '../support/start-api';
import { TestUser } from '../support/auth-helpers';

/** Supervision over HTTP: the settings, notices issued, signed for and answered, and their list. */

let api: RunningApi;
let world: World;
let events: EventsTable;
let lastPosition = 0;

beforeAll(async () => {
  api = await startApi({ LUODI_SUPERVISION_SCHEDULER: 'off' });
  world = await createWorld(api);
  events = new EventsTable(api.databaseUrl);
}, 60_000);

afterAll(async () => {
  await events?.close();
  await api?.stop();
});

const put = (path: string, user: TestUser, body: unknown) => send(api, 'PUT', path, user, body);
const fresh = (path: string, user: TestUser) =>
  get(api, `${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, user);
const accepted = (reply: { status: number; body: { position?: number } }, status = 200) => {
  expect(reply.status).toBe(status);
  lastPosition = Math.max(lastPosition, reply.body.position ?? 0);
  return reply.body as { id: string; version: number; position: number };
};

describe('supervision settings', () => {
  it('start at the defaults; only an admin changes them, with whole numbers in range', async () => {
    expect((await get(api, '/api/settings/supervision', world.leader)).body).toEqual({
      dueSoonDays: 7,
      escalateAfterDays: 14,
      responseDays: 5,
    });
    const valid = { dueSoonDays: 10, escalateAfterDays: 20, responseDays: 3 };
    await expectRefused(events, () => put('/api/settings/supervision', world.taskforce, valid), 403);
    const bad = await expectRefused(
      events,
      () => put('/api/settings/supervision', world.admin, { dueSoonDays: -1, escalateAfterDays: 2.5 }),
      400,
      'INVALID_INPUT',
    );
    expect([...new Set(fieldsOf(bad))].sort()).toEqual(['dueSoonDays', 'escalateAfterDays', 'responseDays']);
    accepted(await put('/api/settings/supervision', world.admin, valid));
    expect((await get(api, '/api/settings/supervision', world.industry)).body).toEqual(valid);
    // Back to the defaults for the tests below.
    accepted(
      await put('/api/settings/supervision', world.admin, { dueSoonDays: 7, escalateAfterDays: 14, responseDays: 5 }),
    );
  });
});

describe('supervision notices', () => {
  let project: { id: string };
  let milestones: Array<{ milestoneId: string; departmentCode: string }>;
  let needId: string;

  beforeAll(async () => {
    project = await projectAt(world, 'assigned');
    const state = (await get(api, `/api/projects/${project.id}`, world.taskforce)).body;
    milestones = state.plan.milestones;
    needId = state.needs[0].needId;
  });

  const issue = (body: Record<string, unknown>, user: TestUser = world.taskforce, id = project.id) =>
    post(api, `/api/projects/${id}/supervision-notices`, user, body);

  it('refuses both or neither item, a past respondBy, a leader’s reminder, another project’s milestone, a closed project', async () => {
    const resources = milestones.find((m) => m.departmentCode === 'resources')!;
    const message = '请加快推进';
    await expectRefused(events, () => issue({ level: 'reminder', message }), 400, 'NOTICE_ITEM_REQUIRED');
    await expectRefused(
      events,
      () => issue({ milestoneId: resources.milestoneId, needId, level: 'reminder', message }),
      400,
      'NOTICE_ITEM_REQUIRED',
    );
    await expectRefused(
      events,
      () => issue({ milestoneId: resources.milestoneId, level: 'reminder', message, respondBy: dateDaysAgo(1) }),
      400,
      'RESPOND_BY_IN_PAST',
    );
    await expectRefused(
      events,
      () => issue({ milestoneId: resources.milestoneId, level: 'reminder', message }, world.leader),
      403,
      'LEADER_ISSUES_SUPERVISION_ONLY',
    );
    await expectRefused(
      events,
      () => issue({ milestoneId: resources.milestoneId, level: 'reminder', message }, world.industry),
      403,
    );
    const other = await projectAt(world, 'assigned');
    await expectRefused(
      events,
      () => issue({ milestoneId: resources.milestoneId, level: 'reminder', message }, world.taskforce, other.id),
      400,
      'MILESTONE_NOT_FOUND',
    );
    accepted(await post(api, `/api/projects/${other.id}/withdrawal`, world.taskforce, { reason: '企业放弃' }));
    const otherMilestone = (await get(api, `/api/projects/${other.id}`, world.taskforce)).body.plan.milestones[0];
    await expectRefused(
      events,
      () => issue({ milestoneId: otherMilestone.milestoneId, level: 'reminder', message }, world.taskforce, other.id),
      409,
      'PROJECT_CLOSED',
    );
    const bad = await expectRefused(
      events,
      () => issue({ level: 'urgent', message: '', respondBy: '2030-02-30' }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(bad).sort()).toEqual(['level', 'message', 'respondBy']);
  });

  it('the department signs for and answers its notice; another department may do neither, and sees none of it', async () => {
    const resources = milestones.find((m) => m.departmentCode === 'resources')!;
    const issued = accepted(
      await issue({ milestoneId: resources.milestoneId, level: 'reminder', message: '请加快用地供应' }),
      201,
    );
    const instruction = accepted(
      await issue({ needId, level: 'supervision', message: '请市工信局牵头解决' }, world.leader),
      201,
    );

    const mine = (await fresh('/api/supervision-notices', world.resources)).body;
    expect(mine.items.map((n: { noticeId: string }) => n.noticeId)).toEqual([issued.id]);
    expect(mine.items[0]).toMatchObject({
      projectId: project.id,
      departmentCode: 'resources',
      level: 'reminder',
      source: 'manual',
      status: 'open',
      respondBy: dateDaysAgo(-5),
    });
    // A department user cannot look at another department's notices, even by asking.
    const asked = (await fresh('/api/supervision-notices?department=industry', world.resources)).body;
    expect(asked.items.map((n: { noticeId: string }) => n.noticeId)).toEqual([issued.id]);
    const industry = (await fresh('/api/supervision-notices', world.industry)).body;
    expect(industry.items).toEqual([
      expect.objectContaining({ noticeId: instruction.id, level: 'supervision', departmentCode: 'industry' }),
    ]);

    await expectRefused(
      events,
      () => post(api, `/api/supervision-notices/${issued.id}/acknowledgement`, world.industry, {}),
      403,
      'NOT_YOUR_NOTICE',
    );
    await expectRefused(
      events,
      () => post(api, `/api/supervision-notices/${issued.id}/response`, world.industry, { note: '不是我们的' }),
      403,
      'NOT_YOUR_NOTICE',
    );
    await expectRefused(
      events,
      () => post(api, `/api/supervision-notices/${randomUUID()}/acknowledgement`, world.resources, {}),
      404,
      'NOTICE_NOT_FOUND',
    );

    accepted(await post(api, `/api/supervision-notices/${issued.id}/acknowledgement`, world.resources, {}));
    await expectRefused(
      events,
      () => post(api, `/api/supervision-notices/${issued.id}/acknowledgement`, world.resources, {}),
      409,
      'NOTICE_ALREADY_ACKNOWLEDGED',
    );
    expect((await fresh('/api/supervision-notices?status=acknowledged', world.taskforce)).body.items).toEqual([
      expect.objectContaining({ noticeId: issued.id }),
    ]);
    await expectRefused(
      events,
      () => post(api, `/api/supervision-notices/${issued.id}/response`, world.resources, { note: ' ' }),
      400,
    );
    accepted(
      await post(api, `/api/supervision-notices/${issued.id}/response`, world.resources, { note: '已完成挂牌出让' }),
    );
    const answered = (await fresh('/api/supervision-notices?status=answered&department=resources', world.taskforce))
      .body;
    expect(answered.items).toEqual([
      expect.objectContaining({ noticeId: issued.id, note: '已完成挂牌出让', late: false, daysOverdue: 0 }),
    ]);
    expect(await events.types(`project-${project.id}`)).toEqual(
      expect.arrayContaining(['SupervisionNoticeIssued', 'SupervisionNoticeAcknowledged', 'SupervisionNoticeAnswered']),
    );
  });

  it('a notice signed for the moment it is issued, before the projector has it, waits for it instead of a 404', async () => {
    const resources = milestones.find((m) => m.departmentCode === 'resources')!;
    // The projector's next batch waits for this lock to move its checkpoint, so the notice stays out
    // of the read models. A table lock takes no transaction id: the event stays readable meanwhile.
    const holder = new Client({ connectionString: api.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE projection_checkpoints IN EXCLUSIVE MODE');
      const issued = accepted(
        await issue({ milestoneId: resources.milestoneId, level: 'reminder', message: '请尽快签收' }),
        201,
      );
      const signing = post(api, `/api/supervision-notices/${issued.id}/acknowledgement`, world.resources, {});
      await new Promise((resolve) => setTimeout(resolve, 300));
      const projected = await holder.query('SELECT count(*)::int AS n FROM supervision_notices WHERE notice_id = $1', [
        issued.id,
      ]);
      expect(projected.rows[0].n).toBe(0);
      await holder.query('COMMIT');
      accepted(await signing);
    } finally {
      await holder.end();
    }
  });
});

describe('the warning ladder where items are shown', () => {
  let projectId: string;

  beforeAll(async () => {
    projectId = (await projectAt(world, 'presented')).id;
    accepted(
      await post(api, `/api/projects/${projectId}/assignments`, world.taskforce, {
        leadDepartment: 'commerce',
        milestones: [
          { title: '远期目标', dueOn: dateDaysAgo(-30), departmentCode: 'commerce', owner: '甲' },
          { title: '即将到期', dueOn: dateDaysAgo(-3), departmentCode: 'commerce', owner: '乙' },
          { title: '逾期两天', dueOn: dateDaysAgo(2), departmentCode: 'commerce', owner: '丙' },
          { title: '逾期二十天', dueOn: dateDaysAgo(20), departmentCode: 'commerce', owner: '丁' },
        ],
        occurredAt: daysAgo(25),
      }),
    );
  });

  const ladderOf = (rows: Array<{ title: string; warning: { colour: string; daysOverdue: number } | null }>) =>
    Object.fromEntries(rows.map((r) => [r.title, r.warning && `${r.warning.colour} ${r.warning.daysOverdue}`]));

  it('in the department inbox, today and on a past day', async () => {
    const today = (await fresh('/api/departments/commerce/assignments', world.commerce)).body.items;
    expect(ladderOf(today)).toEqual({
      远期目标: 'green 0',
      即将到期: 'yellow 0',
      逾期两天: 'red 2',
      逾期二十天: 'escalated 20',
    });
    const eightDaysAgo = (await fresh(`/api/departments/commerce/assignments?asOf=${dateDaysAgo(8)}`, world.commerce))
      .body.items;
    expect(ladderOf(eightDaysAgo)).toEqual({
      远期目标: 'green 0',
      即将到期: 'green 0',
      逾期两天: 'yellow 0',
      逾期二十天: 'red 12',
    });
  });

  it('on the project (milestones and needs), and counted on the dashboard', async () => {
    const { body } = await fresh(`/api/projects/${projectId}/supervision`, world.leader);
    // The needs were due 5 days after the plan (25 days ago): 20 days overdue.
    expect(
      body.items.map(
        (i: { title: string; colour: string; daysOverdue: number }) => `${i.title} ${i.colour} ${i.daysOverdue}`,
      ),
    ).toEqual([
      '远期目标 green 0',
      '即将到期 yellow 0',
      '逾期两天 red 2',
      '逾期二十天 escalated 20',
      '需要 50 亩工业用地 escalated 20',
      '需要 2 亿元贷款 escalated 20',
    ]);
    expect((await get(api, `/api/projects/${projectId}/supervision`, world.resources)).status).toBe(403);
    const dashboard = (await fresh('/api/dashboard/supervision?department=commerce', world.leader)).body;
    expect(dashboard.counts).toEqual({ green: 1, yellow: 1, red: 1, escalated: 1 });
    expect(dashboard.escalated).toEqual([expect.objectContaining({ projectId, title: '逾期二十天', daysOverdue: 20 })]);
    const mine = (await fresh('/api/dashboard/supervision?department=industry', world.commerce)).body;
    expect(mine.counts).toEqual(dashboard.counts);
  });
});

describe('rebuilding the read models', () => {
  it('gives the same notices and ladders again', async () => {
    const reads = async () =>
      Promise.all([
        fresh('/api/supervision-notices?pageSize=100', world.taskforce),
        fresh('/api/dashboard/supervision', world.leader),
        fresh('/api/departments/commerce/assignments', world.commerce),
      ]).then((replies) => replies.map((r) => r.body));
    const before = await reads();
    expect(before[0].total).toBeGreaterThan(0);
    expect((await post(api, '/api/admin/rebuild', world.admin, {})).status).toBe(202);
    let progress;
    do {
      await new Promise((r) => setTimeout(r, 100));
      progress = (await get(api, '/api/admin/rebuild', world.admin)).body;
    } while (progress.status === 'running');
    expect(progress.status).toBe('succeeded');
    expect(await reads()).toEqual(before);
  });
});
