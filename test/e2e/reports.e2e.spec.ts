import { businessDate } from '@luodi/domain';
import { RunningApi, startApi } from '../support/start-api';
import { dataRows, downloadWorkbook } from './excel.helpers';
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
 * Reports (通报) for October 2026 on a small cohort. A (lead industry): a1 due 10 Oct done 8 Oct,
 * a2 (resources) due 20 Oct never done: 11 days overdue on 31 Oct. B (lead commerce): b1 due 15
 * Oct done 15 Oct; B landed 25 Oct. A report freezes the figures of 31 October as known at its
 * publication: a changed weight, a landing reported later with an October date, and a rebuild of
 * every read model change nothing in it, while the live figures with the same asOf and knownAt
 * give the report's figures again.
 */
const PERIOD = '2026-10';
const END = '2026-10-31';
const cst = (date: string) => `${date}T10:00:00+08:00`;

describe('reports (通报)', () => {
  let api: RunningApi;
  let world: World;
  let conferenceId: string;
  let lastPosition = 0;
  let projectA: string;
  let report: any;

  const ok = (reply: Reply): Reply => {
    if (reply.status >= 300) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
    lastPosition = Math.max(lastPosition, reply.body.position ?? 0);
    return reply;
  };
  const read = async (path: string) => {
    const reply = await get(api, `${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, world.leader);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  /** The live figures for the period's end, as known at `knownAt` (none: as known now). */
  const live = async (knownAt?: string) => {
    const k = knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : '';
    return {
      summary: await read(`/api/dashboard/summary?asOf=${END}${k}`),
      landingRates: Object.fromEntries(
        await Promise.all(
          ['conference', 'industryChain', 'department', 'district'].map(async (g) => [
            g,
            await read(`/api/dashboard/landing-rate?groupBy=${g}&asOf=${END}${k}`),
          ]),
        ),
      ),
      scorecards: await read(`/api/scorecards/departments?from=2026-10-01&to=${END}${k}`),
      forecast: await read(`/api/forecast/landing?asOf=${END}&horizonDays=365${k}`),
    };
  };
  const withoutOverdue = ({ overdue: _overdue, ...rest }: any) => rest;

  async function project(lead: string, milestones: { title: string; dueOn: string; departmentCode: string }[]) {
    const { taskforce } = world;
    const id = ok(
      await post(
        api,
        '/api/projects',
        taskforce,
        validSubmission(world.enterpriseId, { occurredAt: cst('2026-08-01') }),
      ),
    ).body.id;
    ok(
      await post(api, `/api/projects/${id}/reviews`, world.reviewer, {
        ...approvingReview,
        occurredAt: cst('2026-08-05'),
      }),
    );
    ok(
      await post(api, `/api/projects/${id}/presentations`, taskforce, { conferenceId, occurredAt: cst('2026-08-10') }),
    );
    ok(
      await post(api, `/api/projects/${id}/assignments`, taskforce, {
        leadDepartment: lead,
        supportingDepartments: [lead === 'industry' ? 'resources' : 'industry'],
        milestones: milestones.map((m) => ({ ...m, owner: '王伟' })),
        occurredAt: cst('2026-09-01'),
      }),
    );
    const state = (await get(api, `/api/projects/${id}`, taskforce)).body;
    const ids = Object.fromEntries(
      state.plan.milestones.map((m: { title: string; milestoneId: string }) => [m.title, m.milestoneId]),
    );
    return { id, ids };
  }
  const done = (id: string, milestoneId: string, date: string) =>
    post(api, `/api/projects/${id}/progress`, world.taskforce, {
      milestoneId,
      note: '完成',
      done: true,
      occurredAt: cst(date),
    });

  beforeAll(async () => {
    api = await startApi();
    world = await createWorld(api);
    conferenceId = ok(
      await post(api, '/api/conferences', world.taskforce, { title: '夏季创意会', heldOn: '2026-08-10' }),
    ).body.id;
    const a = await project('industry', [
      { title: 'a1', dueOn: '2026-10-10', departmentCode: 'industry' },
      { title: 'a2', dueOn: '2026-10-20', departmentCode: 'resources' },
    ]);
    projectA = a.id;
    const b = await project('commerce', [{ title: 'b1', dueOn: '2026-10-15', departmentCode: 'commerce' }]);
    ok(await done(a.id, a.ids.a1, '2026-10-08'));
    ok(await done(b.id, b.ids.b1, '2026-10-15'));
    ok(
      await post(api, `/api/projects/${b.id}/landing`, world.taskforce, {
        landedOn: '2026-10-25',
        confirmOpenItems: true,
      }),
    );
    await read('/api/dashboard/summary'); // the projector has everything before publishing
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('publishes the figures of the period’s end as known at publication (taskforce)', async () => {
    const before = Date.now();
    const published = await post(api, '/api/reports', world.taskforce, { kind: 'monthly', period: PERIOD });
    expect(published.status).toBe(201);
    report = published.body;
    expect(report).toMatchObject({
      kind: 'monthly',
      period: PERIOD,
      periodStart: '2026-10-01',
      periodEnd: END,
      asOf: END,
      publishedBy: world.taskforce.username,
    });
    expect(Date.parse(report.knownAt)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(report.knownAt)).toBeLessThanOrEqual(Date.now());
    const { summary, scorecards, overdue, forecast } = report.figures;
    expect(summary).toMatchObject({ asOf: END, inLibrary: 2, landed: 1, landingRate: 0.5 });
    expect(scorecards).toMatchObject({ from: '2026-10-01', to: END, evaluatedOn: END, knownAt: report.knownAt });
    expect(scorecards.departments.map((d: { department: string }) => d.department)).toEqual([
      'commerce',
      'industry',
      'resources',
    ]);
    expect(overdue).toMatchObject([
      { department: 'resources', title: 'a2', dueOn: '2026-10-20', daysLate: 11, projectId: projectA },
    ]);
    expect(forecast).toMatchObject({ asOf: END, inLibrary: 2, landed: 1 });
    expect(await get(api, `/api/reports/${report.id}`, world.leader)).toMatchObject({ status: 200, body: report });
  });

  it('regenerating the period with the same knownAt gives the same figures', async () => {
    expect(await live(report.knownAt)).toEqual(withoutOverdue(report.figures));
  });

  it('stays the same after a changed weight and a landing reported later with an October date', async () => {
    const weights = { onTime: 100, needs: 0, landing: 0, acknowledgement: 0, satisfaction: 0 };
    expect((await send(api, 'PUT', '/api/settings/scorecard-weights', world.admin, { weights })).status).toBe(200);
    ok(
      await post(api, `/api/projects/${projectA}/landing`, world.taskforce, {
        landedOn: '2026-10-28',
        confirmOpenItems: true,
      }),
    );

    const now = await live();
    expect(now.summary.landed).toBe(2); // what we know today about 31 October
    expect((await get(api, `/api/reports/${report.id}`, world.leader)).body).toEqual(report);
    const again = await live(report.knownAt);
    expect(again.summary).toEqual(report.figures.summary);
    expect(again.landingRates).toEqual(report.figures.landingRates);
    expect(again.forecast).toEqual(report.figures.forecast);
  });

  it('stays the same after every read model is rebuilt', async () => {
    expect((await post(api, '/api/admin/rebuild', world.admin, {})).status).toBe(202);
    let progress;
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = (await get(api, '/api/admin/rebuild', world.admin)).body;
    } while (progress.status === 'running');
    expect(progress.status).toBe('succeeded');
    expect((await get(api, `/api/reports/${report.id}`, world.leader)).body).toEqual(report);
    expect((await live(report.knownAt)).summary).toEqual(report.figures.summary);
  });

  it('publishes the period again as a new report that knows the late landing; lists newest first', async () => {
    const second = await post(api, '/api/reports', world.admin, { kind: 'monthly', period: PERIOD });
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(report.id);
    expect(second.body.figures.summary.landed).toBe(2);
    expect(second.body.figures.overdue).toEqual([]); // a2's project has landed since
    const list = await get(api, '/api/reports?pageSize=1', world.industry);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(list.body.items).toEqual([
      {
        id: second.body.id,
        kind: 'monthly',
        period: PERIOD,
        periodStart: '2026-10-01',
        periodEnd: END,
        asOf: END,
        knownAt: second.body.knownAt,
        publishedBy: 'admin',
      },
    ]);
    expect((await get(api, '/api/reports?page=2&pageSize=1', world.leader)).body.items[0].id).toBe(report.id);
  });

  it('exports the frozen report to Excel: a title naming asOf and knownAt, a frozen header, the figures', async () => {
    const { status, contentType, workbook } = await downloadWorkbook(
      api,
      `/api/reports/${report.id}/export.xlsx`,
      world.leader,
    );
    expect(status).toBe(200);
    expect(contentType).toMatch(/spreadsheetml/);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '部门排名',
      '逾期事项',
      '按创意会',
      '按产业链',
      '按牵头部门',
      '按区(市)',
      '落地预测',
    ]);
    const beijing = new Date(Date.parse(report.knownAt) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    for (const sheet of workbook.worksheets) {
      const title = String(sheet.getRow(1).getCell(1).value);
      expect(title).toContain(`截至 ${END}`);
      expect(title).toContain(`数据记录截至 ${beijing} (北京时间)`);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    }
    const summary = Object.fromEntries(dataRows(workbook.getWorksheet('汇总')!).map(([k, v]) => [k, v]));
    expect(summary).toMatchObject({
      '截至日期 asOf': END,
      '数据记录截至 knownAt': report.knownAt,
      '入库项目（个）': 2,
      '已落地（个）': 1,
      落地率: 0.5,
      '逾期节点（个）': 1,
    });
    const ranking = dataRows(workbook.getWorksheet('部门排名')!);
    expect(ranking.map((r) => [r[0], r[3], r[4], r[6]])).toEqual(
      report.figures.scorecards.departments.map((d: any) => [
        d.rank,
        d.milestones.due,
        d.milestones.completedOnTime,
        d.milestones.overdue,
      ]),
    );
    expect(dataRows(workbook.getWorksheet('逾期事项')!)).toEqual([
      [1, 'resources', validSubmission('').title, 'a2', '2026-10-20', 11],
    ]);
    // The export of a report is the report: a later landing changed nothing in it.
    expect(dataRows(workbook.getWorksheet('按牵头部门')!)).toEqual(
      report.figures.landingRates.department.map((r: any) => [r.label, r.inLibrary, r.landed, r.landingRate]),
    );
    const missing = await downloadWorkbook(
      api,
      '/api/reports/00000000-0000-4000-8000-000000000000/export.xlsx',
      world.leader,
    );
    expect(missing.status).toBe(404);
    expect((await downloadWorkbook(api, `/api/reports/${report.id}/export.xlsx`, world.reviewer)).status).toBe(403);
  });

  it('refuses a malformed or unfinished period naming the field, writes nothing, and only for taskforce and admin', async () => {
    const count = async () => (await get(api, '/api/reports', world.admin)).body.total;
    const before = await count();
    const thisMonth = businessDate(new Date().toISOString()).slice(0, 7);
    const cases: Array<[unknown, string, string]> = [
      [{ kind: 'monthly', period: '2026-13' }, 'REPORT_PERIOD_INVALID', 'period'],
      [{ kind: 'quarterly', period: PERIOD }, 'REPORT_PERIOD_INVALID', 'period'],
      [{ kind: 'monthly', period: thisMonth }, 'REPORT_PERIOD_NOT_ENDED', 'period'],
      [{ kind: 'weekly', period: PERIOD }, 'INVALID_INPUT', 'kind'],
      [{ kind: 'monthly' }, 'INVALID_INPUT', 'period'],
    ];
    for (const [body, code, field] of cases) {
      const reply = await post(api, '/api/reports', world.taskforce, body);
      expect({ body, status: reply.status, code: reply.body.code, fields: fieldsOf(reply) }).toEqual({
        body,
        status: 400,
        code,
        fields: [field],
      });
    }
    expect((await post(api, '/api/reports', world.leader, { kind: 'monthly', period: PERIOD })).status).toBe(403);
    expect((await post(api, '/api/reports', world.reviewer, { kind: 'monthly', period: PERIOD })).status).toBe(403);
    expect(await count()).toBe(before);
    const missing = await get(api, '/api/reports/00000000-0000-4000-8000-000000000000', world.leader);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'REPORT_NOT_FOUND' });
    expect((await get(api, '/api/reports/not-an-id', world.leader)).status).toBe(404);
  });
});
