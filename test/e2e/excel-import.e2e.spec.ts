import { Workbook } from 'exceljs';
import { Pool } from 'pg';
import { LEDGER_COLUMNS } from '../../apps/api/src/imports/ledger-columns';
import { RunningApi, startApi } from '../support/start-api';
import {
  creditCode,
  downloadWorkbook,
  ledger,
  qingdaoRows,
  DEPARTMENTS,
  Row,
  upload,
  xlsxBytes,
  zipOf,
  Json,
} from './excel.helpers';
import { createWorld, EventsTable, get, post, World } from './projects.helpers';

/**
 * The import of a historical 台账: a ledger like Qingdao's first 29 library projects goes in
 * through the deciders with the sheet's dates as business time and shows on the dashboard; the
 * same file again adds nothing; a ledger with 20 different bad rows is answered problem by
 * problem at its row and column and writes nothing; files that are no plain workbook are refused.
 */

describe('Excel import of a historical 台账', () => {
  let api: RunningApi;
  let world: World;
  let events: EventsTable;
  let db: Pool;

  beforeAll(async () => {
    api = await startApi();
    world = await createWorld(api);
    for (const d of DEPARTMENTS) expect((await post(api, '/api/departments', world.admin, d)).status).toBe(201);
    events = new EventsTable(api.databaseUrl);
    db = new Pool({ connectionString: api.databaseUrl, max: 1 });
  }, 180_000);
  afterAll(async () => {
    await events.close();
    await db.end();
    await api.stop();
  });

  it('gives a template whose columns the import reads, and whose sample row passes a dry run', async () => {
    const { status, workbook, body } = await downloadWorkbook(
      api,
      '/api/imports/projects/template.xlsx',
      world.taskforce,
    );
    expect(status).toBe(200);
    const sheet = workbook.getWorksheet('项目台账')!;
    expect((sheet.getRow(2).values as string[]).slice(1)).toEqual(
      LEDGER_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)),
    );
    expect(workbook.getWorksheet('填写说明')).toBeDefined();
    const before = await events.count();
    const dry = await upload(api, world.taskforce, body, { dryRun: true });
    expect(dry.body).toMatchObject({ dryRun: true, rows: 1, valid: 1, invalid: 0, errors: [] });
    expect(await events.count()).toBe(before);
  });

  it("imports 29 projects like Qingdao's through the deciders, and the dashboard shows their figures", async () => {
    const file = await ledger(qingdaoRows());
    const dry = await upload(api, world.taskforce, file, { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, rows: 29, valid: 29, invalid: 0, alreadyImported: 0, errors: [] });

    const before = await events.count();
    const done = await upload(api, world.taskforce, file, { fileName: '青岛台账.xlsx' });
    expect(done.status).toBe(200);
    // 29 submitted and approved, 29 presented, 24 assigned, 12 landed, 2 withdrawn; 20 enterprises, 2 conferences.
    expect(done.body.imported).toEqual({
      projects: 29,
      enterprises: 20,
      conferences: 2,
      events: 29 * 3 + 24 + 12 + 2 + 20 + 2,
    });
    expect(await events.count()).toBe(before + done.body.imported.events);

    const minPosition = done.body.position;
    const summary = (await get(api, `/api/dashboard/summary?minPosition=${minPosition}`, world.leader)).body;
    const planned = Array.from({ length: 29 }, (_, i) => (1000 * (i + 1) + 0.5) * 10_000).reduce((a, b) => a + b);
    const landed = Array.from({ length: 12 }, (_, i) => (1000 * (i + 1) + 100) * 10_000).reduce((a, b) => a + b);
    expect(summary).toMatchObject({
      projects: 29,
      inLibrary: 29,
      landed: 12,
      withdrawn: 2,
      investmentYuan: planned,
      landedInvestmentYuan: landed,
    });
    expect(summary.landingRate).toBeCloseTo(12 / 29, 10);
    // The sheet's dates are the business times: as of 5 October 2024, five had landed.
    expect(
      (await get(api, `/api/dashboard/summary?asOf=2024-10-05&minPosition=${minPosition}`, world.leader)).body,
    ).toMatchObject({ projects: 29, inLibrary: 29, landed: 5 });
    expect(
      (await get(api, `/api/dashboard/summary?asOf=2024-03-05&minPosition=${minPosition}`, world.leader)).body,
    ).toMatchObject({ projects: 15, inLibrary: 0 });
    const byConference = (
      await get(api, `/api/dashboard/landing-rate?groupBy=conference&minPosition=${minPosition}`, world.leader)
    ).body;
    expect(byConference.map((r: Json) => [r.label, r.inLibrary, r.landed])).toEqual([
      ['第一届民营经济创意会', 15, 12],
      ['第二届民营经济创意会', 14, 0],
    ]);

    // Every event names the import and its row; the project's history has the sheet's dates.
    const { rows } = await db.query(
      `SELECT DISTINCT metadata->'import'->>'importId' AS id, metadata->'import'->>'fileName' AS name FROM events WHERE global_position > $1`,
      [0],
    );
    const imports = rows.filter((r: Json) => r.id !== null);
    expect(imports).toEqual([{ id: expect.stringMatching(/^import-[0-9a-f]{16}$/), name: '青岛台账.xlsx' }]);
    const { rows: unnamed } = await db.query(
      `SELECT count(*)::int AS n FROM (SELECT * FROM events ORDER BY global_position DESC LIMIT $1) e WHERE e.metadata->'import' IS NULL`,
      [done.body.imported.events],
    );
    expect(unnamed[0].n).toBe(0);
    const list = (
      await get(
        api,
        `/api/projects?q=${encodeURIComponent('创意项目1')}&pageSize=100&minPosition=${minPosition}`,
        world.leader,
      )
    ).body.items;
    const first = list.find((p: Json) => p.title === '创意项目1');
    const history = (await get(api, `/api/projects/${first.id}/history`, world.taskforce)).body.events;
    expect(history.map((e: Json) => [e.type, e.occurredAt.slice(0, 10)])).toEqual([
      ['ProjectSubmitted', '2024-03-01'],
      ['ProjectReviewed', '2024-03-20'],
      ['ProjectPresented', '2024-04-10'],
      ['LandingPlanAssigned', '2024-04-15'],
      ['ProjectLanded', '2024-10-01'],
    ]);
    expect(history[0].actor.username).toBe(world.taskforce.username);
  }, 180_000);

  it('imports the same file twice without a duplicate: the second time adds nothing', async () => {
    const file = await ledger(qingdaoRows());
    const before = await events.count();
    const again = await upload(api, world.taskforce, file);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      rows: 29,
      valid: 29,
      alreadyImported: 29,
      imported: { projects: 0, enterprises: 0, conferences: 0, events: 0 },
    });
    expect(await events.count()).toBe(before);
    const total = (await get(api, `/api/projects?pageSize=1`, world.leader)).body.total;
    expect(total).toBe(29);
    const enterprises = (await get(api, `/api/enterprises?pageSize=100`, world.leader)).body.items.filter((e: Json) =>
      e.name.startsWith('青岛创意企业'),
    );
    expect(enterprises).toHaveLength(20);
  }, 120_000);

  it('completes an interrupted import when the file is imported again: only the missing steps are written', async () => {
    const full = qingdaoRows()
      .slice(0, 3)
      .map((row, i) => ({ ...row, 项目编号: `RESUME-${i}`, 项目名称: `续传项目${i}` }));
    // As if the first run had stopped after each project's review: the later steps are missing.
    const interrupted = full.map((row) => ({
      ...row,
      发布创意会: null,
      创意会日期: null,
      牵头部门: null,
      配合部门: null,
      交办日期: null,
      计划落地日期: null,
      落地日期: null,
      '实际投资(万元)': null,
    }));
    const first = await upload(api, world.taskforce, await ledger(interrupted));
    expect(first.body.imported).toEqual({ projects: 3, enterprises: 0, conferences: 0, events: 6 });
    const before = await events.count();
    const retry = await upload(api, world.taskforce, await ledger(full));
    expect(retry.body).toMatchObject({
      rows: 3,
      valid: 3,
      alreadyImported: 0,
      imported: { projects: 3, enterprises: 0, conferences: 0, events: 3 + 3 + 3 },
    });
    expect(await events.count()).toBe(before + 9);
    const landed = (
      await get(
        api,
        `/api/projects?q=${encodeURIComponent('续传项目')}&status=landed&minPosition=${retry.body.position}`,
        world.leader,
      )
    ).body;
    expect(landed.total).toBe(3);
    const again = await upload(api, world.taskforce, await ledger(full));
    expect(again.body).toMatchObject({ alreadyImported: 3, imported: { events: 0 } });
  }, 120_000);

  it('answers a ledger with 21 different bad rows problem by problem, at row and column, and writes nothing', async () => {
    const good = (ref: string, changes: Row = {}): Row => ({
      项目编号: ref,
      项目名称: '好项目',
      申报企业: '青岛好企业有限公司',
      统一社会信用代码: creditCode('91370200000099990'),
      产业链: '海洋经济',
      '计划投资(万元)': 500,
      申报日期: '2024-05-01',
      入库日期: '2024-05-10',
      '创意好(分)': 80,
      '论证实(分)': 80,
      '可落地(分)': 80,
      发布创意会: '第三届民营经济创意会',
      创意会日期: '2024-06-01',
      牵头部门: 'hyj',
      交办日期: '2024-06-05',
      计划落地日期: '2025-06-30',
      ...changes,
    });
    // Row 3 is good; rows 4..23 break one rule each: [changes, column, code].
    const bad: Array<[Row, string, string]> = [
      [{ 项目名称: null }, '项目名称', 'REQUIRED'],
      [{ 申报日期: '2024-02-30' }, '申报日期', 'INVALID_DATE'],
      [{ 入库日期: '下周' }, '入库日期', 'INVALID_DATE'],
      [
        {
          申报日期: '2099-01-01',
          入库日期: null,
          '创意好(分)': null,
          '论证实(分)': null,
          '可落地(分)': null,
          发布创意会: null,
          创意会日期: null,
          牵头部门: null,
          交办日期: null,
          计划落地日期: null,
        },
        '申报日期',
        'DATE_IN_FUTURE',
      ],
      [{ 落地日期: '2024-05-05' }, '落地日期', 'LANDED_BEFORE_APPROVAL'],
      [{ 牵头部门: '市不存在局' }, '牵头部门', 'UNKNOWN_DEPARTMENT'],
      [{ 统一社会信用代码: '91350100M000100Y44' }, '统一社会信用代码', 'INVALID_CREDIT_CODE'],
      [{ 项目编号: 'BAD-000' }, '项目编号', 'DUPLICATE_PROJECT_NUMBER'],
      [{ '计划投资(万元)': '五千万' }, '计划投资(万元)', 'AMOUNT_IS_TEXT'],
      [{ '计划投资(万元)': -5 }, '计划投资(万元)', 'INVALID_AMOUNT'],
      [{ '创意好(分)': 120 }, '创意好(分)', 'INVALID_SCORE'],
      [{ '论证实(分)': null }, '论证实(分)', 'REQUIRED'],
      [{ 发布创意会: null, 创意会日期: null }, '牵头部门', 'MISSING_EARLIER_STEP'],
      [{ 落地日期: '2024-07-01', 退出日期: '2024-07-02', 退出原因: '调整' }, '退出日期', 'LANDED_AND_WITHDRAWN'],
      [{ 配合部门: 'hyj' }, '配合部门', 'LEAD_ALSO_SUPPORTING'],
      [{ 项目名称: { formula: 'A1&"x"' } }, '项目名称', 'FORMULA_NOT_ALLOWED'],
      [{ 项目名称: '长'.repeat(201) }, '项目名称', 'TEXT_TOO_LONG'],
      [{ 入库日期: '2024-04-01' }, '入库日期', 'DATE_OUT_OF_ORDER'],
      [{ 申报企业: '另一个名字有限公司' }, '申报企业', 'ENTERPRISE_NAME_CONFLICT'],
      // Invisible characters only: the decider refuses it, and the problem is still at its column.
      [{ 产业链: '\u200b\u200b' }, '产业链', 'TEXT_REQUIRED'],
      [{ 产业链: '不存在的链' }, '产业链', 'UNKNOWN_INDUSTRY_CHAIN'],
    ];
    expect(new Set(bad.map(([, column, code]) => `${column}/${code}`)).size).toBe(21);
    const file = await ledger([
      good('BAD-000'),
      ...bad.map(([changes], i) => good(`BAD-${String(i + 1).padStart(3, '0')}`, changes)),
    ]);

    const before = await events.count();
    const dry = await upload(api, world.taskforce, file, { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 22, valid: 1, invalid: 21 });
    bad.forEach(([, column, code], i) => {
      expect(dry.body.errors).toContainEqual({ row: i + 4, column, code, message: expect.any(String) });
    });
    expect(new Set(dry.body.errors.map((e: Json) => e.row))).toEqual(new Set(bad.map((_, i) => i + 4)));

    const commit = await upload(api, world.taskforce, file);
    expect(commit.status).toBe(400);
    expect(commit.contentType).toContain('application/problem+json');
    expect(commit.body).toMatchObject({ code: 'IMPORT_HAS_ERRORS', rows: 22, invalid: 21 });
    expect(commit.body.errors).toEqual(
      dry.body.errors.map((e: Json) => ({ field: `rows[${e.row}].${e.column}`, ...e })),
    );
    expect(await events.count()).toBe(before);
  }, 120_000);

  it('refuses files that are no plain workbook with a clear 400, 413 or 415, writing nothing', async () => {
    const before = await events.count();
    const contentTypes = (main: string) =>
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="${main}"/></Types>`,
      );
    const cases: Array<[string, Promise<Buffer> | Buffer, number, string]> = [
      ['a CSV renamed .xlsx', Buffer.from('项目编号,项目名称\nQD-1,x\n'), 415, 'IMPORT_NOT_XLSX'],
      [
        'an .xls renamed .xlsx',
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
        415,
        'IMPORT_NOT_XLSX',
      ],
      [
        'a zip that is no Office document',
        zipOf([{ name: 'readme.txt', data: Buffer.from('hello') }]),
        415,
        'IMPORT_NOT_XLSX',
      ],
      [
        'a macro-enabled workbook',
        zipOf([
          { name: '[Content_Types].xml', data: contentTypes('application/vnd.ms-excel.sheet.macroEnabled.main+xml') },
          { name: 'xl/vbaProject.bin', data: Buffer.alloc(64, 1) },
        ]),
        415,
        'IMPORT_MACRO_ENABLED',
      ],
      [
        'a zip bomb',
        zipOf([
          {
            name: '[Content_Types].xml',
            data: contentTypes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
          },
          { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024, 0x20) },
        ]),
        413,
        'IMPORT_UNPACKED_TOO_LARGE',
      ],
      ['a file over 5 MB', Buffer.alloc(5 * 1024 * 1024 + 1, 0x50), 413, 'PAYLOAD_TOO_LARGE'],
      [
        'a workbook without the ledger columns',
        (async () => {
          const w = new Workbook();
          w.addWorksheet('x').addRow(['名称']);
          return xlsxBytes(w);
        })(),
        400,
        'IMPORT_MISSING_COLUMNS',
      ],
      [
        'more than 10,000 rows',
        ledger(Array.from({ length: 10_001 }, (_, i) => ({ 项目编号: `R-${i}` }))),
        413,
        'IMPORT_TOO_MANY_ROWS',
      ],
    ];
    for (const [what, file, status, code] of cases) {
      const reply = await upload(api, world.taskforce, await file);
      expect({ what, status: reply.status, code: reply.body?.code, type: reply.contentType }).toEqual({
        what,
        status,
        code,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    const noFile = await upload(api, world.taskforce, await ledger([]), { field: 'other' });
    expect(noFile.status).toBe(400);
    const json = await post(api, '/api/imports/projects', world.taskforce, { rows: [] });
    expect(json.body.code).toBe('IMPORT_FILE_MISSING');
    expect(await events.count()).toBe(before);
  }, 180_000);

  it('lets only the task force and admins import', async () => {
    const reply = await upload(api, world.reviewer, await ledger(qingdaoRows().slice(0, 1)), { dryRun: true });
    expect({ status: reply.status, code: reply.body.code }).toEqual({ status: 403, code: 'ROLE_NOT_ALLOWED' });
  });
});
