import { RunningApi, startApi } from '../support/start-api';
import { approvingReview, createWorld, get, post, Reply, validSubmission, World } from './projects.helpers';

/**
 * A cohort built through the API with business times, and the forecast checked against values
 * worked out by hand (Aalen–Johansen with withdrawal competing, censoring at asOf).
 *
 * Library entry (approving review) and outcome, as days after entry:
 *   A 2026-01-05 landed day 30      D 2026-01-05 landed day 90
 *   B 2026-01-05 landed day 60      E 2026-05-04 open (t = 30 at asOf)
 *   C 2026-01-05 withdrawn day 60   F 2026-05-24 open (t = 10 at asOf)
 * asOf 2026-06-03. Event days 30, 60, 90:
 *   day 30: at risk A B C D E (F left at 10)    F1 = 1/5                 S = 4/5
 *   day 60: at risk B C D; B lands, C withdraws F1 = 1/5 + 4/5·1/3 = 7/15  S = 4/15
 *   day 90: at risk D; D lands                  F1 = 7/15 + 4/15 = 11/15   S = 0
 * Within 365 days: E (t = 30) lands with (11/15 − 3/15) / (12/15) = 2/3; F (t = 10) with 11/15.
 * Expected landed = 3 + 2/3 + 11/15 = 4.4. Sum of the two: P(0) = 4/45, P(1) = 19/45, P(2) = 22/45,
 * so the 95% interval is 0..2 and the 80% interval 1..2 more landings: 3..5 and 4..5.
 * Wilson 95% for 3 of 6: 0.1876..0.8124.
 */
let api: RunningApi;
let world: World;
/** Held on the day the first cohort entered the library: no presentation may predate its conference. */
let conferenceId: string;
let lastPosition = 0;

const at = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;
const track = (reply: Reply): Reply => {
  if (reply.status >= 300) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
  lastPosition = Math.max(lastPosition, reply.body.position ?? 0);
  return reply;
};

async function libraryProject(enteredOn: string, industryChain = '高端装备'): Promise<string> {
  const { taskforce, reviewer } = world;
  const submitted = track(
    await post(
      api,
      '/api/projects',
      taskforce,
      validSubmission(world.enterpriseId, { industryChain, occurredAt: at(enteredOn, '08:00:00') }),
    ),
  );
  const id = submitted.body.id;
  track(await post(api, `/api/projects/${id}/reviews`, reviewer, { ...approvingReview, occurredAt: at(enteredOn) }));
  return id;
}

async function landed(enteredOn: string, landedOn: string, industryChain?: string): Promise<string> {
  const id = await libraryProject(enteredOn, industryChain);
  const { taskforce } = world;
  track(
    await post(api, `/api/projects/${id}/presentations`, taskforce, {
      conferenceId,
      occurredAt: at(enteredOn, '11:00:00'),
    }),
  );
  track(
    await post(api, `/api/projects/${id}/assignments`, taskforce, {
      leadDepartment: 'industry',
      milestones: [{ title: '签约', dueOn: landedOn, departmentCode: 'industry', owner: '王伟' }],
      occurredAt: at(enteredOn, '12:00:00'),
    }),
  );
  track(await post(api, `/api/projects/${id}/landing`, taskforce, { landedOn, confirmOpenItems: true }));
  return id;
}

const forecast = async (query: string) =>
  get(api, `/api/forecast/landing?${query}&minPosition=${lastPosition}`, world.leader);

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  conferenceId = track(
    await post(api, '/api/conferences', world.taskforce, { title: '第一届民营经济创意会', heldOn: '2026-01-05' }),
  ).body.id;
  await landed('2026-01-05', '2026-02-04');
  await landed('2026-01-05', '2026-03-06');
  const c = await libraryProject('2026-01-05');
  track(
    await post(api, `/api/projects/${c}/withdrawal`, world.taskforce, {
      reason: '企业战略调整',
      occurredAt: at('2026-03-06'),
    }),
  );
  await landed('2026-01-05', '2026-04-05');
  await libraryProject('2026-05-04');
  await libraryProject('2026-05-24');
  // Another industry chain, landed on day 10: the filter must leave it out.
  await landed('2026-01-05', '2026-01-15', '生物医药');
  // Entered the library after asOf: not in that cohort.
  await libraryProject('2026-07-01');
}, 120_000);
afterAll(async () => {
  await api.stop();
});

describe('GET /api/forecast/landing', () => {
  it('gives the landing rate with its Wilson interval, the Aalen–Johansen curve and the projection', async () => {
    const reply = await forecast('asOf=2026-06-03&horizonDays=365&industryChain=高端装备');

    expect(reply.status).toBe(200);
    const body = reply.body;
    expect(body).toMatchObject({ asOf: '2026-06-03', n: 6, inLibrary: 6, landed: 3, withdrawn: 1, open: 2 });
    expect(body.landingRate.value).toBeCloseTo(0.5, 10);
    expect(body.landingRate.low95).toBeCloseTo(0.1876, 4);
    expect(body.landingRate.high95).toBeCloseTo(0.8124, 4);

    const point = (day: number) => body.curve.find((p: { day: number }) => p.day === day);
    expect(point(30)).toMatchObject({ atRisk: 5 });
    expect(point(30).landed).toBeCloseTo(1 / 5, 10);
    expect(point(60)).toMatchObject({ atRisk: 3 });
    expect(point(60).landed).toBeCloseTo(7 / 15, 10);
    expect(point(90)).toMatchObject({ atRisk: 1 });
    expect(point(90).landed).toBeCloseTo(11 / 15, 10);

    expect(body.projection.horizonDays).toBe(365);
    expect(body.projection.expectedLanded).toBeCloseTo(4.4, 10);
    expect(body.projection.expectedLandingRate).toBeCloseTo(4.4 / 6, 10);
    expect(body.projection).toMatchObject({ low95: 3, high95: 5, low80: 4, high80: 5 });
    expect(body.method).toMatchObject({ curve: 'aalen-johansen', interval: 'wilson' });
    expect(body.warnings.map((w: { code: string }) => w.code)).toContain('SMALL_SAMPLE');
  });

  it('counts only what was known on asOf', async () => {
    const reply = await forecast('asOf=2026-03-01&industryChain=高端装备');

    // A landed (day 30); B, C, D still open; E and F not yet in the library.
    expect(reply.body).toMatchObject({ asOf: '2026-03-01', inLibrary: 4, landed: 1, withdrawn: 0, open: 3 });
    expect(reply.body.projection.horizonDays).toBe(365);
  });

  it('narrows the cohort with the dashboard filters', async () => {
    const all = await forecast('asOf=2026-06-03');
    const other = await forecast('asOf=2026-06-03&industryChain=生物医药');

    expect(all.body).toMatchObject({ inLibrary: 7, landed: 4 });
    expect(other.body).toMatchObject({ inLibrary: 1, landed: 1, open: 0 });
  });

  it('refuses a future asOf and a bad horizon, naming the field', async () => {
    const future = await forecast('asOf=2999-01-01');
    const horizon = await forecast('horizonDays=0');

    expect(future.status).toBe(400);
    expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
    expect(horizon.status).toBe(400);
    expect(horizon.body.errors.map((e: { field: string }) => e.field)).toEqual(['horizonDays']);
  });

  it('is for leaders, the task force and admins, not departments', async () => {
    const reply = await get(api, '/api/forecast/landing', world.industry);
    expect(reply.status).toBe(403);
  });
});
