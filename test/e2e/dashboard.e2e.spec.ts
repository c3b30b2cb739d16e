import { PostgresEventStore } from '@luodi/event-store';
import { appendHistory, generateHistory, HistoryEvent } from '../../libs/read-models/src/testing/generate-history';
import { endOfBusinessDay } from '@luodi/domain';
import { Pool } from 'pg';
import { RunningApi, startApi } from '../support/start-api';
import { approvingReview, createWorld, fieldsOf, get, post, Reply, validSubmission, World } from './projects.helpers';

/**
 * Dashboards as of any date: the definitions checked on a small history made through the API
 * with business times (numbers worked out by hand below), then, on a generated history, the
 * dashboard of a past date compared with the one taken when the history ended on that date.
 */

const at = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;

describe('dashboard definitions, as of any date', () => {
  /**
   *      submitted  library                           then
   *  P1  03-01      03-05 23:30 CST (15:30Z)          conference 03-10, lead industry 03-15, landed 04-10, actual 250M (planned 200M)
   *  P2  03-02      03-06 00:30 CST (03-05 16:30Z)    conference 03-10, lead industry 03-16, lead resources 05-01, landed 06-01 (planned 100M)
   *  P3  03-03      03-07                             withdrawn 04-20 (planned 50M)
   *  P4  03-04      rejected 03-08
   *  P5  03-05      withdrawn 03-09, before any review
   *  P6  05-10      05-15, chain marine (planned 70M)
   */
  let api: RunningApi;
  let world: World;
  let position = 0;
  let conferenceId = '';
  const track = (reply: Reply): Reply => {
    if (reply.status >= 300) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
    position = Math.max(position, reply.body.position ?? 0);
    return reply;
  };
  const summary = async (query: string, user = world.leader) =>
    (await get(api, `/api/dashboard/summary?${query}&minPosition=${position}`, user)).body;
  const rates = async (query: string) =>
    (await get(api, `/api/dashboard/landing-rate?${query}&minPosition=${position}`, world.leader)).body;

  async function project(submittedOn: string, investmentYuan: number, industryChain = '高端装备'): Promise<string> {
    return track(
      await post(
        api,
        '/api/projects',
        world.taskforce,
        validSubmission(world.enterpriseId, { investmentYuan, industryChain, occurredAt: at(submittedOn, '09:00:00') }),
      ),
    ).body.id;
  }
  const review = async (id: string, verdict: string, occurredAt: string) =>
    track(await post(api, `/api/projects/${id}/reviews`, world.reviewer, { ...approvingReview, verdict, occurredAt }));
  const command = async (id: string, action: string, body: object) =>
    track(await post(api, `/api/projects/${id}/${action}`, world.taskforce, body));
  const plan = (lead: string, occurredAt: string) => ({
    leadDepartment: lead,
    milestones: [{ title: '签约', dueOn: '2026-12-31', departmentCode: lead, owner: '王伟' }],
    occurredAt,
  });

  beforeAll(async () => {
    api = await startApi();
    world = await createWorld(api);
    conferenceId = track(
      await post(api, '/api/conferences', world.taskforce, {
        title: '第一届民营经济创意会',
        theme: '海洋经济',
        heldOn: '2026-03-10',
      }),
    ).body.id;
    const p1 = await project('2026-03-01', 200_000_000);
    const p2 = await project('2026-03-02', 100_000_000);
    const p3 = await project('2026-03-03', 50_000_000);
    const p4 = await project('2026-03-04', 30_000_000);
    const p5 = await project('2026-03-05', 10_000_000);
    await review(p1, 'approved', at('2026-03-05', '23:30:00'));
    await review(p2, 'approved', at('2026-03-06', '00:30:00'));
    await review(p3, 'approved', at('2026-03-07'));
    await review(p4, 'rejected', at('2026-03-08'));
    await command(p5, 'withdrawal', { reason: '企业撤回', occurredAt: at('2026-03-09') });
    for (const id of [p1, p2]) await command(id, 'presentations', { conferenceId, occurredAt: at('2026-03-10') });
    await command(p1, 'assignments', plan('industry', at('2026-03-15')));
    await command(p2, 'assignments', plan('industry', at('2026-03-16')));
    await command(p1, 'landing', { landedOn: '2026-04-10', actualInvestmentYuan: 250_000_000, confirmOpenItems: true });
    await command(p3, 'withdrawal', { reason: '资金不足', occurredAt: at('2026-04-20') });
    await command(p2, 'assignments', plan('resources', at('2026-05-01')));
    const p6 = await project('2026-05-10', 70_000_000, 'marine');
    await review(p6, 'approved', at('2026-05-15'));
    await command(p2, 'landing', { landedOn: '2026-06-01', confirmOpenItems: true });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('counts by the CST calendar day: an approval at 23:30 counts that day, one at 00:30 the next', async () => {
    expect(await summary('asOf=2026-03-04')).toMatchObject({ projects: 4, inLibrary: 0, byStatus: { submitted: 4 } });
    expect(await summary('asOf=2026-03-05')).toMatchObject({ projects: 5, inLibrary: 1 });
    expect(await summary('asOf=2026-03-06')).toMatchObject({ inLibrary: 2 });
  });

  it('keeps withdrawn library projects in the library, not those withdrawn before approval', async () => {
    expect(await summary('asOf=2026-03-31')).toEqual({
      asOf: '2026-03-31',
      projects: 5,
      inLibrary: 3,
      landed: 0,
      withdrawn: 0,
      landingRate: 0,
      investmentYuan: 350_000_000,
      landedInvestmentYuan: 0,
      byStatus: { submitted: 0, approved: 1, rejected: 1, presented: 0, assigned: 2, landed: 0, withdrawn: 1 },
    });
    expect(await summary('asOf=2026-04-30')).toMatchObject({
      inLibrary: 3,
      landed: 1,
      withdrawn: 1,
      landingRate: 1 / 3,
      landedInvestmentYuan: 250_000_000,
    });
  });

  it('counts a landing from its landedOn day, with the actual investment or else the planned one', async () => {
    expect(await summary('asOf=2026-04-09')).toMatchObject({ landed: 0 });
    expect(await summary('asOf=2026-04-10')).toMatchObject({ landed: 1 });
    expect(await summary('asOf=2026-06-30')).toMatchObject({
      projects: 6,
      inLibrary: 4,
      landed: 2,
      withdrawn: 1,
      landingRate: 0.5,
      investmentYuan: 420_000_000,
      landedInvestmentYuan: 350_000_000,
    });
  });

  it('takes the lead department and the conference as they were on the date', async () => {
    expect(await summary('asOf=2026-04-30&department=industry')).toMatchObject({ inLibrary: 2, landed: 1 });
    expect(await summary('asOf=2026-06-30&department=industry')).toMatchObject({ inLibrary: 1, landed: 1 });
    expect(await summary('asOf=2026-06-30&department=resources')).toMatchObject({
      inLibrary: 1,
      landed: 1,
      landedInvestmentYuan: 100_000_000,
    });
    expect(await summary(`asOf=2026-03-09&conferenceId=${conferenceId}`)).toMatchObject({ projects: 0 });
    expect(await summary(`asOf=2026-03-10&conferenceId=${conferenceId}`)).toMatchObject({ projects: 2, inLibrary: 2 });
  });

  it('gives landing rates by lead department, conference, industry chain and district', async () => {
    expect(await rates('groupBy=department&asOf=2026-06-30')).toEqual([
      { key: 'industry', label: 'industry', inLibrary: 1, landed: 1, landingRate: 1 },
      { key: 'resources', label: 'resources', inLibrary: 1, landed: 1, landingRate: 1 },
      { key: null, label: '—', inLibrary: 2, landed: 0, landingRate: 0 },
    ]);
    expect(await rates('groupBy=conference&asOf=2026-06-30')).toEqual([
      {
        key: conferenceId,
        label: '第一届民营经济创意会',
        theme: '海洋经济',
        themeEn: null,
        inLibrary: 2,
        landed: 2,
        landingRate: 1,
      },
      { key: null, label: '—', theme: null, themeEn: null, inLibrary: 2, landed: 0, landingRate: 0 },
    ]);
    expect(await rates('groupBy=industryChain&asOf=2026-06-30')).toEqual([
      { key: '高端装备', label: '高端装备', inLibrary: 3, landed: 2, landingRate: 2 / 3 },
      { key: 'marine', label: 'marine', inLibrary: 1, landed: 0, landingRate: 0 },
    ]);
    expect(await rates('groupBy=district&asOf=2026-03-04')).toEqual([]);
  });

  it('drills down from a KPI or a bar to the projects behind it, the same cohort as the figure', async () => {
    const list = async (query: string) =>
      (await get(api, `/api/dashboard/projects?asOf=2026-06-30&${query}&minPosition=${position}`, world.leader)).body;
    const library = await list('outcome=library');
    expect(library.total).toBe((await summary('asOf=2026-06-30')).inLibrary);
    // In library order: P1, P2, P3, P6.
    expect(library.items.map((p: { status: string }) => p.status)).toEqual([
      'landed',
      'landed',
      'withdrawn',
      'approved',
    ]);
    expect(library.items[0]).toMatchObject({
      title: '智能港口装备',
      department: 'industry',
      conferenceId,
      landedOn: '2026-04-10',
    });
    const landed = await list('outcome=landed');
    expect(landed.items.map((p: { landedOn: string }) => p.landedOn)).toEqual(['2026-04-10', '2026-06-01']);
    expect((await list('outcome=withdrawn')).total).toBe(1);
    expect((await list('outcome=open')).items.map((p: { status: string }) => p.status)).toEqual(['approved']);
    // The bars: a conference, the "—" group (no key), and a lead department as of that day.
    expect((await list(`outcome=landed&groupBy=conference&key=${conferenceId}`)).total).toBe(2);
    expect((await list('groupBy=conference')).items.map((p: { status: string }) => p.status)).toEqual([
      'withdrawn',
      'approved',
    ]);
    expect((await list('groupBy=department&key=industry')).total).toBe(1); // P2 went to resources on 05-01
    expect((await list('groupBy=industryChain&key=marine')).total).toBe(1);
    // Paged, with the total kept.
    expect(await list('pageSize=1&page=2')).toMatchObject({
      total: 4,
      page: 2,
      pageSize: 1,
      items: [{ status: 'landed' }],
    });
    // Department users: their own department only.
    const own = (
      await get(
        api,
        `/api/dashboard/projects?asOf=2026-06-30&department=resources&minPosition=${position}`,
        world.industry,
      )
    ).body;
    expect(own.items.map((p: { department: string | null }) => p.department)).toEqual(['industry']);
    for (const [query, field] of [
      ['key=x', 'groupBy'],
      ['outcome=everything', 'outcome'],
      ['groupBy=colour', 'groupBy'],
      ['pageSize=500', 'pageSize'],
    ]) {
      const reply = await get(api, `/api/dashboard/projects?${query}`, world.leader);
      expect([query, reply.status, [...new Set(fieldsOf(reply))]]).toEqual([query, 400, [field]]);
    }
  });

  it('pins department users to their department, refuses reviewers, and checks the query', async () => {
    expect(await summary('asOf=2026-06-30&department=resources', world.industry)).toMatchObject({
      inLibrary: 1,
      landed: 1,
      landedInvestmentYuan: 250_000_000,
    });
    expect((await get(api, '/api/dashboard/summary', world.reviewer)).status).toBe(403);
    const bad = await get(api, '/api/dashboard/landing-rate?groupBy=color&asOf=2026-02-30', world.leader);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['asOf', 'groupBy']);
  });
});

describe('a dashboard for a past date equals the one taken on that date', () => {
  let api: RunningApi;
  let pool: Pool;
  let store: PostgresEventStore;
  let leader: World['leader'];
  const history = generateHistory({
    seed: 11,
    projects: 400,
    from: '2024-01-01',
    to: '2026-10-31',
    departments: ['industry', 'commerce', 'resources'],
  });
  const days = ['2024-09-30', '2025-06-30', '2026-03-31'];
  const queries = (asOf?: string) => {
    const date = asOf ? `&asOf=${asOf}` : '';
    return [
      `/api/dashboard/summary?${date}`,
      `/api/dashboard/summary?industryChain=marine${date}`,
      `/api/dashboard/summary?department=industry${date}`,
      ...['conference', 'industryChain', 'department', 'district'].map(
        (groupBy) => `/api/dashboard/landing-rate?groupBy=${groupBy}${date}`,
      ),
    ];
  };
  const answers = async (paths: string[], minPosition: number) =>
    Promise.all(
      paths.map(async (path) => {
        const reply = await get(api, `${path}&minPosition=${minPosition}`, leader);
        expect(reply.status).toBe(200);
        const { asOf: _asOf, ...body } = reply.body; // the date asked for; today for the snapshot
        return Array.isArray(reply.body) ? reply.body : body;
      }),
    );

  beforeAll(async () => {
    api = await startApi();
    leader = (await createWorld(api)).leader;
    pool = new Pool({ connectionString: api.databaseUrl, max: 8 });
    store = new PostgresEventStore(pool);
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await api.stop();
  });

  it('for three dates, with filters and every grouping', async () => {
    const written = new Set<HistoryEvent>();
    const upTo = (day: string) => history.filter((e) => e.data.occurredAt <= endOfBusinessDay(day) && !written.has(e));
    const snapshots: unknown[][] = [];
    for (const day of days) {
      // The history as it stood at the end of `day`: a dashboard without asOf is the one of that day.
      const events = upTo(day);
      events.forEach((e) => written.add(e));
      snapshots.push(await answers(queries(), await appendHistory(store, events)));
    }
    const last = await appendHistory(
      store,
      history.filter((e) => !written.has(e)),
    );

    for (const [i, day] of days.entries()) expect(await answers(queries(day), last)).toEqual(snapshots[i]);
    // The dates differ from one another and from today: the comparison is not vacuous.
    expect(snapshots[0]).not.toEqual(snapshots[1]);
    expect(snapshots[2]).not.toEqual(await answers(queries(), last));
    expect((snapshots[2][0] as { inLibrary: number }).inLibrary).toBeGreaterThan(50);
  }, 60_000);
});
