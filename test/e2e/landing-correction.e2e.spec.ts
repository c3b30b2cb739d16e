import { endOfBusinessDay, projectStream } from '@luodi/domain';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { HistoryEvent, insertHistory } from '../../libs/read-models/src/testing/generate-history';
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

/**
 * Landing corrections are events. Two library projects are written with past record times (so
 * a knownAt of yesterday knew them): A landed 10 days ago, B is open. Corrections made today
 * move the asOf figures and every read model, and leave what was known yesterday as it was.
 */
let api: RunningApi;
let world: World;
let pool: Pool;
let events: EventsTable;
let lastPosition = 0;
const A = randomUUID();
const B = randomUUID();
const endOfYesterday = endOfBusinessDay(dateDaysAgo(1));

function library(id: string, landedDaysAgo?: number): HistoryEvent[] {
  const streamId = projectStream(id);
  const at = (days: number) => daysAgo(days);
  const history: Array<[string, Record<string, unknown>]> = [
    [
      'ProjectSubmitted',
      {
        projectId: id,
        enterpriseId: world.enterpriseId,
        enterpriseName: '青岛海智装备有限公司',
        title: id === A ? '海上风电运维平台' : '智能网联测试场',
        industryChain: '高端装备',
        investmentYuan: 100_000_000,
        needs: [],
        occurredAt: at(60),
      },
    ],
    [
      'ProjectReviewed',
      {
        reviewId: randomUUID(),
        reviewer: { userId: 'u', username: 'expert' },
        verdict: 'approved',
        scores: { idea: 90, validation: 80, feasibility: 80 },
        occurredAt: at(50),
      },
    ],
    [
      'ProjectPresented',
      {
        conferenceId: world.conferenceId,
        conferenceTitle: '第三届民营经济创意会',
        heldOn: dateDaysAgo(30),
        occurredAt: at(30),
      },
    ],
    [
      'LandingPlanAssigned',
      {
        planId: randomUUID(),
        leadDepartment: 'industry',
        supportingDepartments: [],
        milestones: [
          {
            milestoneId: randomUUID(),
            title: '签约',
            dueOn: dateDaysAgo(-30),
            departmentCode: 'industry',
            owner: '王伟',
          },
        ],
        occurredAt: at(20),
      },
    ],
  ];
  if (landedDaysAgo !== undefined) {
    const landedOn = dateDaysAgo(landedDaysAgo);
    history.push(['ProjectLanded', { landedOn, occurredAt: endOfBusinessDay(landedOn) }]);
  }
  return history.map(([type, data]) => ({
    streamId,
    type,
    data: data as HistoryEvent['data'],
    recordedAt: String(data.occurredAt),
  }));
}

const read = async (path: string) => {
  const reply = await get(api, `${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, world.leader);
  expect({ path, status: reply.status }).toEqual({ path, status: 200 });
  return reply.body;
};
const correct = async (id: string, body: Record<string, unknown>) => {
  const reply = await post(api, `/api/projects/${id}/landing-correction`, world.taskforce, body);
  expect(reply.status).toBe(200);
  lastPosition = reply.body.position;
  return reply;
};
/** The figures the test follows, for a business date and optionally a record-time cut. */
const figures = async (asOf: string, knownAt?: string) => {
  const query = `asOf=${asOf}${knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : ''}`;
  const [summary, rates, forecast] = await Promise.all([
    read(`/api/dashboard/summary?${query}`),
    read(`/api/dashboard/landing-rate?groupBy=conference&${query}`),
    read(`/api/forecast/landing?${query}`),
  ]);
  return { summary, rates, forecast };
};

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  pool = new Pool({ connectionString: api.databaseUrl, max: 2 });
  events = new EventsTable(api.databaseUrl);
  lastPosition = await insertHistory(pool, [...library(A, 10), ...library(B)]);
}, 60_000);
afterAll(async () => {
  await events.close();
  await pool.end();
  await api.stop();
});

describe('POST /api/projects/:id/landing-correction', () => {
  it('a corrected date moves the asOf landing rate; knownAt of yesterday stays as it was', async () => {
    const sixDaysAgo = dateDaysAgo(6);
    const before = await figures(sixDaysAgo);
    expect(before.summary).toMatchObject({ inLibrary: 2, landed: 1, landingRate: 0.5 });
    const knownBefore = await figures(sixDaysAgo, endOfYesterday);
    expect(knownBefore).toEqual(before);

    // It really landed 3 days ago: six days ago it had not.
    await correct(A, { reason: '原登记日期为签约日，实际投产日为三天前', landedOn: dateDaysAgo(3) });
    const after = await figures(sixDaysAgo);
    expect(after.summary).toMatchObject({ inLibrary: 2, landed: 0, landingRate: 0 });
    expect(after.rates[0]).toMatchObject({ inLibrary: 2, landed: 0 });
    expect(after.forecast.landed).toBe(0);
    expect(await figures(sixDaysAgo, endOfYesterday)).toEqual(knownBefore);
    // Today it has landed either way, on the corrected date.
    expect((await figures(dateDaysAgo(0))).summary.landed).toBe(1);

    const project = (await get(api, `/api/projects/${A}`, world.taskforce)).body;
    expect(project).toMatchObject({ status: 'landed', landedOn: dateDaysAgo(3) });
    const list = await read(`/api/projects?q=${encodeURIComponent('海上风电')}`);
    expect(list.items[0]).toMatchObject({ id: A, status: 'landed', landedOn: dateDaysAgo(3) });
    const dossier = await read(`/api/enterprises/${world.enterpriseId}/dossier`);
    expect(dossier.projects.find((p: { id: string }) => p.id === A).landing).toMatchObject({
      landedOn: dateDaysAgo(3),
    });
  });

  it('revoke: true takes the landing back everywhere (list, dossier, inbox, dashboards); yesterday’s view keeps it', async () => {
    const today = dateDaysAgo(0);
    const knownYesterday = await figures(today, endOfYesterday);
    expect(knownYesterday.summary.landed).toBe(1);

    await correct(A, { reason: '企业尚未投产，撤销落地', revoke: true });
    const now = await figures(today);
    expect(now.summary).toMatchObject({ landed: 0, inLibrary: 2 });
    expect(now.summary.byStatus).toMatchObject({ landed: 0, assigned: 2 });
    expect(await figures(today, endOfYesterday)).toEqual(knownYesterday);

    expect((await get(api, `/api/projects/${A}`, world.taskforce)).body).toMatchObject({
      status: 'assigned',
      landedOn: null,
    });
    const list = await read(`/api/projects?q=${encodeURIComponent('海上风电')}`);
    expect(list.items[0]).toMatchObject({ status: 'assigned', landedOn: null });
    const dossier = await read(`/api/enterprises/${world.enterpriseId}/dossier`);
    expect(dossier.projects.find((p: { id: string }) => p.id === A).landing).toBeNull();
    const inbox = (await get(api, `/api/departments/industry/assignments?minPosition=${lastPosition}`, world.industry))
      .body;
    expect(inbox.items.map((i: { projectId: string }) => i.projectId)).toContain(A);

    // The history keeps the landing and both corrections, in order, with who made them.
    const history = (await get(api, `/api/projects/${A}/history`, world.taskforce)).body;
    expect(history.events.map((e: { type: string }) => e.type).slice(-3)).toEqual([
      'ProjectLanded',
      'LandingCorrected',
      'LandingRevoked',
    ]);
    expect(history.events.at(-1)).toMatchObject({
      actor: { username: world.taskforce.username },
      data: { reason: '企业尚未投产，撤销落地', previousLandedOn: dateDaysAgo(3) },
    });

    // Landing again is a new landing; the project counts as landed today.
    const relanded = await post(api, `/api/projects/${A}/landing`, world.taskforce, {
      landedOn: today,
      confirmOpenItems: true,
    });
    expect(relanded.status).toBe(200);
    lastPosition = relanded.body.position;
    expect((await figures(today)).summary.landed).toBe(1);
    expect(await figures(today, endOfYesterday)).toEqual(knownYesterday);
  });

  it('refuses a correction of a project that never landed, and bad bodies, writing nothing', async () => {
    await expectRefused(
      events,
      () => post(api, `/api/projects/${B}/landing-correction`, world.taskforce, { reason: '误报', revoke: true }),
      409,
      'PROJECT_NOT_LANDED',
    );
    const landed = await projectAt(world, 'assigned');
    const landing = await post(api, `/api/projects/${landed.id}/landing`, world.taskforce, {
      landedOn: dateDaysAgo(2),
      confirmOpenItems: true,
    });
    expect(landing.status).toBe(200);
    const at = `/api/projects/${landed.id}/landing-correction`;
    for (const body of [{ reason: '误报' }, { reason: '误报', landedOn: dateDaysAgo(3), revoke: true }]) {
      const reply = await expectRefused(
        events,
        () => post(api, at, world.taskforce, body),
        400,
        'CORRECTION_NEEDS_ONE_CHANGE',
      );
      expect(fieldsOf(reply)).toEqual(['landedOn']);
    }
    const noReason = await expectRefused(events, () => post(api, at, world.taskforce, { revoke: true }), 400);
    expect(new Set(fieldsOf(noReason))).toEqual(new Set(['reason']));
    const falseRevoke = await expectRefused(
      events,
      () => post(api, at, world.taskforce, { reason: '误报', revoke: false }),
      400,
    );
    expect(fieldsOf(falseRevoke)).toEqual(['revoke']);
    await expectRefused(
      events,
      () => post(api, at, world.taskforce, { reason: '误报', landedOn: dateDaysAgo(2) }),
      409,
      'LANDING_UNCHANGED',
    );
    await expectRefused(
      events,
      () => post(api, at, world.taskforce, { reason: '误报', landedOn: dateDaysAgo(-1) }),
      400,
      'LANDED_ON_IN_FUTURE',
    );
    // The plan was assigned 20 days ago.
    await expectRefused(
      events,
      () => post(api, at, world.taskforce, { reason: '误报', landedOn: dateDaysAgo(25) }),
      409,
      'LANDED_ON_BEFORE_PREVIOUS_EVENT',
    );
    for (const user of [world.leader, world.industry, world.reviewer])
      await expectRefused(events, () => post(api, at, user, { reason: '误报', revoke: true }), 403);
    const byAdmin = await post(api, at, world.admin, { reason: '误报', revoke: true });
    expect(byAdmin.status).toBe(200);
  });
});
