import { businessDate } from '@luodi/domain';
import { ValueType } from 'exceljs';
import { DataSource } from 'typeorm';
import { ProjectLedgerExport } from '../../apps/api/src/exports/project-ledger.export';
import { RunningApi, startApi } from '../support/start-api';
import { creditCode, dataRows, downloadWorkbook, Json } from './excel.helpers';
import {
  approvingReview,
  createWorld,
  daysAgo,
  dateDaysAgo,
  get,
  plan,
  post,
  Reply,
  validSubmission,
  World,
} from './projects.helpers';

/**
 * The Excel exports, parsed back with exceljs: every value is the value the JSON routes give,
 * amounts in 万元, dates as dates, the title row names what and as of when, the header is
 * frozen, and texts that look like formulas stay texts.
 */
describe('Excel exports', () => {
  let api: RunningApi;
  let world: World;
  let position = 0;
  let enterpriseId = '';
  const INJECTIONS = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", '@SUM(1+1)*cmd', '-2+3'];
  const ok = (reply: Reply): Reply => {
    if (reply.status >= 300) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
    position = Math.max(position, reply.body.position ?? 0);
    return reply;
  };
  const command = async (id: string, action: string, body: object, user = world.taskforce) =>
    ok(await post(api, `/api/projects/${id}/${action}`, user, body));

  beforeAll(async () => {
    api = await startApi();
    world = await createWorld(api);
    enterpriseId = ok(
      await post(api, '/api/enterprises', world.taskforce, {
        name: INJECTIONS[3] + '青岛测试科技有限公司',
        creditCode: creditCode('91370200MA3C00001'),
        district: '市南区',
      }),
    ).body.id;
    const submit = async (title: string, investmentYuan: number) =>
      ok(
        await post(
          api,
          '/api/projects',
          world.taskforce,
          validSubmission(enterpriseId, { title, investmentYuan, occurredAt: daysAgo(60) }),
        ),
      ).body.id as string;
    const assigned = await submit(INJECTIONS[0], 123_456_789);
    const landed = await submit('海洋牧场', 50_000_000);
    await submit(INJECTIONS[1], 7);
    const withdrawn = await submit('退出项目', 1_000_000);
    for (const id of [assigned, landed, withdrawn])
      await command(id, 'reviews', { ...approvingReview, occurredAt: daysAgo(50) }, world.reviewer);
    for (const id of [assigned, landed])
      await command(id, 'presentations', { conferenceId: world.conferenceId, occurredAt: daysAgo(30) });
    await command(assigned, 'assignments', {
      ...plan('industry', 'resources'),
      milestones: [
        { title: INJECTIONS[2], dueOn: dateDaysAgo(5), departmentCode: 'industry', owner: '王伟' },
        { title: '完成用地供应', dueOn: '2030-07-31', departmentCode: 'resources', owner: '李娜' },
      ],
      occurredAt: daysAgo(20),
    });
    await command(landed, 'assignments', { ...plan('industry', 'resources'), occurredAt: daysAgo(20) });
    const landedPlan = (await get(api, `/api/projects/${landed}`, world.taskforce)).body.plan;
    await command(landed, 'progress', {
      milestoneId: landedPlan.milestones[0].milestoneId,
      note: '已签约',
      done: true,
      occurredAt: daysAgo(15),
    });
    await command(landed, 'landing', {
      landedOn: dateDaysAgo(10),
      actualInvestmentYuan: 61_234_500,
      confirmOpenItems: true,
    });
    await command(withdrawn, 'withdrawal', { reason: INJECTIONS[2], occurredAt: daysAgo(40) });
  }, 120_000);
  afterAll(async () => {
    await api.stop();
  });

  it('exports the project 台账 with the values GET /api/projects and the dossier give, in the list order', async () => {
    const list = (await get(api, `/api/projects?pageSize=100&minPosition=${position}`, world.leader)).body;
    const dossiers = new Map<string, Json>();
    for (const id of new Set(list.items.map((p: Json) => p.enterpriseId as string))) {
      for (const p of (await get(api, `/api/enterprises/${id}/dossier`, world.leader)).body.projects)
        dossiers.set(p.id, p);
    }
    const credit = new Map<string, string | null>();
    for (const p of list.items)
      credit.set(
        p.enterpriseId,
        (await get(api, `/api/enterprises/${p.enterpriseId}`, world.leader)).body.creditCode ?? null,
      );

    const { status, contentType, workbook } = await downloadWorkbook(
      api,
      `/api/projects/export.xlsx?minPosition=${position}`,
      world.leader,
    );
    expect(status).toBe(200);
    expect(contentType).toContain('spreadsheetml.sheet');
    const sheet = workbook.getWorksheet('项目台账')!;
    const today = businessDate(new Date().toISOString());
    expect(String(sheet.getCell('A1').value)).toContain(`项目台账（截至 ${today}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '项目编号',
      '项目名称',
      '申报企业',
      '统一社会信用代码',
      '产业链',
      '区(市)',
      '计划投资(万元)',
      '状态',
      '入库日期',
      '发布创意会',
      '牵头部门',
      '配合部门',
      '节点完成/总数',
      '逾期节点',
      '诉求已解决/总数',
      '落地日期',
      '实际投资(万元)',
      '最近进展',
    ]);
    expect(sheet.getColumn(3).width).toBe(32);
    expect(sheet.getCell('H3').numFmt).toBe('#,##0.00##');

    const labels: Record<string, string> = {
      submitted: '已申报',
      approved: '已入库',
      presented: '已发布',
      assigned: '推进中',
      landed: '已落地',
      withdrawn: '已退出',
    };
    const expected = list.items.map((p: Json, i: number) => {
      const d = dossiers.get(p.id);
      const milestones = d.plan?.milestones ?? [];
      return [
        i + 1,
        p.id,
        p.title,
        p.enterpriseName,
        credit.get(p.enterpriseId) ?? '',
        p.industryChain,
        p.district ?? '',
        p.investmentYuan / 10_000,
        labels[p.status],
        p.enteredLibraryAt ? businessDate(p.enteredLibraryAt) : '',
        p.conferenceTitle ?? '',
        p.leadDepartment ?? '',
        p.supportingDepartments.join('、'),
        `${milestones.filter((m: Json) => m.done).length}/${milestones.length}`,
        p.status === 'assigned' ? milestones.filter((m: Json) => !m.done && m.dueOn < today).length : 0,
        `${d.needs.filter((n: Json) => n.resolved).length}/${d.needs.length}`,
        p.landedOn ?? '',
        d.landing?.actualInvestmentYuan != null ? d.landing.actualInvestmentYuan / 10_000 : '',
      ];
    });
    const rows = dataRows(sheet);
    expect(rows.map((r) => r.slice(0, 18))).toEqual(expected);
    expect(rows).toHaveLength(4);
    // 最近进展 from the dossier: the landing, the withdrawal, the plan.
    expect(rows.map((r) => r[18])).toEqual(
      list.items.map((p: Json) =>
        p.status === 'landed'
          ? `${p.landedOn} 落地`
          : p.status === 'withdrawn'
            ? `${businessDate(daysAgo(40))} 退出：${INJECTIONS[2]}`
            : p.status === 'assigned'
              ? `${businessDate(daysAgo(20))} 交办industry`
              : '',
      ),
    );
    // The overdue milestone of the assigned project counts.
    expect(rows.find((r) => r[2] === INJECTIONS[0])![14]).toBe(1);
  });

  it('reads the 台账 from the cursor a batch at a time, whatever the list length', async () => {
    const ledger = api.app.get(ProjectLedgerExport);
    const logger = api.app.get(DataSource).logger;
    const fetches = jest.spyOn(logger, 'logQuery');
    ledger.batchSize = 2;
    try {
      const ids = (await get(api, `/api/projects?pageSize=100&minPosition=${position}`, world.leader)).body.items.map(
        (p: Json) => p.id,
      );
      fetches.mockClear();
      const { workbook } = await downloadWorkbook(
        api,
        `/api/projects/export.xlsx?minPosition=${position}`,
        world.leader,
      );
      expect(dataRows(workbook.getWorksheet(1)!).map((r) => r[1])).toEqual(ids);
      const fetchSizes = fetches.mock.calls.map(([sql]) => sql).filter((sql) => /^FETCH \d+ FROM ledger$/.test(sql));
      // Every batch of 2 and the short (here empty or single-row) one that ends the cursor.
      expect(ids.length).toBeGreaterThan(2);
      expect(fetchSizes).toHaveLength(Math.floor(ids.length / 2) + 1);
      expect(new Set(fetchSizes)).toEqual(new Set(['FETCH 2 FROM ledger']));
    } finally {
      ledger.batchSize = 500;
      fetches.mockRestore();
    }
  });

  it('writes texts that look like formulas as text cells, never formulas', async () => {
    const { workbook } = await downloadWorkbook(api, `/api/projects/export.xlsx?minPosition=${position}`, world.leader);
    const cells: Array<{ value: unknown; type: ValueType; formula: unknown; numFmt: string }> = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) =>
          cells.push({ value: cell.value, type: cell.type, formula: cell.formula, numFmt: cell.numFmt }),
        ),
      ),
    );
    expect(cells.filter((c) => c.type === ValueType.Formula || c.formula !== undefined)).toEqual([]);
    for (const text of [
      INJECTIONS[0],
      INJECTIONS[1],
      `${INJECTIONS[3]}青岛测试科技有限公司`,
      `${businessDate(daysAgo(40))} 退出：${INJECTIONS[2]}`,
    ]) {
      const found = cells.filter((c) => c.value === text);
      expect(found.length).toBeGreaterThan(0);
      for (const cell of found) expect(cell).toMatchObject({ type: ValueType.String, numFmt: '@' });
    }
  });

  it('applies the filters and the department rule of GET /api/projects', async () => {
    const landed = await downloadWorkbook(
      api,
      `/api/projects/export.xlsx?status=landed&minPosition=${position}`,
      world.leader,
    );
    expect(dataRows(landed.workbook.getWorksheet(1)!).map((r) => r[2])).toEqual(['海洋牧场']);
    // overdue=true: the assigned project with a milestone due 5 days ago; the landed one's plan is history.
    const overdue = await downloadWorkbook(
      api,
      `/api/projects/export.xlsx?overdue=true&minPosition=${position}`,
      world.leader,
    );
    expect(dataRows(overdue.workbook.getWorksheet(1)!).map((r) => r[2])).toEqual([INJECTIONS[0]]);
    // A department user gets their department's projects only, whatever they ask for.
    const own = (await get(api, `/api/projects?pageSize=100&minPosition=${position}`, world.resources)).body.items.map(
      (p: Json) => p.id,
    );
    const theirs = await downloadWorkbook(
      api,
      `/api/projects/export.xlsx?department=commerce&minPosition=${position}`,
      world.resources,
    );
    expect(dataRows(theirs.workbook.getWorksheet(1)!).map((r) => r[1])).toEqual(own);
    expect(own).toHaveLength(2);
    const none = await downloadWorkbook(api, `/api/projects/export.xlsx?minPosition=${position}`, world.commerce);
    expect(dataRows(none.workbook.getWorksheet(1)!)).toEqual([]);
  });

  it('exports the department inbox as GET /api/departments/:code/assignments has it', async () => {
    const inbox = (
      await get(api, `/api/departments/industry/assignments?pageSize=100&minPosition=${position}`, world.industry)
    ).body.items;
    const { status, workbook } = await downloadWorkbook(
      api,
      `/api/departments/industry/assignments/export.xlsx?minPosition=${position}`,
      world.industry,
    );
    expect(status).toBe(200);
    const yes = (b: boolean) => (b ? '是' : '否');
    expect(dataRows(workbook.getWorksheet('任务清单')!)).toEqual(
      inbox.map((a: Json, i: number) => [
        i + 1,
        a.projectTitle,
        a.enterpriseName,
        a.role === 'lead' ? '牵头' : '配合',
        a.title,
        a.departmentCode,
        a.owner,
        a.dueOn,
        yes(a.done),
        a.doneAt ? businessDate(a.doneAt) : '',
        yes(a.overdue),
        yes(a.dueSoon),
      ]),
    );
    expect(inbox.length).toBeGreaterThan(0);
    const other = await downloadWorkbook(api, `/api/departments/resources/assignments/export.xlsx`, world.industry);
    expect(other.status).toBe(403);
  });

  it('exports the dashboard: the summary and one sheet per grouping, each with its asOf', async () => {
    const asOf = dateDaysAgo(12);
    const summary = (await get(api, `/api/dashboard/summary?asOf=${asOf}&minPosition=${position}`, world.leader)).body;
    const { workbook } = await downloadWorkbook(
      api,
      `/api/dashboard/export.xlsx?asOf=${asOf}&minPosition=${position}`,
      world.leader,
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '按创意会', '按产业链', '按牵头部门', '按区(市)']);
    const head = new Map(dataRows(workbook.getWorksheet('汇总')!).map(([k, v]) => [k, v]));
    expect(head.get('截至日期 asOf')).toBe(asOf);
    expect([
      head.get('申报项目（个）'),
      head.get('入库项目（个）'),
      head.get('已落地（个）'),
      head.get('已退出（个）'),
      head.get('落地率'),
    ]).toEqual([summary.projects, summary.inLibrary, summary.landed, summary.withdrawn, summary.landingRate]);
    expect(head.get('入库计划投资(万元)')).toBe(summary.investmentYuan / 10_000);
    for (const [sheetName, groupBy] of [
      ['按创意会', 'conference'],
      ['按产业链', 'industryChain'],
      ['按牵头部门', 'department'],
      ['按区(市)', 'district'],
    ]) {
      const rates = (
        await get(
          api,
          `/api/dashboard/landing-rate?groupBy=${groupBy}&asOf=${asOf}&minPosition=${position}`,
          world.leader,
        )
      ).body;
      const sheet = workbook.getWorksheet(sheetName)!;
      expect(String(sheet.getCell('A1').value)).toContain(`截至 ${asOf}`);
      expect(dataRows(sheet)).toEqual(rates.map((r: Json) => [r.label, r.inLibrary, r.landed, r.landingRate, asOf]));
    }
  });

  it('exports the dossier (一企一策) as GET /api/enterprises/:id/dossier has it', async () => {
    const dossier = (await get(api, `/api/enterprises/${enterpriseId}/dossier?minPosition=${position}`, world.leader))
      .body;
    const { workbook } = await downloadWorkbook(
      api,
      `/api/enterprises/${enterpriseId}/dossier/export.xlsx?minPosition=${position}`,
      world.leader,
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['企业', '项目', '节点', '诉求']);
    const head = new Map(dataRows(workbook.getWorksheet('企业')!).map(([k, v]) => [k, v]));
    expect(head.get('统一社会信用代码')).toBe(dossier.enterprise.creditCode);
    expect(head.get('落地投资(万元)')).toBe(dossier.totals.landedInvestmentYuan / 10_000);
    expect(dataRows(workbook.getWorksheet('项目')!).map((r) => r.slice(0, 9))).toEqual(
      dossier.projects.map((p: Json, i: number) => [
        i + 1,
        p.id,
        p.title,
        p.industryChain,
        p.district ?? '',
        p.investmentYuan / 10_000,
        expect.any(String),
        businessDate(p.submittedAt),
        p.enteredLibraryAt ? businessDate(p.enteredLibraryAt) : '',
      ]),
    );
    const milestones = dossier.projects.flatMap((p: Json) =>
      (p.plan?.milestones ?? []).map((m: Json) => [
        p.title,
        m.title,
        m.departmentCode,
        m.owner,
        m.dueOn,
        m.done ? '是' : '否',
        m.doneAt ? businessDate(m.doneAt) : '',
      ]),
    );
    expect(dataRows(workbook.getWorksheet('节点')!)).toEqual(milestones);
    expect(dataRows(workbook.getWorksheet('诉求')!)).toHaveLength(dossier.totals.needs);
    const missing = await downloadWorkbook(
      api,
      `/api/enterprises/00000000-0000-4000-8000-000000000000/dossier/export.xlsx`,
      world.leader,
    );
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain('application/problem+json');
  });
});
