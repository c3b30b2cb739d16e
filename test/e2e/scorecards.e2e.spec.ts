import { RunningApi, startApi } from '../support/start-api';
import {
  approvingReview,
  createWorld,
  fieldsOf,
  get,
  post,
  Reply,
  send,
  validSubmission,
  World,
} from './projects.helpers';

/**
 * Department scorecards on a small cohort, every figure worked out by hand. Period November 2026.
 *
 * A (lead industry, from 1 Oct): a1 industry due 10 Nov done 8 Nov (on time); a2 resources due
 * 20 Nov done 25 Nov (5 days late); a3 industry due 15 Nov never done (15 days overdue on 30
 * Nov); a4 due 15 Dec (outside). Need "land" resolved 5 Nov (answerable from 1 Oct: 35 days),
 * "financing" open.
 * B (lead commerce): b1 commerce due 5 Nov done 5 Nov; b2 industry due 25 Nov done 24 Nov; need
 * "land" resolved 20 Nov (50 days); landed 28 Nov, so its open need is nobody's due any more.
 *
 * industry: due 3, on time 2, overdue 1: 2/3 (Wilson 95% [0.2077, 0.9385]); median days late 15;
 *   needs 1 resolved, 1 open (0.5); leads A, not landed (0): score 50·2/3 + 30·0.5 + 20·0 = 48.33.
 * commerce: 1/1, needs 1/1, led 1 landed 1: score 100.  resources: 0/1 late 5, no needs, leads
 *   none: score 0 (only the on-time component has data).
 */
const FROM = '2026-11-01';
const TO = '2026-11-30';
const cst = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;

describe('department scorecards', () => {
  let api: RunningApi;
  let world: World;
  let beforeProgress: string;
  let lastPosition = 0;

  const ok = (reply: Reply): Reply => {
    if (reply.status >= 300) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
    lastPosition = Math.max(lastPosition, reply.body.position ?? 0);
    return reply;
  };
  const scorecards = async (query = '') => {
    const reply = await get(
      api,
      `/api/scorecards/departments?from=${FROM}&to=${TO}&minPosition=${lastPosition}${query}`,
      world.leader,
    );
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const byCode = (body: { departments: { department: string }[] }) =>
    Object.fromEntries(body.departments.map((d) => [d.department, d])) as Record<string, any>;

  async function project(lead: string, milestones: { title: string; dueOn: string; departmentCode: string }[]) {
    const { taskforce } = world;
    const id = ok(
      await post(
        api,
        '/api/projects',
        taskforce,
        validSubmission(world.enterpriseId, { occurredAt: cst('2026-09-01') }),
      ),
    ).body.id;
    ok(
      await post(api, `/api/projects/${id}/reviews`, world.reviewer, {
        ...approvingReview,
        occurredAt: cst('2026-09-05'),
      }),
    );
    ok(
      await post(api, `/api/projects/${id}/presentations`, taskforce, { conferenceId, occurredAt: cst('2026-09-10') }),
    );
    const supporting = lead === 'industry' ? 'resources' : 'industry';
    ok(
      await post(api, `/api/projects/${id}/assignments`, taskforce, {
        leadDepartment: lead,
        supportingDepartments: [supporting],
        milestones: milestones.map((m) => ({ ...m, owner: '王伟' })),
        occurredAt: cst('2026-10-01'),
      }),
    );
    const state = (await get(api, `/api/projects/${id}`, taskforce)).body;
    const milestoneIds = Object.fromEntries(
      state.plan.milestones.map((m: { title: string; milestoneId: string }) => [m.title, m.milestoneId]),
    );
    const needIds = Object.fromEntries(state.needs.map((n: { kind: string; needId: string }) => [n.kind, n.needId]));
    return { id, milestoneIds, needIds };
  }
  const done = (id: string, milestoneId: string, date: string) =>
    post(api, `/api/projects/${id}/progress`, world.taskforce, {
      milestoneId,
      note: '已完成',
      done: true,
      occurredAt: cst(date),
    });
  const resolve = (id: string, needId: string, date: string) =>
    post(api, `/api/projects/${id}/needs/${needId}/resolution`, world.taskforce, {
      resolution: '已解决',
      occurredAt: cst(date),
    });
  let conferenceId: string;

  beforeAll(async () => {
    api = await startApi();
    world = await createWorld(api);
    conferenceId = ok(
      await post(api, '/api/conferences', world.taskforce, { title: '秋季创意会', heldOn: '2026-09-10' }),
    ).body.id;
    const a = await project('industry', [
      { title: 'a1', dueOn: '2026-11-10', departmentCode: 'industry' },
      { title: 'a2', dueOn: '2026-11-20', departmentCode: 'resources' },
      { title: 'a3', dueOn: '2026-11-15', departmentCode: 'industry' },
      { title: 'a4', dueOn: '2026-12-15', departmentCode: 'industry' },
    ]);
    const b = await project('commerce', [
      { title: 'b1', dueOn: '2026-11-05', departmentCode: 'commerce' },
      { title: 'b2', dueOn: '2026-11-25', departmentCode: 'industry' },
    ]);
    await new Promise((resolveLater) => setTimeout(resolveLater, 20));
    beforeProgress = new Date().toISOString();
    await new Promise((resolveLater) => setTimeout(resolveLater, 20));
    ok(await resolve(a.id, a.needIds.land, '2026-11-05'));
    ok(await done(a.id, a.milestoneIds.a1, '2026-11-08'));
    ok(await done(a.id, a.milestoneIds.a2, '2026-11-25'));
    ok(await done(b.id, b.milestoneIds.b1, '2026-11-05'));
    ok(await resolve(b.id, b.needIds.land, '2026-11-20'));
    ok(await done(b.id, b.milestoneIds.b2, '2026-11-24'));
    ok(
      await post(api, `/api/projects/${b.id}/landing`, world.taskforce, {
        landedOn: '2026-11-28',
        confirmOpenItems: true,
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('counts, rates, scores and ranks each department as worked out by hand', async () => {
    const body = await scorecards();
    expect(body).toMatchObject({ from: FROM, to: TO, evaluatedOn: TO, knownAt: null });
    expect(body.weights).toEqual({ onTime: 50, needs: 30, landing: 20, acknowledgement: 0, satisfaction: 0 });
    expect(body.departments.map((d: { department: string; rank: number }) => [d.department, d.rank])).toEqual([
      ['commerce', 1],
      ['industry', 2],
      ['resources', 3],
    ]);
    const { industry, commerce, resources } = byCode(body);
    expect(industry.milestones).toEqual({
      due: 3,
      completedOnTime: 2,
      completedLate: 0,
      overdue: 1,
      open: 0,
      onTimeRate: { value: 2 / 3, low95: expect.closeTo(0.2077, 4), high95: expect.closeTo(0.9385, 4), n: 3 },
      medianDaysLate: 15,
    });
    expect(industry.needs).toEqual({ resolved: 1, open: 1, medianDaysToResolve: 35 });
    expect(industry.projects).toEqual({ led: 1, landed: 0 });
    expect(industry.score).toBeCloseTo(48.3333, 3);
    expect(industry.warnings.map((w: { code: string }) => w.code)).toEqual(['SMALL_SAMPLE']);
    // No notice and no 回访 in this cohort (counted by hand in libs/forecast/src/scorecard.spec.ts).
    expect(industry.notices).toEqual({ received: 0, acknowledged: 0, medianHoursToAcknowledge: null });
    expect(industry.satisfaction).toBeNull();
    expect(industry.followUps).toBe(0);

    expect(commerce.milestones).toMatchObject({ due: 1, completedOnTime: 1, overdue: 0 });
    expect(commerce.needs).toEqual({ resolved: 1, open: 0, medianDaysToResolve: 50 });
    expect(commerce.projects).toEqual({ led: 1, landed: 1 });
    expect(commerce.score).toBeCloseTo(100, 6);

    expect(resources.milestones).toMatchObject({ due: 1, completedLate: 1, medianDaysLate: 5 });
    expect(resources.components).toEqual({
      onTime: 0,
      needs: null,
      landing: null,
      acknowledgement: null,
      satisfaction: null,
    });
    expect(resources.score).toBe(0);
  });

  it('as known before any progress was recorded: every milestone overdue, no need resolved, nothing landed', async () => {
    const body = await scorecards(`&knownAt=${encodeURIComponent(beforeProgress)}`);
    expect(body.knownAt).toBe(beforeProgress);
    const { industry, commerce, resources } = byCode(body);
    expect(industry.milestones).toMatchObject({ due: 3, completedOnTime: 0, overdue: 3, medianDaysLate: 15 }); // 20, 15, 5
    expect(commerce.milestones).toMatchObject({ overdue: 1, medianDaysLate: 25 });
    expect(resources.milestones).toMatchObject({ overdue: 1, medianDaysLate: 10 });
    expect(industry.needs).toEqual({ resolved: 0, open: 2, medianDaysToResolve: null });
    expect(commerce.projects).toEqual({ led: 1, landed: 0 });
  });

  it('drills down from a figure to the items behind it', async () => {
    const reply = await get(
      api,
      `/api/scorecards/departments/industry/items?from=${FROM}&to=${TO}&minPosition=${lastPosition}`,
      world.industry,
    );
    expect(reply.status).toBe(200);
    expect(
      reply.body.milestones
        .map((m: { title: string; outcome: string; daysLate: number }) => [m.title, m.outcome, m.daysLate])
        .sort(),
    ).toEqual([
      ['a1', 'onTime', 0],
      ['a3', 'overdue', 15],
      ['b2', 'onTime', 0],
    ]);
    expect(reply.body.resolvedNeeds).toMatchObject([
      { kind: 'land', since: '2026-10-01', resolvedOn: '2026-11-05', daysToResolve: 35 },
    ]);
    expect(reply.body.openNeeds).toMatchObject([{ kind: 'financing' }]);
    // Another department's items are not a department user's to see.
    const other = await get(api, `/api/scorecards/departments/commerce/items?from=${FROM}&to=${TO}`, world.industry);
    expect(other.status).toBe(403);
  });

  it('scores with the weights an admin sets, and publishes them', async () => {
    const weights = { onTime: 100, needs: 0, landing: 0, acknowledgement: 0, satisfaction: 0 };
    const put = await send(api, 'PUT', '/api/settings/scorecard-weights', world.admin, { weights });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ weights, updatedBy: 'admin' });
    const body = await scorecards();
    expect(body.weights).toEqual(weights);
    const { industry, commerce, resources } = byCode(body);
    expect(industry.score).toBeCloseTo(66.6667, 3);
    expect(commerce.score).toBeCloseTo(100, 6);
    expect(resources.score).toBe(0);
    expect((await get(api, '/api/settings/scorecard-weights', world.leader)).body.weights).toEqual(weights);
  });

  it('refuses bad weights naming the field, and anyone but an admin', async () => {
    const path = '/api/settings/scorecard-weights';
    const before = (await get(api, path, world.admin)).body;
    const sum90 = await send(api, 'PUT', path, world.admin, {
      weights: { onTime: 50, needs: 20, landing: 20, acknowledgement: 0, satisfaction: 0 },
    });
    expect(sum90.status).toBe(400);
    expect(sum90.body.code).toBe('SCORECARD_WEIGHTS_NOT_100');
    expect(fieldsOf(sum90)).toEqual(['weights']);
    const tooBig = await send(api, 'PUT', path, world.admin, {
      weights: { onTime: 101, needs: 0, landing: 0, acknowledgement: 0, satisfaction: -1 },
    });
    expect(tooBig.status).toBe(400);
    expect(fieldsOf(tooBig).sort()).toEqual(['weights.onTime', 'weights.satisfaction']);
    const missing = await send(api, 'PUT', path, world.admin, { weights: { onTime: 100 } });
    expect([...new Set(fieldsOf(missing))].sort()).toEqual([
      'weights.acknowledgement',
      'weights.landing',
      'weights.needs',
      'weights.satisfaction',
    ]);
    expect((await send(api, 'PUT', path, world.taskforce, { weights: before.weights })).status).toBe(403);
    expect((await get(api, path, world.admin)).body).toEqual(before);
  });

  it('refuses a malformed or reversed period, naming the field', async () => {
    const missing = await get(api, `/api/scorecards/departments?to=${TO}`, world.leader);
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing)).toEqual(['from']);
    const bad = await get(api, `/api/scorecards/departments?from=2026-02-30&to=${TO}`, world.leader);
    expect(fieldsOf(bad)).toEqual(['from']);
    const reversed = await get(api, `/api/scorecards/departments?from=${TO}&to=${FROM}`, world.leader);
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('PERIOD_REVERSED');
    expect(fieldsOf(reversed)).toEqual(['to']);
    const future = await get(
      api,
      `/api/scorecards/departments?from=${FROM}&to=${TO}&knownAt=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`,
      world.leader,
    );
    expect(future.body.code).toBe('KNOWN_AT_IN_FUTURE');
  });
});
