/**
 * The matchmaking pages in Debian's Chromium, on the real API and a fresh database: the task
 * force finds a demand on the demand board (filter and search), follows a cooperation to signing
 * and makes it a project in one action; the event page shows who proposed and the funnel; the
 * leader reads the matchmaking dashboard with its charts. No page may log a console error.
 */
import { Browser } from 'playwright-core';
import { adminToken, authHeaders, createUserAndLogin, TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi, screenshot } from './harness';

jest.setTimeout(120_000);

const cstDate = (days = 0): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();

describeWithChromium('matchmaking pages in the browser', () => {
  let api: RunningApi;
  let browser: Browser;
  let taskforce: TestUser;
  let leader: TestUser;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    await buildWebUi();
    api = await startApi();
    const admin = authHeaders(await adminToken(api));
    const create = async (key: string, path: string, body: unknown) => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify(body),
      });
      if (response.status !== 201 && response.status !== 200)
        throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      id[key] = ((await response.json()) as { id: string }).id;
    };
    await create('soe', '/api/enterprises', { name: '青岛地铁集团有限公司', district: '市北区' });
    await create('sme', '/api/enterprises', { name: '青岛智造视觉有限公司', district: '崂山区', tier: 'municipal' });
    await create('other', '/api/enterprises', { name: '青岛海纳新材料有限公司', district: '即墨区' });
    await create('event', '/api/matchmaking-events', {
      title: '国企民企面对面恳谈会（第二期）',
      kind: 'soe-private',
      heldOn: cstDate(-10),
    });
    await create('d1', '/api/demands', {
      publisherId: id.soe,
      category: 'rnd',
      title: '轨道巡检视觉识别联合研发',
      eventId: id.event,
      occurredAt: daysAgo(10),
    });
    await create('d2', '/api/demands', {
      publisherId: id.soe,
      category: 'green',
      title: '车辆段光伏改造',
      eventId: id.event,
      occurredAt: daysAgo(10),
    });
    await create('c1', `/api/demands/${id.d1}/proposals`, {
      enterpriseId: id.sme,
      summary: '提供巡检视觉算法与样机',
      occurredAt: daysAgo(9),
    });
    await create('c2', `/api/demands/${id.d2}/proposals`, {
      enterpriseId: id.other,
      summary: '提供光伏组件',
      occurredAt: daysAgo(9),
    });
    await create('s1', `/api/cooperations/${id.c1}/stage`, { stage: 'negotiating', occurredAt: daysAgo(6) });
    taskforce = await createUserAndLogin(api, 'taskforce');
    leader = await createUserAndLogin(api, 'leader');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the demand board filters by category and searches', async () => {
    const ui = await logIn(await openUi(browser, api.baseUrl), taskforce.username, taskforce.password);
    const { page } = ui;
    await page.getByRole('link', { name: '需求对接' }).click();
    await page.getByRole('heading', { level: 1, name: '需求发布榜' }).waitFor();
    await page.getByRole('link', { name: '车辆段光伏改造' }).waitFor();
    await page.getByLabel('需求类别').first().selectOption('rnd');
    await page.getByRole('link', { name: '车辆段光伏改造' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: '轨道巡检视觉识别联合研发' }).waitFor();
    await page.getByLabel('需求类别').first().selectOption('');
    await page.getByRole('searchbox').fill('光伏');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 项需求').waitFor();
    await ui.settled();
    await screenshot(page, 'matchmaking-demand-board');
    expect(ui.errors).toEqual([]);
    await ui.close();
  });

  it('a cooperation is signed and made a project in one action', async () => {
    const ui = await logIn(await openUi(browser, api.baseUrl), taskforce.username, taskforce.password);
    const { page } = ui;
    await page.goto(`${api.baseUrl}/#/matchmaking/cooperations/${id.c1}`);
    await page.getByRole('heading', { level: 1, name: /青岛智造视觉有限公司/ }).waitFor();
    const steps = page.getByRole('list', { name: '阶段记录' });
    await steps.getByText('洽谈中').waitFor();
    const form = page.getByRole('form', { name: '记录下一阶段' });
    await form.getByLabel('阶段').selectOption('dropped');
    await form.getByRole('button', { name: '记录' }).click();
    await form.getByText('终止合作须说明原因。').waitFor();
    await form.getByLabel('阶段').selectOption('signed');
    await form.getByLabel('签约金额').fill('300');
    await form.getByRole('button', { name: '记录' }).click();
    await steps.getByText('已签约').waitFor();
    await steps.getByText('300万元').waitFor();
    const make = page.getByRole('form', { name: '转为项目' });
    await make.getByLabel('所属产业链').fill('新一代信息技术');
    await make.getByRole('button', { name: '转为项目' }).click();
    await page.getByRole('heading', { level: 1, name: /轨道巡检视觉识别联合研发/ }).waitFor();
    expect(page.url()).toMatch(/#\/projects\/[0-9a-f-]{36}$/);
    await ui.settled();
    await screenshot(page, 'matchmaking-project-from-cooperation');
    expect(ui.errors).toEqual([]);
    await ui.close();
  });

  it('the event page shows who proposed and the follow-up funnel', async () => {
    const ui = await logIn(await openUi(browser, api.baseUrl), taskforce.username, taskforce.password);
    const { page } = ui;
    await page.goto(`${api.baseUrl}/#/matchmaking/events/${id.event}`);
    await page.getByRole('heading', { level: 1, name: '国企民企面对面恳谈会（第二期）' }).waitFor();
    await page.getByRole('link', { name: '青岛海纳新材料有限公司' }).first().waitFor();
    const funnel = page.getByRole('definition').filter({ hasText: /^\d+$/ });
    await funnel.first().waitFor();
    // 2 intents; 1 negotiating, trial (passed), signed.
    expect(await funnel.allTextContents()).toEqual(['2', '1', '1', '1', '0', '0']);
    await ui.settled();
    await screenshot(page, 'matchmaking-event');
    expect(ui.errors).toEqual([]);
    await ui.close();
  });

  it('the leader reads the matchmaking dashboard with its charts', async () => {
    const ui = await logIn(await openUi(browser, api.baseUrl), leader.username, leader.password);
    const { page } = ui;
    await page.getByRole('link', { name: '对接看板' }).click();
    await page.getByRole('heading', { level: 1, name: '对接看板' }).waitFor();
    await page.getByRole('img', { name: '对接漏斗' }).locator('canvas').waitFor();
    await page.getByRole('img', { name: '各类别签约转化率' }).locator('canvas').waitFor();
    await page.locator('.kpi', { hasText: '签约转化率' }).getByText('50.0%').waitFor();
    await page.getByRole('cell', { name: '技术研发' }).waitFor();
    await page.getByLabel('分组').selectOption('tier');
    await page.getByRole('cell', { name: '市级专精特新' }).waitFor();
    await ui.settled();
    await screenshot(page, 'matchmaking-dashboard');
    expect(ui.errors).toEqual([]);
    await ui.close();
  });
});
