import { RunningApi, startApi } from '../support/start-api';
import { TestUser } from '../support/auth-helpers';
import {
  approvingReview,
  createWorld,
  dateDaysAgo,
  daysAgo,
  EventsTable,
  expectRefused,
  fieldsOf,
  get,
  plan,
  post,
  Reply,
  World,
} from './projects.helpers';

/**
 * A 国企民企面对面恳谈会 end to end over HTTP: two state-owned chain leaders publish demands,
 * three SMEs propose, the task force follows each cooperation stage by stage, one signed
 * cooperation becomes a project that then lands, and the dashboard's figures are checked
 * against a hand computation.
 */
let api: RunningApi;
let world: World;
let events: EventsTable;
let lastPosition = 0;
const id: Record<string, string> = {};
let beforeLateSigning = '';
/** The request that proposed c4, sent with an Idempotency-Key. */
let c4Request: Record<string, unknown> = {};

const track = (reply: Reply): Reply => {
  if (reply.status >= 300) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
  lastPosition = Math.max(lastPosition, reply.body.position ?? 0);
  return reply;
};
const read = (path: string, user: TestUser = world.taskforce) =>
  get(api, `${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, user);
const stage = (cooperation: string, body: Record<string, unknown>) =>
  post(api, `/api/cooperations/${id[cooperation]}/stage`, world.taskforce, body);

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  events = new EventsTable(api.databaseUrl);
  const { taskforce } = world;
  const enterprise = async (key: string, name: string, tier: string, district: string) => {
    id[key] = track(await post(api, '/api/enterprises', taskforce, { name, tier, district })).body.id;
  };
  await enterprise('qdgk', '山东港口青岛港集团有限公司', 'none', '黄岛区');
  await enterprise('qdgt', '青岛地铁集团有限公司', 'none', '市北区');
  await enterprise('s1', '青岛微电机科技有限公司', 'municipal', '城阳区');
  await enterprise('s2', '青岛智造视觉有限公司', 'none', '崂山区');
  await enterprise('s3', '青岛海纳新材料有限公司', 'provincial', '即墨区');

  id.event = track(
    await post(api, '/api/matchmaking-events', taskforce, {
      title: '国企民企面对面恳谈会（第一期）',
      kind: 'soe-private',
      heldOn: dateDaysAgo(20),
      hosts: ['市国资委', '市民营经济发展局'],
    }),
  ).body.id;
  const demand = async (key: string, body: Record<string, unknown>) => {
    id[key] = track(await post(api, '/api/demands', taskforce, body)).body.id;
  };
  await demand('d1', {
    publisherId: id.qdgk,
    category: 'rnd',
    title: '岸桥压缩机智能控制联合研发',
    budgetYuan: 5_000_000,
    eventId: id.event,
    occurredAt: daysAgo(20),
  });
  await demand('d2', {
    publisherId: id.qdgk,
    category: 'procurement',
    title: '港区照明设备采购',
    eventId: id.event,
    occurredAt: daysAgo(20),
  });
  await demand('d3', {
    publisherId: id.qdgt,
    category: 'rnd',
    title: '轨道巡检视觉识别',
    eventId: id.event,
    occurredAt: daysAgo(20),
  });
  await demand('d4', {
    publisherId: id.qdgt,
    category: 'green',
    title: '车辆段光伏改造',
    deadline: dateDaysAgo(-90),
    occurredAt: daysAgo(5),
  });

  const propose = async (
    key: string,
    demandKey: string,
    enterpriseKey: string,
    at: string,
    extra: Record<string, unknown> = {},
    headers?: Record<string, string>,
  ) => {
    const body = { enterpriseId: id[enterpriseKey], summary: '合作方案', occurredAt: at, ...extra };
    if (key === 'c4') c4Request = body;
    id[key] = track(await post(api, `/api/demands/${id[demandKey]}/proposals`, taskforce, body, headers)).body.id;
  };
  await propose('c1', 'd1', 's1', daysAgo(20), { departments: ['industry'] });
  await propose('c2', 'd1', 's2', daysAgo(20));
  await propose('c3', 'd3', 's3', daysAgo(19));
  await propose('c4', 'd2', 's1', daysAgo(19), {}, { 'Idempotency-Key': 'mm-e2e-c4' });

  // c1: answered after 2 days, signed 10 days ago for 3,000,000.
  track(await stage('c1', { stage: 'negotiating', occurredAt: daysAgo(18) }));
  track(await stage('c1', { stage: 'trial', occurredAt: daysAgo(15) }));
  track(await stage('c1', { stage: 'signed', occurredAt: daysAgo(10), amountYuan: 3_000_000 }));
  // c2: answered after 4 days by dropping it.
  track(await stage('c2', { stage: 'dropped', occurredAt: daysAgo(16), note: '技术路线不匹配' }));
  // c3: answered after 6 days, signed 7 days ago for 1,000,000 (recorded last, for knownAt).
  track(await stage('c3', { stage: 'negotiating', occurredAt: daysAgo(13) }));
  // c4: no answer yet.
  // s2 became a municipal 专精特新 enterprise 3 days ago.
  track(await post(api, `/api/enterprises/${id.s2}/tier`, taskforce, { tier: 'municipal', since: dateDaysAgo(3) }));
  beforeLateSigning = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 20));
  track(await stage('c3', { stage: 'signed', occurredAt: daysAgo(7), amountYuan: 1_000_000 }));
}, 120_000);

afterAll(async () => {
  await events?.close();
  await api?.stop();
});

describe('the stage rules over HTTP', () => {
  it('409 COOPERATION_DROPPED: a dropped cooperation cannot be signed', async () => {
    await expectRefused(events, () => stage('c2', { stage: 'signed', amountYuan: 1 }), 409, 'COOPERATION_DROPPED');
  });

  it('409 OCCURRED_AT_BEFORE_PREVIOUS_EVENT: no stage dated before the previous one', async () => {
    await expectRefused(
      events,
      () => stage('c4', { stage: 'negotiating', occurredAt: daysAgo(25) }),
      409,
      'OCCURRED_AT_BEFORE_PREVIOUS_EVENT',
    );
  });

  it('400 OCCURRED_AT_IN_FUTURE', async () => {
    await expectRefused(
      events,
      () => stage('c4', { stage: 'negotiating', occurredAt: daysAgo(-1) }),
      400,
      'OCCURRED_AT_IN_FUTURE',
    );
  });

  it('404 COOPERATION_NOT_FOUND: no stage before the proposal', async () => {
    await expectRefused(
      events,
      () => post(api, `/api/cooperations/${id.qdgk}/stage`, world.taskforce, { stage: 'negotiating' }),
      404,
      'COOPERATION_NOT_FOUND',
    );
  });

  it('409 PROPOSAL_BEFORE_DEMAND: no proposal dated before the demand', async () => {
    await expectRefused(
      events,
      () =>
        post(api, `/api/demands/${id.d4}/proposals`, world.taskforce, {
          enterpriseId: id.s1,
          summary: 's',
          occurredAt: daysAgo(6),
        }),
      409,
      'PROPOSAL_BEFORE_DEMAND',
    );
  });

  it('400 INVALID_INPUT names every bad field', async () => {
    const reply = await expectRefused(
      events,
      () => post(api, '/api/demands', world.taskforce, { publisherId: 'x', category: 'snacks', title: '' }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(reply).sort()).toEqual(['category', 'publisherId', 'title']);
  });

  it('400 PUBLISHER_NOT_FOUND names publisherId', async () => {
    const reply = await expectRefused(
      events,
      () =>
        post(api, '/api/demands', world.taskforce, { publisherId: world.conferenceId, category: 'rnd', title: 't' }),
      400,
      'PUBLISHER_NOT_FOUND',
    );
    expect(reply.body.field ?? fieldsOf(reply)[0]).toBe('publisherId');
  });

  it('412 VERSION_MISMATCH with a stale If-Match', async () => {
    await expectRefused(
      events,
      () =>
        post(api, `/api/cooperations/${id.c4}/stage`, world.taskforce, { stage: 'negotiating' }, { 'If-Match': '"7"' }),
      412,
      'VERSION_MISMATCH',
    );
  });

  it('a proposal retried with its Idempotency-Key gets the first answer and writes nothing', async () => {
    const before = await events.count();
    const again = await post(api, `/api/demands/${id.d2}/proposals`, world.taskforce, c4Request, {
      'Idempotency-Key': 'mm-e2e-c4',
    });
    expect({ status: again.status, id: again.body.id, replayed: again.headers.get('idempotent-replayed') }).toEqual({
      status: 201,
      id: id.c4,
      replayed: 'true',
    });
    expect(await events.count()).toBe(before);
  });

  it('403 ROLE_NOT_ALLOWED for a department and a leader recording a stage', async () => {
    for (const user of [world.industry, world.leader]) {
      await expectRefused(
        events,
        () => post(api, `/api/cooperations/${id.c4}/stage`, user, { stage: 'negotiating' }),
        403,
        'ROLE_NOT_ALLOWED',
      );
    }
  });
});

describe('a signed cooperation becomes a project that lands', () => {
  let projectId = '';

  it('409 COOPERATION_NOT_SIGNED for a cooperation not signed', async () => {
    await expectRefused(
      events,
      () => post(api, `/api/cooperations/${id.c4}/project`, world.taskforce, { industryChain: '智能家电' }),
      409,
      'COOPERATION_NOT_SIGNED',
    );
  });

  it('201: one action submits the project, prefilled and linked both ways', async () => {
    const reply = track(
      await post(api, `/api/cooperations/${id.c1}/project`, world.taskforce, { industryChain: '高端装备' }),
    );
    expect(reply.status).toBe(201);
    projectId = reply.body.projectId;
    expect(reply.body).toMatchObject({ id: id.c1, version: 5 });
    const project = await read(`/api/projects/${projectId}`);
    expect(project.body).toMatchObject({
      status: 'submitted',
      enterpriseId: id.s1,
      enterpriseName: '青岛微电机科技有限公司',
      title: '岸桥压缩机智能控制联合研发',
      summary: '合作方案',
      industryChain: '高端装备',
      district: '城阳区',
      investmentYuan: 3_000_000,
      cooperationId: id.c1,
    });
    expect((await read(`/api/cooperations/${id.c1}`)).body).toMatchObject({
      projectId,
      stage: 'signed',
      signedAmountYuan: 3_000_000,
    });
  });

  it('done again, finds the same project and writes nothing', async () => {
    const before = await events.count();
    const again = await post(api, `/api/cooperations/${id.c1}/project`, world.taskforce, { industryChain: '高端装备' });
    expect({ status: again.status, projectId: again.body.projectId }).toEqual({ status: 201, projectId });
    expect(await events.count()).toBe(before);
  });

  it('the project is then tracked to landing like any other', async () => {
    const { taskforce, reviewer } = world;
    track(await post(api, `/api/projects/${projectId}/reviews`, reviewer, approvingReview));
    track(await post(api, `/api/projects/${projectId}/presentations`, taskforce, { conferenceId: world.conferenceId }));
    track(await post(api, `/api/projects/${projectId}/assignments`, taskforce, plan('industry', 'resources')));
    track(
      await post(api, `/api/projects/${projectId}/landing`, taskforce, {
        landedOn: dateDaysAgo(0),
        actualInvestmentYuan: 3_200_000,
        evidence: '首批样机交付',
        confirmOpenItems: true,
      }),
    );
    expect((await read(`/api/projects/${projectId}`)).body).toMatchObject({ status: 'landed', cooperationId: id.c1 });
  });
});

describe('GET /api/dashboard/matchmaking, checked by hand', () => {
  // Wilson 95% for 2 of 4: centre 0.5, half-width (z/(1+z²/4))·sqrt(0.25/4 + z²/64) = 0.34996.
  const WILSON_2_OF_4 = { value: 0.5, low: 0.15004, high: 0.84996 };

  it('today, per category: 4 demands, 4 proposals, 2 signed for 4,000,000; responses after 2, 4 and 6 days', async () => {
    const reply = await read('/api/dashboard/matchmaking?groupBy=category', world.leader);
    expect(reply.status).toBe(200);
    const { totals, rows, funnel } = reply.body;
    expect(totals).toMatchObject({
      demands: 4,
      proposals: 4,
      signed: 2,
      signedAmountYuan: 4_000_000,
      medianResponseDays: 4,
      responded: 3,
    });
    expect(totals.conversion.value).toBe(WILSON_2_OF_4.value);
    expect(totals.conversion.low).toBeCloseTo(WILSON_2_OF_4.low, 4);
    expect(totals.conversion.high).toBeCloseTo(WILSON_2_OF_4.high, 4);
    const byKey = Object.fromEntries(rows.map((r: { key: string }) => [r.key, r]));
    expect(byKey.rnd).toMatchObject({
      demands: 2,
      proposals: 3,
      signed: 2,
      signedAmountYuan: 4_000_000,
      medianResponseDays: 4,
      responded: 3,
    });
    expect(byKey.procurement).toMatchObject({
      demands: 1,
      proposals: 1,
      signed: 0,
      signedAmountYuan: 0,
      medianResponseDays: null,
      responded: 0,
    });
    expect(byKey.green).toMatchObject({ demands: 1, proposals: 0, signed: 0 });
    expect(byKey.green.conversion).toEqual({ value: 0, low: 0, high: 1 });
    // c1 went through trial; c3 skipped it (a skipped stage counts as passed).
    expect(funnel).toEqual({ intent: 4, negotiating: 2, trial: 2, signed: 2, delivering: 0, dropped: 1 });
  });

  it('as of 9 days ago: d4 not yet published, only c1 signed', async () => {
    const { totals } = (await read(`/api/dashboard/matchmaking?groupBy=event&asOf=${dateDaysAgo(9)}`, world.leader))
      .body;
    expect(totals).toMatchObject({
      demands: 3,
      proposals: 4,
      signed: 1,
      signedAmountYuan: 3_000_000,
      medianResponseDays: 4,
    });
  });

  it('per event: the 恳谈会 holds d1–d3 and every proposal; d4 has no event', async () => {
    const { rows } = (await read('/api/dashboard/matchmaking?groupBy=event', world.leader)).body;
    expect(rows).toEqual([
      expect.objectContaining({
        key: id.event,
        label: '国企民企面对面恳谈会（第一期）',
        demands: 3,
        proposals: 4,
        signed: 2,
      }),
      expect.objectContaining({ key: null, demands: 1, proposals: 0 }),
    ]);
  });

  it('per publisher', async () => {
    const { rows } = (await read('/api/dashboard/matchmaking?groupBy=publisher', world.leader)).body;
    const byKey = Object.fromEntries(rows.map((r: { key: string }) => [r.key, r]));
    expect(byKey[id.qdgk]).toMatchObject({
      label: '山东港口青岛港集团有限公司',
      demands: 2,
      proposals: 3,
      signed: 1,
      signedAmountYuan: 3_000_000,
    });
    expect(byKey[id.qdgt]).toMatchObject({ demands: 2, proposals: 1, signed: 1, signedAmountYuan: 1_000_000 });
  });

  it('per tier of the proposer, as of the date: s2 counts as 小微 before its upgrade, municipal after', async () => {
    const tiers = async (asOf: string) =>
      Object.fromEntries(
        (await read(`/api/dashboard/matchmaking?groupBy=tier&asOf=${asOf}`, world.leader)).body.rows.map(
          (r: { key: string; proposals: number; signed: number }) => [r.key, [r.proposals, r.signed]],
        ),
      );
    expect(await tiers(dateDaysAgo(0))).toEqual({ municipal: [3, 1], provincial: [1, 1] });
    expect(await tiers(dateDaysAgo(4))).toEqual({ municipal: [2, 1], none: [1, 0], provincial: [1, 1] });
  });

  it('knownAt before the late record of c3’s signing leaves it out', async () => {
    const { totals } = (
      await read(
        `/api/dashboard/matchmaking?groupBy=category&knownAt=${encodeURIComponent(beforeLateSigning)}`,
        world.leader,
      )
    ).body;
    expect(totals).toMatchObject({ signed: 1, signedAmountYuan: 3_000_000 });
  });

  it('400 names groupBy when it is missing; 403 for departments', async () => {
    const reply = await read('/api/dashboard/matchmaking', world.leader);
    expect({ status: reply.status, fields: fieldsOf(reply) }).toEqual({ status: 400, fields: ['groupBy'] });
    expect((await read('/api/dashboard/matchmaking?groupBy=tier', world.industry)).status).toBe(403);
  });

  it('GET /api/dashboard/tiers counts the ladder per district as of a date', async () => {
    const today = (await read('/api/dashboard/tiers', world.leader)).body;
    const district = (name: string) => today.rows.find((r: { key: string }) => r.key === name)?.counts;
    expect(district('崂山区')).toEqual({ none: 0, municipal: 1, provincial: 0, national: 0 });
    expect(today.upgradesByYear).toEqual([{ year: Number(dateDaysAgo(3).slice(0, 4)), upgrades: 1 }]);
    const before = (await read(`/api/dashboard/tiers?asOf=${dateDaysAgo(4)}`, world.leader)).body;
    expect(before.rows.find((r: { key: string }) => r.key === '崂山区').counts).toMatchObject({
      none: 1,
      municipal: 0,
    });
  });
});

describe('the demand board, cooperations and the dossier', () => {
  it('filters demands by category, publisher, event and text', async () => {
    const titles = async (query: string) =>
      (await read(`/api/demands?${query}`)).body.items.map((d: { title: string }) => d.title).sort();
    expect(await titles('category=rnd')).toEqual(['岸桥压缩机智能控制联合研发', '轨道巡检视觉识别']);
    expect(await titles(`publisherId=${id.qdgt}`)).toEqual(['车辆段光伏改造', '轨道巡检视觉识别']);
    expect((await titles(`eventId=${id.event}`)).length).toBe(3);
    expect(await titles(`q=${encodeURIComponent('光伏')}`)).toEqual(['车辆段光伏改造']);
    const d1 = (await read(`/api/demands?q=${encodeURIComponent('压缩机')}`)).body.items[0];
    expect(d1).toMatchObject({
      proposals: 2,
      signed: 1,
      eventTitle: '国企民企面对面恳谈会（第一期）',
      budgetYuan: 5_000_000,
    });
  });

  it('lists the matchmaking events with their counts', async () => {
    const list = (await read('/api/matchmaking-events')).body;
    expect(list).toEqual([
      expect.objectContaining({
        id: id.event,
        kind: 'soe-private',
        heldOn: dateDaysAgo(20),
        demands: 3,
        proposals: 4,
        signed: 2,
      }),
    ]);
  });

  it('a department sees only the cooperations it follows', async () => {
    const seen = async (user: TestUser) =>
      (await read('/api/cooperations', user)).body.items.map((c: { id: string }) => c.id);
    expect(await seen(world.industry)).toEqual([id.c1]);
    expect(await seen(world.commerce)).toEqual([]);
    expect((await seen(world.taskforce)).length).toBe(4);
    const other = await read(`/api/cooperations/${id.c2}`, world.industry);
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 403, code: 'NOT_YOUR_COOPERATION' });
    expect(
      (await read(`/api/cooperations/${id.c1}`, world.industry)).body.steps.map((s: { stage: string }) => s.stage),
    ).toEqual(['intent', 'negotiating', 'trial', 'signed']);
  });

  it('the dossier shows demands, proposals, cooperations and the tier history', async () => {
    const publisher = (await read(`/api/enterprises/${id.qdgk}/dossier`)).body.matchmaking;
    expect(publisher.demands.map((d: { id: string }) => d.id).sort()).toEqual([id.d1, id.d2].sort());
    expect(publisher.cooperations.map((c: { id: string }) => c.id)).toEqual([id.c1, id.c2, id.c4]);
    const sme = (await read(`/api/enterprises/${id.s1}/dossier`)).body.matchmaking;
    expect(sme.proposals.map((c: { id: string }) => c.id)).toEqual([id.c1, id.c4]);
    expect((await read(`/api/enterprises/${id.s2}/dossier`)).body.matchmaking.tierHistory).toEqual([
      { tier: 'none', since: null },
      { tier: 'municipal', since: dateDaysAgo(3) },
    ]);
  });

  it('400 TIER_SINCE_IN_FUTURE; 409 TIER_SINCE_BEFORE_PREVIOUS', async () => {
    await expectRefused(
      events,
      () =>
        post(api, `/api/enterprises/${id.s1}/tier`, world.taskforce, { tier: 'provincial', since: dateDaysAgo(-1) }),
      400,
      'TIER_SINCE_IN_FUTURE',
    );
    await expectRefused(
      events,
      () =>
        post(api, `/api/enterprises/${id.s2}/tier`, world.taskforce, { tier: 'provincial', since: dateDaysAgo(30) }),
      409,
      'TIER_SINCE_BEFORE_PREVIOUS',
    );
  });
});
