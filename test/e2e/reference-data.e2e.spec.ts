import { Pool } from 'pg';
import { RunningApi, startApi } from '../support/start-api';
import { createWorld, dateDaysAgo, EventsTable, expectRefused, fieldsOf, get, post, World } from './projects.helpers';

let api: RunningApi;
let world: World;
let events: EventsTable;
let db: Pool;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  events = new EventsTable(api.databaseUrl);
  db = new Pool({ connectionString: api.databaseUrl, max: 1 });
});
afterAll(async () => {
  await db.end();
  await events.close();
  await api.stop();
});

const departmentCount = async () =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM departments')).rows[0].n;

describe('departments', () => {
  it('201: the admin registers a department; everyone lists them by code', async () => {
    const created = await post(api, '/api/departments', world.admin, {
      code: 'natural-resources',
      name: ' 市自然资源和规划局 ',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: 'natural-resources', name: '市自然资源和规划局' });

    const list = await get(api, '/api/departments', world.industry);
    expect(list.status).toBe(200);
    const codes = list.body.map((d: { code: string }) => d.code);
    expect(codes).toEqual([...codes].sort());
    expect(list.body).toContainEqual({ code: 'natural-resources', name: '市自然资源和规划局' });
  });

  it('409 DEPARTMENT_ALREADY_EXISTS for a code taken', async () => {
    const before = await departmentCount();
    const reply = await post(api, '/api/departments', world.admin, { code: 'industry', name: '又一个' });
    expect({ status: reply.status, code: reply.body.code }).toEqual({ status: 409, code: 'DEPARTMENT_ALREADY_EXISTS' });
    expect(await departmentCount()).toBe(before);
  });

  it('400 for a malformed code or a blank name, naming the fields', async () => {
    const before = await departmentCount();
    const reply = await post(api, '/api/departments', world.admin, { code: 'Industry Bureau', name: '' });
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply).sort()).toEqual(['code', 'name']);
    expect(await departmentCount()).toBe(before);
  });

  it('401 without a token, 403 for anyone but the admin', async () => {
    expect((await post(api, '/api/departments', undefined, { code: 'x1', name: 'x' })).status).toBe(401);
    expect((await post(api, '/api/departments', world.taskforce, { code: 'x1', name: 'x' })).status).toBe(403);
    expect((await get(api, '/api/departments')).status).toBe(401);
  });
});

describe('enterprises', () => {
  it('201 {id, version, position}; GET /api/enterprises/:id reads it back, tier none by default', async () => {
    const created = await post(api, '/api/enterprises', world.taskforce, {
      name: '青岛澜海科技有限公司',
      creditCode: '91350100m000100y43',
      district: '崂山区',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const enterprise = await get(api, `/api/enterprises/${created.body.id}`, world.leader);
    expect(enterprise.body).toMatchObject({
      id: created.body.id,
      name: '青岛澜海科技有限公司',
      creditCode: '91350100M000100Y43',
      tier: 'none',
      version: 1,
    });
  });

  it('400 INVALID_CREDIT_CODE for a wrong check character; 400 for an unknown tier or field', async () => {
    const reply = await expectRefused(
      events,
      () => post(api, '/api/enterprises', world.taskforce, { name: 'x', creditCode: '91350100M000100Y44' }),
      400,
      'INVALID_CREDIT_CODE',
    );
    expect(fieldsOf(reply)).toEqual(['creditCode']);
    const tier = await expectRefused(
      events,
      () => post(api, '/api/enterprises', world.taskforce, { name: 'x', tier: 'gold', size: 'big' }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(tier).sort()).toEqual(['size', 'tier']);
  });

  it('404 ENTERPRISE_NOT_FOUND; 403 for reviewers registering', async () => {
    const missing = await get(api, `/api/enterprises/${crypto.randomUUID()}`, world.taskforce);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'ENTERPRISE_NOT_FOUND' });
    await expectRefused(events, () => post(api, '/api/enterprises', world.reviewer, { name: 'x' }), 403);
  });
});

describe('conferences', () => {
  it('201 {id, version, position}; GET /api/conferences/:id reads it back; a date ahead is fine', async () => {
    const heldOn = '2099-03-15';
    const created = await post(api, '/api/conferences', world.taskforce, { title: '第七届民营经济创意会', heldOn });
    expect(created.status).toBe(201);
    const conference = await get(api, `/api/conferences/${created.body.id}`, world.industry);
    expect(conference.body).toMatchObject({
      id: created.body.id,
      title: '第七届民营经济创意会',
      theme: null,
      heldOn,
      version: 1,
    });
  });

  it('400 naming heldOn when it is not a calendar date; 404 CONFERENCE_NOT_FOUND; 403 for leaders', async () => {
    const reply = await expectRefused(
      events,
      () => post(api, '/api/conferences', world.taskforce, { title: 'x', heldOn: '2024-02-30' }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(reply)).toEqual(['heldOn']);
    const missing = await get(api, `/api/conferences/${crypto.randomUUID()}`, world.taskforce);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'CONFERENCE_NOT_FOUND' });
    await expectRefused(
      events,
      () => post(api, '/api/conferences', world.leader, { title: 'x', heldOn: dateDaysAgo(1) }),
      403,
    );
  });
});
