import { readModels } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { AddProjectListSearchGrams1765300000000 } from '../../libs/read-models/src/migrations/1765300000000-add-project-list-search-grams.migration';
import { AddPinyinSearchGrams1765600000000 } from '../../libs/read-models/src/migrations/1765600000000-add-pinyin-search-grams.migration';
import { createUserAndLogin, TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { dataRows, downloadWorkbook } from './excel.helpers';
import {
  approvingReview,
  createWorld,
  dateDaysAgo,
  daysAgo,
  get,
  post,
  Reply,
  validSubmission,
  World,
} from './projects.helpers';

/**
 * The read models through the HTTP API: the project list (search, filters, paging, sorting),
 * the department inbox, the enterprise dossier and lists, and reading one's own writes with
 * `minPosition`. Projects are made through the lifecycle endpoints.
 */
let api: RunningApi;
let world: World;
let lastPosition = 0;
const ids: { ocean: string; port: string; withdrawn: string } = { ocean: '', port: '', withdrawn: '' };
const withdrawnAt = daysAgo(44);

const track = (reply: Reply): Reply => {
  if (reply.status >= 300) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
  lastPosition = Math.max(lastPosition, reply.body.position ?? 0);
  return reply;
};
/** A GET that waits for every write made so far. */
const read = (path: string, user: TestUser = world.taskforce) =>
  get(api, `${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, user);
const dateIn = (days: number) => dateDaysAgo(-days);

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  const { taskforce, reviewer } = world;

  const ocean = track(
    await post(
      api,
      '/api/projects',
      taskforce,
      validSubmission(world.enterpriseId, {
        title: '智慧海洋牧场',
        summary: 'Smart ocean ranch with sensor buoys',
        industryChain: '海洋经济',
        occurredAt: daysAgo(60),
      }),
    ),
  );
  ids.ocean = ocean.body.id;
  track(
    await post(api, `/api/projects/${ids.ocean}/reviews`, reviewer, { ...approvingReview, occurredAt: daysAgo(50) }),
  );
  track(
    await post(api, `/api/projects/${ids.ocean}/presentations`, taskforce, {
      conferenceId: world.conferenceId,
      occurredAt: daysAgo(30),
    }),
  );
  track(
    await post(api, `/api/projects/${ids.ocean}/assignments`, taskforce, {
      leadDepartment: 'industry',
      supportingDepartments: ['resources'],
      milestones: [
        { title: '签订投资协议', dueOn: dateDaysAgo(10), departmentCode: 'industry', owner: '王伟' },
        { title: '完成用地预审', dueOn: dateIn(5), departmentCode: 'resources', owner: '李娜' },
        { title: '开工建设', dueOn: dateIn(60), departmentCode: 'industry', owner: '王伟' },
      ],
      occurredAt: daysAgo(20),
    }),
  );
  ids.port = track(
    await post(
      api,
      '/api/projects',
      taskforce,
      validSubmission(world.enterpriseId, {
        title: '港口装备升级',
        investmentYuan: 90_000_000,
        occurredAt: daysAgo(40),
      }),
    ),
  ).body.id;
  ids.withdrawn = track(
    await post(
      api,
      '/api/projects',
      taskforce,
      validSubmission(world.enterpriseId, { title: '冷链物流中心', occurredAt: daysAgo(45) }),
    ),
  ).body.id;
  track(
    await post(api, `/api/projects/${ids.withdrawn}/withdrawal`, taskforce, {
      reason: '企业调整计划',
      occurredAt: withdrawnAt,
    }),
  );
});
afterAll(async () => {
  await api.stop();
});

describe('the project list', () => {
  it("reads one's own write at once with minPosition", async () => {
    const submitted = await post(
      api,
      '/api/projects',
      world.taskforce,
      validSubmission(world.enterpriseId, { title: '氢能重卡示范线' }),
    );
    const list = await get(
      api,
      `/api/projects?q=${encodeURIComponent('氢能')}&minPosition=${submitted.body.position}`,
      world.taskforce,
    );

    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: submitted.body.id,
        status: 'submitted',
        version: 1,
        position: submitted.body.position,
      }),
    ]);
    track(submitted);
  });

  it('finds Chinese text by any part of it, and Latin words in any order', async () => {
    const titles = async (q: string) =>
      (await read(`/api/projects?q=${encodeURIComponent(q)}`)).body.items.map((p: { title: string }) => p.title);

    expect(await titles('海洋')).toEqual(['智慧海洋牧场']);
    expect(await titles('海洋牧场')).toEqual(['智慧海洋牧场']);
    expect(await titles('ranch smart')).toEqual(['智慧海洋牧场']);
    expect(await titles('海智装备')).toHaveLength(4); // the enterprise name: 青岛海智装备有限公司
    expect(await titles('100%_')).toEqual([]); // pattern characters are taken literally
    expect(await titles('牧')).toEqual(['智慧海洋牧场']);
    expect(await titles('OceA')).toEqual(['智慧海洋牧场']); // a part of a Latin word, any case
    // Every pair of it is in 港口装备升级's row, but split between its title and its enterprise's name.
    expect(await titles('海智装备升级')).toEqual([]);
  });

  it('finds the rows made before the search grams existed once the upgrade has made theirs', async () => {
    const dataSource = api.app.get(DataSource);
    const grams = () => dataSource.query('SELECT id, search_grams FROM project_list ORDER BY id');
    const before = await grams();
    expect(before).toHaveLength(4);
    expect(before.every((r: { search_grams: string }) => r.search_grams.includes('装备'))).toBe(true);
    const runner = dataSource.createQueryRunner();
    try {
      const upgrade = new AddProjectListSearchGrams1765300000000();
      await upgrade.down(runner); // the version before
      await upgrade.up(runner);
    } finally {
      await runner.release();
    }
    expect(await grams()).toEqual(before);
    const titles = async (q: string) =>
      (await read(`/api/projects?q=${encodeURIComponent(q)}`)).body.items.map((p: { title: string }) => p.title);
    expect(await titles('洋牧')).toEqual(['智慧海洋牧场']);
  });

  it('lists with overdue=true only projects with a milestone overdue today, as the inbox counts them; 400 for overdue=yes', async () => {
    const overdue = await read('/api/projects?overdue=true');
    expect(overdue.body.items.map((p: { id: string }) => p.id)).toEqual([ids.ocean]);
    expect(overdue.body.total).toBe(1);
    expect((await read('/api/projects?overdue=false')).body.total).toBeGreaterThan(1);
    expect((await read(`/api/projects?overdue=true&q=${encodeURIComponent('港口')}`)).body.total).toBe(0);
    const bad = await read('/api/projects?overdue=yes');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('overdue');
  });

  it('serves the documented row and filters by status, chain, department and conference', async () => {
    const assigned = await read('/api/projects?status=assigned');
    expect(assigned.body).toEqual({
      items: [
        {
          id: ids.ocean,
          title: '智慧海洋牧场',
          summary: 'Smart ocean ranch with sensor buoys',
          enterpriseId: world.enterpriseId,
          enterpriseName: '青岛海智装备有限公司',
          industryChain: '海洋经济',
          district: '黄岛区',
          investmentYuan: 200_000_000,
          status: 'assigned',
          leadDepartment: 'industry',
          supportingDepartments: ['resources'],
          departments: ['industry', 'resources'],
          conferenceId: world.conferenceId,
          conferenceTitle: '第三届民营经济创意会',
          submittedAt: expect.any(String),
          enteredLibraryAt: expect.any(String),
          landedOn: null,
          withdrawnAt: null,
          version: 4,
          position: expect.any(Number),
          updatedAt: expect.any(String),
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    const idsOf = (reply: Reply) => reply.body.items.map((p: { id: string }) => p.id).sort();
    expect(idsOf(await read(`/api/projects?industryChain=${encodeURIComponent('海洋经济')}`))).toEqual([ids.ocean]);
    const ofResources = await read('/api/projects?department=resources');
    expect(idsOf(ofResources)).toEqual([ids.ocean]);
    // The total of a department alone is counted from project_list_departments, with another filter from the rows.
    expect(ofResources.body.total).toBe(1);
    expect((await read('/api/projects?department=industry')).body.total).toBe(1);
    expect((await read('/api/projects?department=commerce')).body.total).toBe(0);
    expect((await read('/api/projects?department=resources&status=assigned')).body.total).toBe(1);
    expect((await read('/api/projects?department=resources&status=landed')).body.total).toBe(0);
    expect(idsOf(await read(`/api/projects?conferenceId=${world.conferenceId}`))).toEqual([ids.ocean]);
    expect((await read('/api/projects?status=withdrawn')).body.items).toEqual([
      expect.objectContaining({ id: ids.withdrawn, withdrawnAt }),
    ]);
  });

  it('pages and sorts', async () => {
    const byInvestment = await read('/api/projects?sort=investmentYuan&pageSize=1');
    expect(byInvestment.body).toMatchObject({ total: 4, page: 1, pageSize: 1, items: [{ title: '港口装备升级' }] });
    const second = await read('/api/projects?sort=-submittedAt&page=2&pageSize=2');
    expect(second.body.items.map((p: { title: string }) => p.title)).toEqual(['冷链物流中心', '智慧海洋牧场']);
  });

  it('refuses a page size over 100 and unknown statuses or sorts (400)', async () => {
    const reply = await read('/api/projects?pageSize=101&status=lost&sort=color');
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'sort', 'status']);
  });

  it('shows department users only the projects their department is part of', async () => {
    const titles = async (user: TestUser, query = '') =>
      (await read(`/api/projects${query}`, user)).body.items.map((p: { title: string }) => p.title);
    expect(await titles(world.resources)).toEqual(['智慧海洋牧场']);
    expect(await titles(world.commerce, '?department=industry')).toEqual([]);
    expect((await read('/api/projects', world.resources)).body.total).toBe(1);
    expect((await read('/api/projects', world.commerce)).body.total).toBe(0);
  });
});

describe('the department inbox', () => {
  it("lists the department's milestones, earliest due first, with overdue and due-soon flags", async () => {
    const industry = await read('/api/departments/industry/assignments');
    expect(industry.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(industry.body.items).toEqual([
      expect.objectContaining({
        projectId: ids.ocean,
        projectTitle: '智慧海洋牧场',
        title: '签订投资协议',
        dueOn: dateDaysAgo(10),
        owner: '王伟',
        role: 'lead',
        done: false,
        overdue: true,
        dueSoon: false,
      }),
      expect.objectContaining({ title: '开工建设', overdue: false, dueSoon: false }),
    ]);
    const resources = await read('/api/departments/resources/assignments', world.resources);
    expect(resources.body.items).toEqual([
      expect.objectContaining({
        title: '完成用地预审',
        role: 'supporting',
        overdue: false,
        dueSoon: true,
        enterpriseName: '青岛海智装备有限公司',
      }),
    ]);
    expect((await read('/api/departments/industry/assignments?overdue=true')).body.total).toBe(1);
  });

  it('shows a milestone done once progress completes it', async () => {
    const [overdue] = (await read('/api/departments/industry/assignments?overdue=true')).body.items;
    track(
      await post(api, `/api/projects/${ids.ocean}/progress`, world.industry, {
        milestoneId: overdue.milestoneId,
        note: '协议已签',
        done: true,
      }),
    );

    const after = await read('/api/departments/industry/assignments', world.industry);
    expect(after.body.items.find((a: { milestoneId: string }) => a.milestoneId === overdue.milestoneId)).toMatchObject({
      done: true,
      overdue: false,
      doneAt: expect.any(String),
    });
    expect((await read('/api/departments/industry/assignments?done=false')).body.total).toBe(1);
  });

  it("refuses a department user another department's inbox (403), and reviewers any", async () => {
    const other = await read('/api/departments/industry/assignments', world.resources);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('NOT_YOUR_DEPARTMENT');
    expect((await read('/api/departments/industry/assignments', world.reviewer)).status).toBe(403);
  });
});

describe('enterprises and conferences', () => {
  it('gives the dossier: the enterprise, its projects with needs, plans and outcome, and totals', async () => {
    const project = await get(api, `/api/projects/${ids.ocean}`, world.taskforce);
    const [landNeed] = project.body.needs;
    track(
      await post(api, `/api/projects/${ids.ocean}/needs/${landNeed.needId}/resolution`, world.taskforce, {
        resolution: '已列入供地计划',
      }),
    );

    const dossier = await read(`/api/enterprises/${world.enterpriseId}/dossier`);
    expect(dossier.status).toBe(200);
    expect(dossier.body.enterprise).toEqual({
      id: world.enterpriseId,
      name: '青岛海智装备有限公司',
      creditCode: null,
      district: null,
      tier: 'national',
      registeredAt: expect.any(String),
    });
    const ocean = dossier.body.projects.find((p: { id: string }) => p.id === ids.ocean);
    expect(ocean).toMatchObject({
      title: '智慧海洋牧场',
      status: 'assigned',
      conference: { id: world.conferenceId, title: '第三届民营经济创意会', heldOn: dateDaysAgo(30) },
      plan: { revision: 1, leadDepartment: 'industry', supportingDepartments: ['resources'] },
      landing: null,
    });
    expect(ocean.needs).toEqual([
      expect.objectContaining({ needId: landNeed.needId, kind: 'land', resolved: true, resolution: '已列入供地计划' }),
      expect.objectContaining({ kind: 'financing', resolved: false, resolution: null }),
    ]);
    expect(ocean.plan.milestones).toHaveLength(3);
    expect(dossier.body.projects.find((p: { id: string }) => p.id === ids.withdrawn).withdrawal).toEqual({
      reason: '企业调整计划',
      occurredAt: expect.any(String),
    });
    expect(dossier.body.totals).toEqual({
      projects: 4,
      inLibrary: 1,
      landed: 0,
      withdrawn: 1,
      investmentYuan: 690_000_000,
      landedInvestmentYuan: 0,
      needs: 8,
      needsResolved: 1,
      milestones: 3,
      milestonesDone: 1,
    });
  });

  it("shows department users only their department's projects in a dossier, and 404 for an unknown enterprise", async () => {
    const dossier = await read(`/api/enterprises/${world.enterpriseId}/dossier`, world.industry);
    expect(dossier.body.projects.map((p: { id: string }) => p.id)).toEqual([ids.ocean]);
    expect(dossier.body.totals.projects).toBe(1);
    const unknown = await read('/api/enterprises/no-such-enterprise/dossier');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ENTERPRISE_NOT_FOUND');
  });

  it('lists enterprises by any part of name or credit code, with project counts', async () => {
    track(
      await post(api, '/api/enterprises', world.taskforce, {
        name: '青岛蓝谷生物科技有限公司',
        creditCode: '91370200MA3C5LXX0D',
        district: '崂山区',
      }),
    );
    const found = await read(`/api/enterprises?q=${encodeURIComponent('海智')}`);
    expect(found.body).toEqual({
      items: [
        {
          id: world.enterpriseId,
          name: '青岛海智装备有限公司',
          creditCode: null,
          district: null,
          tier: 'national',
          registeredAt: expect.any(String),
          projects: 4,
          landed: 0,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    expect((await read('/api/enterprises?q=MA3C5')).body.items).toEqual([
      expect.objectContaining({ name: '青岛蓝谷生物科技有限公司', district: '崂山区', projects: 0 }),
    ]);
    expect((await read('/api/enterprises?pageSize=1&page=2')).body).toMatchObject({
      total: 2,
      items: [{ name: '青岛蓝谷生物科技有限公司' }],
    });
  });

  it('lists conferences with the projects presented there', async () => {
    const conferences = await read('/api/conferences');
    expect(conferences.body).toEqual([
      {
        id: world.conferenceId,
        title: '第三届民营经济创意会',
        theme: '数字经济',
        themeEn: null,
        heldOn: dateDaysAgo(30),
        projects: 1,
        landed: 0,
      },
    ]);
  });
});

describe('the project list searched by pinyin', () => {
  it('finds title and enterprise name by full pinyin or initials, any case, and Chinese as before', async () => {
    const enterprise = track(await post(api, '/api/enterprises', world.taskforce, { name: '金沙滩物流集团' }));
    const project = track(
      await post(api, '/api/projects', world.taskforce, validSubmission(enterprise.body.id, { title: '港晟智能仓储' })),
    );
    const idsOf = async (q: string) =>
      (await read(`/api/projects?q=${encodeURIComponent(q)}`)).body.items.map((p: { id: string }) => p.id);

    expect(await idsOf('gangsheng')).toEqual([project.body.id]);
    expect(await idsOf('GangSheng')).toEqual([project.body.id]);
    // 青岛海智装备有限公司 (the other projects' enterprise) ends in gs too: 公司.
    expect(await idsOf('gs')).toContain(project.body.id);
    expect(await idsOf('gszn')).toEqual([project.body.id]);
    expect(await idsOf('jstwljt')).toEqual([project.body.id]);
    expect(await idsOf('jinshatan')).toEqual([project.body.id]);
    expect(await idsOf('gangshang')).toEqual([]);
    expect(await idsOf('港晟')).toEqual([project.body.id]);
    // Two letters: the rows holding the pair are the matches (智能: zn; "Smart ocean ranch": OC).
    expect(await idsOf('zn')).toEqual([project.body.id]);
    expect(await idsOf('OC')).toEqual([ids.ocean]);
    const pinyinRow = (await read(`/api/projects?q=gangsheng`)).body.items[0];
    expect(pinyinRow).not.toHaveProperty('searchPinyin');

    const exported = await downloadWorkbook(
      api,
      `/api/projects/export.xlsx?q=GangSheng&minPosition=${lastPosition}`,
      world.leader,
    );
    expect(exported.status).toBe(200);
    const rows = dataRows(exported.workbook.worksheets[0]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('港晟智能仓储');
  });

  it('finds by pinyin the rows stored before their grams held it once the upgrade has made them', async () => {
    const dataSource = api.app.get(DataSource);
    const grams = () => dataSource.query('SELECT id, search_grams FROM project_list ORDER BY id');
    const before = await grams();
    await dataSource.query(`UPDATE project_list SET search_grams = ''`);
    const found = async (q: string) => (await read(`/api/projects?q=${encodeURIComponent(q)}`)).body.total;
    expect(await found('gangsheng')).toBe(0); // the index finds the rows to match
    const runner = dataSource.createQueryRunner();
    try {
      await new AddPinyinSearchGrams1765600000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await grams()).toEqual(before);
    expect(await found('gangsheng')).toBe(1);
  });
});

describe('minPosition, health and metrics', () => {
  it('waits on any GET, the stream-read project included, and refuses a malformed value (400)', async () => {
    const reply = await post(api, `/api/projects/${ids.port}/reviews`, world.reviewer, approvingReview);
    const project = await get(api, `/api/projects/${ids.port}?minPosition=${reply.body.position}`, world.taskforce);
    expect(project.status).toBe(200);
    const listed = await get(api, `/api/projects?status=approved&minPosition=${reply.body.position}`, world.taskforce);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([ids.port]);
    track(reply);
    expect((await get(api, '/api/projects?minPosition=soon', world.taskforce)).status).toBe(400);
  });

  it('reports the projector running and caught up in /api/health, and projection metrics', async () => {
    await read('/api/projects');
    const health = await get(api, '/api/health');
    expect(health.body.projector).toEqual({
      mode: 'inline',
      status: 'running',
      checkpoint: expect.stringMatching(/^\d+:\d+$/),
      position: lastPosition,
      lagEvents: 0,
      lagSeconds: 0,
      updatedAt: expect.any(String),
    });
    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(`luodi_projection_checkpoint_position\\{projection="read-models"\\} ${lastPosition}`),
    );
    expect(metrics).toMatch(/luodi_projection_lag_events\{projection="read-models"\} 0/);
    expect(metrics).toMatch(/luodi_projected_events_total\{projection="read-models"\} [1-9]\d*/);
    for (const model of readModels)
      expect(metrics).toMatch(new RegExp(`luodi_read_model_rows_written_total\\{read_model="${model.name}"\\} \\d+`));
    expect(metrics).toMatch(/luodi_read_model_rows_written_total\{read_model="project-list"\} [1-9]\d*/);
  });
});

describe('without a running projector', () => {
  let offline: RunningApi;
  beforeAll(async () => {
    offline = await startApi({ LUODI_PROJECTOR: 'off' });
  });
  afterAll(async () => {
    await offline.stop();
  });

  it('answers a GET whose minPosition is not reached within 5 s with 503 and Retry-After, and health shows the lag', async () => {
    const taskforce = await createUserAndLogin(offline, 'taskforce');
    const enterprise = await post(offline, '/api/enterprises', taskforce, { name: '青岛未投影有限公司' });
    const project = await post(offline, '/api/projects', taskforce, validSubmission(enterprise.body.id));

    const started = Date.now();
    const [reply, streamRead] = await Promise.all([
      get(offline, `/api/enterprises?minPosition=${project.body.position}`, taskforce),
      get(offline, `/api/projects/${project.body.id}?minPosition=${project.body.position}`, taskforce),
    ]);
    expect([reply.status, streamRead.status]).toEqual([503, 503]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.headers.get('retry-after')).toBe('2');
    expect(reply.body.code).toBe('READ_MODELS_BEHIND');

    const health = await get(offline, '/api/health');
    expect(health.body.projector).toMatchObject({ mode: 'off', status: 'stopped', position: 0, lagEvents: 2 });
    expect(health.body.projector.lagSeconds).toBeGreaterThanOrEqual(5);
  }, 20_000);
});
