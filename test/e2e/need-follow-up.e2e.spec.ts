import { RunningApi, startApi } from '../support/start-api';
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
  World,
} from './projects.helpers';

/** 回访: the task force asks the enterprise about a resolved need; unsatisfied sends it back (退回重办) with a 督办单. */
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

describe('POST /api/projects/:id/needs/:needId/follow-up', () => {
  it('records satisfaction; unsatisfied reopens the need in the project, the dossier and the landing check', async () => {
    const { id } = await projectAt(world, 'assigned');
    const [need] = (await get(api, `/api/projects/${id}`, world.taskforce)).body.needs;
    const at = `/api/projects/${id}/needs/${need.needId}`;
    await expectRefused(
      events,
      () => post(api, `${at}/follow-up`, world.taskforce, { satisfaction: 'satisfied' }),
      409,
      'NEED_NOT_RESOLVED',
    );
    expect(
      (await post(api, `${at}/resolution`, world.resources, { resolution: '已供地', occurredAt: daysAgo(5) })).status,
    ).toBe(200);

    const basically = await post(api, `${at}/follow-up`, world.taskforce, {
      satisfaction: 'basically',
      comment: '供地进度偏慢',
      occurredAt: daysAgo(4),
    });
    expect(basically.status).toBe(200);
    expect((await get(api, `/api/projects/${id}`, world.taskforce)).body.needs[0].resolved).toBe(true);

    const unsatisfied = await post(api, `${at}/follow-up`, world.admin, {
      satisfaction: 'unsatisfied',
      comment: '地块配套未落实',
      occurredAt: daysAgo(3),
    });
    expect(unsatisfied.status).toBe(200);
    const project = (await get(api, `/api/projects/${id}`, world.taskforce)).body;
    expect(project.needs[0]).toMatchObject({ needId: need.needId, resolved: false, resolution: null });
    const types = (await get(api, `/api/projects/${id}/history`, world.taskforce)).body.events.map(
      (e: { type: string }) => e.type,
    );
    expect(types.slice(-4)).toEqual(['NeedFollowedUp', 'NeedFollowedUp', 'NeedReopened', 'SupervisionNoticeIssued']);
    // 退回重办 under supervision: a 督办单 to the lead department, in its notice list.
    const notices = (
      await get(api, `/api/supervision-notices?minPosition=${unsatisfied.body.position}`, world.industry)
    ).body.items;
    expect(notices).toEqual([
      expect.objectContaining({
        projectId: id,
        needId: need.needId,
        departmentCode: 'industry',
        level: 'supervision',
        message: '企业回访不满意，退回重办：地块配套未落实',
      }),
    ]);

    const dossier = (
      await get(
        api,
        `/api/enterprises/${world.enterpriseId}/dossier?minPosition=${unsatisfied.body.position}`,
        world.leader,
      )
    ).body;
    const row = dossier.projects.find((p: { id: string }) => p.id === id);
    expect(row.needs.find((n: { needId: string }) => n.needId === need.needId)).toMatchObject({ resolved: false });

    const landing = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/landing`, world.taskforce, { landedOn: dateDaysAgo(0) }),
      409,
      'LANDING_HAS_OPEN_ITEMS',
    );
    expect(landing.body.openItems).toContainEqual({ kind: 'need', id: need.needId, title: need.description });
    // Resolved anew (重办), it can be followed up again.
    expect((await post(api, `${at}/resolution`, world.resources, { resolution: '配套已落实' })).status).toBe(200);
    expect((await post(api, `${at}/follow-up`, world.taskforce, { satisfaction: 'satisfied' })).status).toBe(200);
  });

  it('400 naming satisfaction; 403 for departments, reviewers and leaders', async () => {
    const { id } = await projectAt(world, 'assigned');
    const [need] = (await get(api, `/api/projects/${id}`, world.taskforce)).body.needs;
    const at = `/api/projects/${id}/needs/${need.needId}`;
    expect(
      (await post(api, `${at}/resolution`, world.taskforce, { resolution: '已解决', occurredAt: daysAgo(2) })).status,
    ).toBe(200);
    for (const body of [{}, { satisfaction: 'happy' }]) {
      const reply = await expectRefused(events, () => post(api, `${at}/follow-up`, world.taskforce, body), 400);
      expect(fieldsOf(reply)).toEqual(['satisfaction']);
    }
    for (const user of [world.industry, world.reviewer, world.leader])
      await expectRefused(events, () => post(api, `${at}/follow-up`, user, { satisfaction: 'unsatisfied' }), 403);
  });
});
