import { RunningApi, startApi } from '../support/start-api';
import {
  createWorld,
  EventsTable,
  expectRefused,
  fieldsOf,
  get,
  patch,
  post,
  validSubmission,
  World,
} from './projects.helpers';

let api: RunningApi;
let world: World;
let events: EventsTable;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  events = new EventsTable(api.databaseUrl);
});
afterAll(async () => {
  await events.close();
  await api.stop();
});

describe('industry chains', () => {
  it('everyone signed in lists the seeded chains, with their English names', async () => {
    const list = await get(api, '/api/industry-chains', world.industry);
    expect(list.status).toBe(200);
    expect(list.body).toContainEqual({ name: '新一代信息技术', nameEn: 'New-generation IT' });
    expect(list.body.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['高端装备', '海洋经济']));
    expect((await get(api, '/api/industry-chains')).status).toBe(401);
  });

  it('201: the admin adds a chain and gives it an English name; it is then listed', async () => {
    const added = await post(api, '/api/industry-chains', world.admin, { name: ' 低空经济 ' });
    expect({ status: added.status, body: added.body }).toEqual({ status: 201, body: { name: '低空经济' } });
    const named = await patch(api, `/api/industry-chains/${encodeURIComponent('低空经济')}`, world.admin, {
      nameEn: 'Low-altitude economy',
    });
    expect({ status: named.status, body: named.body }).toEqual({
      status: 200,
      body: { name: '低空经济', nameEn: 'Low-altitude economy' },
    });
    expect((await get(api, '/api/industry-chains', world.leader)).body).toContainEqual({
      name: '低空经济',
      nameEn: 'Low-altitude economy',
    });
  });

  it('400 naming nameEn for an English name that is not text or too long; null clears it', async () => {
    const chain = `/api/industry-chains/${encodeURIComponent('氢能')}`;
    const department = `/api/departments/${world.industry.departmentCode}`;
    for (const path of [chain, department]) {
      for (const nameEn of [42, ['x'], 'x'.repeat(201)]) {
        const reply = await patch(api, path, world.admin, { nameEn });
        expect({ path, status: reply.status, fields: [...new Set(fieldsOf(reply))] }).toEqual({
          path,
          status: 400,
          fields: ['nameEn'],
        });
      }
      expect((await patch(api, path, world.admin, {})).status).toBe(400);
      expect((await patch(api, path, world.admin, { nameEn: 'Named' })).body.nameEn).toBe('Named');
      const cleared = await patch(api, path, world.admin, { nameEn: null });
      expect({ status: cleared.status, nameEn: cleared.body.nameEn }).toEqual({ status: 200, nameEn: undefined });
    }
  });

  it('403 for anyone but the admin, 409 for a name taken, 404 naming a chain that does not exist', async () => {
    expect((await post(api, '/api/industry-chains', world.taskforce, { name: '商业航天' })).status).toBe(403);
    expect((await patch(api, '/api/industry-chains/%E6%B0%A2%E8%83%BD', world.taskforce, { nameEn: 'x' })).status).toBe(
      403,
    );
    const taken = await post(api, '/api/industry-chains', world.admin, { name: '氢能' });
    expect({ status: taken.status, code: taken.body.code }).toEqual({
      status: 409,
      code: 'INDUSTRY_CHAIN_ALREADY_EXISTS',
    });
    const missing = await patch(api, `/api/industry-chains/${encodeURIComponent('不存在')}`, world.admin, {
      nameEn: 'x',
    });
    expect({ status: missing.status, code: missing.body.code }).toEqual({
      status: 404,
      code: 'INDUSTRY_CHAIN_NOT_FOUND',
    });
    const list = (await get(api, '/api/industry-chains', world.admin)).body.map((c: { name: string }) => c.name);
    expect(list).not.toContain('商业航天');
  });

  it('400 UNKNOWN_INDUSTRY_CHAIN naming industryChain when a project names a chain not in the list; nothing written', async () => {
    const reply = await expectRefused(
      events,
      () =>
        post(
          api,
          '/api/projects',
          world.taskforce,
          validSubmission(world.enterpriseId, { industryChain: '不存在的链' }),
        ),
      400,
      'UNKNOWN_INDUSTRY_CHAIN',
    );
    expect(fieldsOf(reply)).toEqual(['industryChain']);
    const ok = await post(
      api,
      '/api/projects',
      world.taskforce,
      validSubmission(world.enterpriseId, { industryChain: '氢能' }),
    );
    expect(ok.status).toBe(201);
  });

  it('a chain added after it was refused is accepted at once (the known chains are looked up again)', async () => {
    const submit = () =>
      post(api, '/api/projects', world.taskforce, validSubmission(world.enterpriseId, { industryChain: '深海科技' }));
    await expectRefused(events, submit, 400, 'UNKNOWN_INDUSTRY_CHAIN');
    expect((await post(api, '/api/industry-chains', world.admin, { name: '深海科技' })).status).toBe(201);
    expect((await submit()).status).toBe(201);
  });
});

describe('departments in English', () => {
  it('the admin gives a department an English name, at creation or later; the list carries it', async () => {
    const created = await post(api, '/api/departments', world.admin, {
      code: 'commerce-en',
      name: '市商务局',
      nameEn: 'Commerce Bureau',
    });
    expect(created.body).toEqual({ code: 'commerce-en', name: '市商务局', nameEn: 'Commerce Bureau' });
    const renamed = await patch(api, '/api/departments/industry', world.admin, { nameEn: 'Industry Bureau' });
    expect({ status: renamed.status, nameEn: renamed.body.nameEn }).toEqual({ status: 200, nameEn: 'Industry Bureau' });
    expect((await patch(api, '/api/departments/industry', world.taskforce, { nameEn: 'x' })).status).toBe(403);
    expect((await patch(api, '/api/departments/nope', world.admin, { nameEn: 'x' })).status).toBe(404);
    const list = (await get(api, '/api/departments', world.leader)).body;
    expect(list).toContainEqual({ code: 'industry', name: 'industry', nameEn: 'Industry Bureau' });
  });
});
