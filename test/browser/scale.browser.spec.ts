/**
 * The UI with a thousand projects, as after a few busy years: the pipeline shows one page of 20
 * with the total and pages on, a search narrows it, the dashboard and the department inbox stay
 * bounded, and an enterprise with dozens of projects gets a dossier paged 10 at a time. The
 * projects are written straight into the API's event store with the project decider (through
 * HTTP it would take minutes); the API's projector reads them like any others. No console errors.
 */
import { Browser, Locator, Page } from 'playwright-core';
import { adminToken, authHeaders, createUserAndLogin, TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi, screenshot } from './harness';
import { KEYWORD, PipelineFacts, SeededPipeline, seedPipeline } from './seed-pipeline';

const PROJECTS = 1000;
/** Counts as the UI writes them: 1,000. */
const count = (n: number): string => n.toLocaleString('en-US');
const BIG_ENTERPRISE = '青岛万象控股集团有限公司';
const DAY = 86_400_000;
const cstDate = (days: number): string => new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

jest.setTimeout(120_000);

describeWithChromium('web UI with 1,000 projects', () => {
  let api: RunningApi;
  let browser: Browser;
  let taskforce: TestUser;
  let leader: TestUser;
  let department: TestUser;
  let pipeline: SeededPipeline;
  let bigEnterprise = 0;

  beforeAll(async () => {
    await buildWebUi();
    api = await startApi();
    const admin = authHeaders(await adminToken(api));
    const create = async (path: string, body: Record<string, unknown>) => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify(body),
      });
      if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string };
    };
    const departments = ['industry', 'commerce', 'finance', 'natural-resources'];
    for (const [code, name] of departments.map((code, i) => [
      code,
      ['市工业和信息化局', '市商务局', '市财政局', '市自然资源和规划局'][i],
    ])) {
      await create('/api/departments', { code, name });
    }
    const conferences = await Promise.all(
      ['第五期民营经济创意会', '第六期民营经济创意会', '第七期民营经济创意会'].map(async (title, i) => {
        const heldOn = cstDate(-700 + i * 100);
        return { id: (await create('/api/conferences', { title, heldOn })).id, title, heldOn };
      }),
    );
    const names = [
      BIG_ENTERPRISE,
      ...Array.from({ length: 24 }, (_, i) => `青岛示范企业${String(i + 1).padStart(2, '0')}有限公司`),
    ];
    const enterprises = await Promise.all(
      names.map(async (name) => ({ id: (await create('/api/enterprises', { name })).id, name })),
    );
    const reviewer = await createUserAndLogin(api, 'reviewer');
    taskforce = await createUserAndLogin(api, 'taskforce');
    leader = await createUserAndLogin(api, 'leader');
    department = await createUserAndLogin(api, 'department', 'industry');

    const facts: PipelineFacts = {
      enterprises,
      conferences,
      departments,
      reviewer: { userId: reviewer.id, username: reviewer.username },
    };
    pipeline = await seedPipeline(api.databaseUrl, facts, PROJECTS);
    bigEnterprise = Math.ceil(PROJECTS / 16);
    await readModelsCaughtUp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  /** Until the list counts every project and a read at the last position is answered (not 503). */
  async function readModelsCaughtUp(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await fetch(`${api.baseUrl}/api/projects?pageSize=1&minPosition=${pipeline.lastPosition}`, {
        headers: taskforce.headers,
      });
      if (response.ok && ((await response.json()) as { total: number }).total === PROJECTS) return;
      if (Date.now() > deadline) throw new Error(`the read models did not catch up: ${response.status}`);
      await new Promise((done) => setTimeout(done, 250));
    }
  }

  const loginAs = async (user: TestUser) => logIn(await openUi(browser, api.baseUrl), user.username, user.password);
  const rows = (page: Page): Locator => page.locator('main table tbody tr');
  const firstCell = (page: Page): Promise<string | null> => rows(page).first().locator('td').first().textContent();

  it('pipeline: one page of 20 with the total, paging to the last page, and a search that narrows it', async () => {
    const { page, errors, close } = await loginAs(taskforce);
    await page.getByText(`共 ${count(PROJECTS)} 个项目`).waitFor();
    await page.getByText(`第 1 / 50 页，共 ${count(PROJECTS)} 条`).waitFor();
    expect(await rows(page).count()).toBe(20);
    await screenshot(page, 'scale-projects');

    const first = (await firstCell(page))!;
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText(`第 2 / 50 页，共 ${count(PROJECTS)} 条`).waitFor();
    await rows(page).first().filter({ hasNotText: first }).waitFor();
    expect(await rows(page).count()).toBe(20);

    await page.goto(`${api.baseUrl}/#/projects?page=50`);
    await page.getByText(`第 50 / 50 页，共 ${count(PROJECTS)} 条`).waitFor();
    expect(await page.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
    await rows(page).nth(19).waitFor();
    expect(await rows(page).count()).toBe(20);

    await page.getByLabel('关键词').fill(KEYWORD);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText(`共 ${pipeline.withKeyword} 个项目`).waitFor();
    const titles = await rows(page).locator('td:first-child').allTextContents();
    expect(titles).toHaveLength(20);
    expect(titles.filter((title) => !title.includes(KEYWORD))).toEqual([]);

    await page.goto(`${api.baseUrl}/#/projects?status=landed`);
    await page.getByText(`共 ${pipeline.landed} 个项目`).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('dashboard: the figures of all 1,000 projects, the forecast with its sample size, every chart drawn', async () => {
    const { page, errors, close } = await loginAs(leader);
    const kpi = (name: string) => page.getByRole('region', { name, exact: true }).locator('.kpi-value');
    await kpi('入库项目')
      .filter({ hasText: new RegExp(`^${pipeline.inLibrary}$`) })
      .waitFor();
    await kpi('已落地')
      .filter({ hasText: new RegExp(`^${pipeline.landed}$`) })
      .waitFor();
    await page.getByText(`累计申报 ${count(PROJECTS)} 个`).waitFor();
    await page.getByText(`样本量 n = ${pipeline.inLibrary}`).waitFor();
    // Forecast curve and fan, quarterly trend, four landing-rate breakdowns.
    await page.locator('canvas').nth(6).waitFor();
    await screenshot(page, 'scale-dashboard');
    expect(errors).toEqual([]);
    await close();
  });

  it('enterprises: 20 to a page, and a dossier of dozens of projects shown 10 at a time', async () => {
    const { page, errors, close } = await loginAs(taskforce);
    await page.getByRole('link', { name: '一企一策' }).click();
    await page.getByText('共 25 家企业').waitFor();
    expect(await rows(page).count()).toBe(20);

    await page.getByLabel('名称或信用代码').fill('万象');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: BIG_ENTERPRISE }).click();
    await page.getByRole('heading', { level: 1, name: BIG_ENTERPRISE }).waitFor();
    await page.getByText(`项目 ${bigEnterprise} 个`).waitFor();
    // The project panels (the dossier's matchmaking panels come first, with their own headings).
    const projects = page.locator('main section.panel h2:has(a[href*="/projects/"])');
    expect(await projects.count()).toBe(10);
    const pages = Math.ceil(bigEnterprise / 10);
    await page.getByText(`第 1 / ${pages} 页，共 ${bigEnterprise} 条`).waitFor();
    const first = (await projects.first().textContent())!;
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText(`第 2 / ${pages} 页，共 ${bigEnterprise} 条`).waitFor();
    await projects.first().filter({ hasNotText: first }).waitFor();
    expect(await projects.count()).toBe(10);
    // The next page is shown from its top, not from where its pager was.
    const top = (await projects.first().boundingBox())!.y;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
    await screenshot(page, 'scale-dossier');
    expect(errors).toEqual([]);
    await close();
  });

  it('department: its inbox pages the milestones of the hundreds of plans it leads', async () => {
    const { page, errors, close } = await loginAs(department);
    await page.getByLabel('显示').selectOption('all');
    const milestones = page.getByText(/^共 \d+ 个节点/);
    await milestones.waitFor();
    const total = Number(/共 (\d+) 个节点/.exec((await milestones.textContent())!)![1]);
    expect(total).toBeGreaterThan(20);
    expect(await rows(page).count()).toBe(20);
    expect(errors).toEqual([]);
    await close();
  });
});
