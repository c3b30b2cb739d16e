import { enterpriseStream, projectStream } from '@luodi/domain';
import { RunningApi, startApi } from '../support/start-api';
import {
  createWorld,
  EventsTable,
  expectRefused,
  fieldsOf,
  get,
  patch,
  post,
  projectAt,
  validSubmission,
  World,
} from './projects.helpers';

/**
 * Correcting what was entered: a submission while it is under review
 * (PATCH /api/projects/:id/submission) and an enterprise's name, district or tier
 * (PATCH /api/enterprises/:id), seen in the project, the lists and the dossier.
 */
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

const randomId = () => crypto.randomUUID();
const revise = (id: string, body: unknown, user = world.taskforce, headers?: Record<string, string>) =>
  patch(api, `/api/projects/${id}/submission`, user, body, headers);

describe('PATCH /api/projects/:id/submission', () => {
  it('200: revises a submitted project; the project, the list and the dossier show the change', async () => {
    const { id, version } = await projectAt(world, 'submitted');
    const [landNeed] = (await get(api, `/api/projects/${id}`, world.taskforce)).body.needs;
    const body = {
      title: '智能港口装备二期',
      investmentYuan: 350_000_000,
      district: '即墨区',
      needs: [
        { needId: landNeed.needId, kind: 'land', description: '需要 80 亩工业用地' },
        { kind: 'talent', description: '引进 20 名工程师' },
      ],
    };
    const reply = await revise(id, body, world.taskforce, { 'If-Match': `"${version}"` });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id, version: version + 1, position: expect.any(Number) });
    expect(await events.types(projectStream(id))).toEqual(['ProjectSubmitted', 'SubmissionRevised']);

    const project = (await get(api, `/api/projects/${id}`, world.taskforce)).body;
    expect(project).toMatchObject({
      status: 'submitted',
      title: '智能港口装备二期',
      summary: '自动化岸桥与集卡调度',
      district: '即墨区',
      investmentYuan: 350_000_000,
    });
    expect(project.needs).toEqual([
      expect.objectContaining({ needId: landNeed.needId, kind: 'land', description: '需要 80 亩工业用地' }),
      expect.objectContaining({ needId: expect.any(String), kind: 'talent', description: '引进 20 名工程师' }),
    ]);

    const list = await get(
      api,
      `/api/projects?q=${encodeURIComponent('二期')}&minPosition=${reply.body.position}`,
      world.taskforce,
    );
    expect(list.body.items).toEqual([
      expect.objectContaining({ id, title: '智能港口装备二期', investmentYuan: 350_000_000 }),
    ]);
    const dossier = await get(
      api,
      `/api/enterprises/${world.enterpriseId}/dossier?minPosition=${reply.body.position}`,
      world.taskforce,
    );
    expect(dossier.body.projects.find((p: { id: string }) => p.id === id)).toMatchObject({ title: '智能港口装备二期' });
  });

  it('409 PROJECT_ALREADY_DECIDED: an approved project can no longer be revised', async () => {
    const { id } = await projectAt(world, 'approved');
    await expectRefused(events, () => revise(id, { title: '改名' }), 409, 'PROJECT_ALREADY_DECIDED');
    expect((await get(api, `/api/projects/${id}`, world.taskforce)).body.title).toBe('智能港口装备');
  });

  it('412 VERSION_MISMATCH with a stale If-Match; 404 for an unknown project', async () => {
    const { id, version } = await projectAt(world, 'submitted');
    expect((await revise(id, { investmentYuan: 1 })).status).toBe(200);
    await expectRefused(
      events,
      () => revise(id, { investmentYuan: 2 }, world.taskforce, { 'If-Match': `"${version}"` }),
      412,
      'VERSION_MISMATCH',
    );
    await expectRefused(events, () => revise(randomId(), { investmentYuan: 2 }), 404, 'PROJECT_NOT_FOUND');
  });

  it('400: names every invalid field and writes nothing', async () => {
    const { id } = await projectAt(world, 'submitted');
    const bad = await expectRefused(
      events,
      () => revise(id, { title: '   ', investmentYuan: -1, needs: [{ kind: 'money', description: '' }], budget: 1 }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining(['title', 'investmentYuan', 'needs[0].kind', 'needs[0].description', 'budget']),
    );
    expect(
      fieldsOf(
        await expectRefused(
          events,
          () => revise(id, { needs: [{ needId: randomId(), kind: 'land', description: '用地' }] }),
          400,
          'NEED_NOT_FOUND',
        ),
      ),
    ).toEqual(['needs[0].needId']);
    await expectRefused(events, () => revise(id, {}), 400, 'NOTHING_TO_REVISE');
    expect((await get(api, `/api/projects/${id}`, world.taskforce)).body.version).toBe(1);
  });

  it('Idempotency-Key: a retried revision is answered again and written once', async () => {
    const { id } = await projectAt(world, 'submitted');
    const headers = { 'Idempotency-Key': randomId() };
    const first = await revise(id, { summary: '新摘要' }, world.taskforce, headers);
    const again = await revise(id, { summary: '新摘要' }, world.taskforce, headers);
    expect(first.status).toBe(200);
    expect({ status: again.status, body: again.body, replayed: again.headers.get('idempotent-replayed') }).toEqual({
      status: 200,
      body: first.body,
      replayed: 'true',
    });
    expect(await events.types(projectStream(id))).toEqual(['ProjectSubmitted', 'SubmissionRevised']);
  });

  it('401 without a token, 403 for reviewers, leaders and departments; admin may', async () => {
    const { id } = await projectAt(world, 'submitted');
    await expectRefused(
      events,
      () => patch(api, `/api/projects/${id}/submission`, undefined, { title: '改名' }),
      401,
      'UNAUTHENTICATED',
    );
    for (const user of [world.reviewer, world.leader, world.industry])
      await expectRefused(events, () => revise(id, { title: '改名' }, user), 403, 'ROLE_NOT_ALLOWED');
    expect((await revise(id, { title: '改名' }, world.admin)).status).toBe(200);
  });
});

describe('PATCH /api/enterprises/:id', () => {
  const update = (id: string, body: unknown, user = world.taskforce) =>
    patch(api, `/api/enterprises/${id}`, user, body);

  it('200: renames an enterprise; the enterprise, the lists and the dossier show the new name', async () => {
    const registered = await post(api, '/api/enterprises', world.taskforce, { name: '青岛旧名科技有限公司' });
    const enterpriseId = registered.body.id;
    const project = await post(
      api,
      '/api/projects',
      world.taskforce,
      validSubmission(enterpriseId, { title: '改名测试项目' }),
    );
    const reply = await update(enterpriseId, { name: '青岛新名科技有限公司', district: '崂山区', tier: 'provincial' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id: enterpriseId, version: 2, position: expect.any(Number) });
    expect(await events.types(enterpriseStream(enterpriseId))).toEqual(['EnterpriseRegistered', 'EnterpriseUpdated']);

    expect((await get(api, `/api/enterprises/${enterpriseId}`, world.taskforce)).body).toMatchObject({
      name: '青岛新名科技有限公司',
      district: '崂山区',
      tier: 'provincial',
    });
    const at = `minPosition=${reply.body.position}`;
    const enterprises = await get(api, `/api/enterprises?q=${encodeURIComponent('新名')}&${at}`, world.taskforce);
    expect(enterprises.body.items).toEqual([
      expect.objectContaining({
        id: enterpriseId,
        name: '青岛新名科技有限公司',
        district: '崂山区',
        tier: 'provincial',
      }),
    ]);
    const projects = await get(api, `/api/projects?q=${encodeURIComponent('改名测试')}&${at}`, world.taskforce);
    expect(projects.body.items).toEqual([
      expect.objectContaining({ id: project.body.id, enterpriseName: '青岛新名科技有限公司' }),
    ]);
    const dossier = await get(api, `/api/enterprises/${enterpriseId}/dossier?${at}`, world.taskforce);
    expect(dossier.body.enterprise).toMatchObject({ name: '青岛新名科技有限公司', tier: 'provincial' });
  });

  it('400: refuses a credit code change, bad fields and an empty update, writing nothing; 404 for an unknown one', async () => {
    const creditCode = await expectRefused(
      events,
      () => update(world.enterpriseId, { creditCode: '91370200MA3C5Q4N1X' }),
      400,
      'INVALID_INPUT',
    );
    expect(creditCode.body.errors).toEqual([
      expect.objectContaining({ field: 'creditCode', message: expect.stringContaining('fixed at registration') }),
    ]);
    expect(
      fieldsOf(
        await expectRefused(
          events,
          () => update(world.enterpriseId, { name: ' ', tier: 'gold' }),
          400,
          'INVALID_INPUT',
        ),
      ).sort(),
    ).toEqual(['name', 'tier']);
    await expectRefused(events, () => update(world.enterpriseId, {}), 400, 'NOTHING_TO_UPDATE');
    await expectRefused(events, () => update(randomId(), { name: '无此企业' }), 404, 'ENTERPRISE_NOT_FOUND');
  });

  it('403 for reviewers, leaders and departments; admin may', async () => {
    for (const user of [world.reviewer, world.leader, world.industry])
      await expectRefused(
        events,
        () => update(world.enterpriseId, { district: '市南区' }, user),
        403,
        'ROLE_NOT_ALLOWED',
      );
    expect((await update(world.enterpriseId, { district: '市南区' }, world.admin)).status).toBe(200);
  });
});
