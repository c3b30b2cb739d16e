import { createWorld, dateDaysAgo, daysAgo, get, post, projectAt, World } from './projects.helpers';
import { RunningApi, startApi } from '../support/start-api';

/** `GET /api/supervision/overdue`: every overdue milestone across departments, the longest overdue first. */

let api: RunningApi;
let world: World;
let lastPosition = 0;
const projects: Record<string, string> = {};

const written = (reply: { status: number; body: { id: string; position?: number } }) => {
  expect([200, 201]).toContain(reply.status);
  lastPosition = Math.max(lastPosition, reply.body.position ?? 0);
  return reply.body;
};
const fresh = (path: string, user = world.taskforce) =>
  get(api, `${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, user);

beforeAll(async () => {
  api = await startApi({ LUODI_SUPERVISION_SCHEDULER: 'off' });
  world = await createWorld(api);
  for (const [key, lead, supporting, days] of [
    ['commerce', 'commerce', 'industry', 4],
    ['resources', 'resources', 'industry', 3],
  ] as const) {
    const id = (await projectAt(world, 'presented')).id;
    projects[key] = id;
    written(
      await post(api, `/api/projects/${id}/assignments`, world.taskforce, {
        leadDepartment: lead,
        supportingDepartments: [supporting],
        milestones: [
          { title: `${key} 逾期${days}天`, dueOn: dateDaysAgo(days), departmentCode: lead, owner: '甲' },
          { title: `${key} 已完成`, dueOn: dateDaysAgo(10), departmentCode: lead, owner: '乙' },
          { title: `${key} 未到期`, dueOn: dateDaysAgo(-5), departmentCode: supporting, owner: '丙' },
          ...(key === 'resources'
            ? [{ title: 'resources 逾期十二天', dueOn: dateDaysAgo(12), departmentCode: lead, owner: '丁' }]
            : []),
        ],
        occurredAt: daysAgo(20),
      }),
    );
    const state = (await get(api, `/api/projects/${id}`, world.taskforce)).body;
    const done = state.plan.milestones.find((m: { title: string }) => m.title === `${key} 已完成`);
    written(
      await post(api, `/api/projects/${id}/progress`, world.taskforce, {
        milestoneId: done.milestoneId,
        note: '已完成',
        done: true,
      }),
    );
  }
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('GET /api/supervision/overdue', () => {
  it('lists only the open milestones past due, of every department, the longest overdue first', async () => {
    const reply = await fresh('/api/supervision/overdue');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(reply.body.items).toEqual([
      {
        projectId: projects.resources,
        projectTitle: expect.any(String),
        milestoneId: expect.any(String),
        title: 'resources 逾期十二天',
        departmentCode: 'resources',
        owner: '丁',
        dueOn: dateDaysAgo(12),
        daysOverdue: 12,
      },
      expect.objectContaining({ title: 'commerce 逾期4天', departmentCode: 'commerce', owner: '甲', daysOverdue: 4 }),
      expect.objectContaining({ title: 'resources 逾期3天', departmentCode: 'resources', daysOverdue: 3 }),
    ]);
    expect(reply.body.items.map((i: { dueOn: string }) => i.dueOn)).toEqual([
      dateDaysAgo(12),
      dateDaysAgo(4),
      dateDaysAgo(3),
    ]);
  });

  it('pages, and filters by department for the task force and the leader', async () => {
    const second = (await fresh('/api/supervision/overdue?page=2&pageSize=2', world.leader)).body;
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['resources 逾期3天']);
    const commerce = (await fresh('/api/supervision/overdue?department=commerce', world.admin)).body;
    expect(commerce.items.map((i: { title: string }) => i.title)).toEqual(['commerce 逾期4天']);
  });

  it('shows a department user only their own department, whatever they ask for', async () => {
    const mine = (await fresh('/api/supervision/overdue?department=commerce', world.resources)).body;
    expect(mine.total).toBe(2);
    expect(mine.items.map((i: { departmentCode: string }) => i.departmentCode)).toEqual(['resources', 'resources']);
    expect((await fresh('/api/supervision/overdue', world.industry)).body).toMatchObject({ total: 0, items: [] });
  });

  it('refuses bad paging and a bad department with 400 naming the field', async () => {
    const reply = await get(api, '/api/supervision/overdue?pageSize=500&department=Bad!', world.taskforce);
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['department', 'pageSize']);
  });

  it('is not for reviewers', async () => {
    expect((await get(api, '/api/supervision/overdue', world.reviewer)).status).toBe(403);
  });
});
