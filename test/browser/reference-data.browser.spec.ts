/**
 * Reference data in the UI (issue 19): the chain choices come from GET /api/industry-chains, a
 * filter no project matches says so, and English mode shows a department's English name and a
 * conference's English theme (the Chinese theme in Chinese).
 */
import { Browser } from 'playwright-core';
import { RunningApi, startApi } from '../support/start-api';
import { createWorld, dateDaysAgo, daysAgo, get, patch, post, projectAt, World } from '../e2e/projects.helpers';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi, writtenPosition } from './harness';

jest.setTimeout(120_000);

describeWithChromium('reference data', () => {
  let api: RunningApi;
  let browser: Browser;
  let world: World;

  beforeAll(async () => {
    await buildWebUi();
    api = await startApi();
    world = await createWorld(api);
    browser = await launchBrowser();
    // A chain without projects, added by the admin like any other.
    expect((await post(api, '/api/industry-chains', world.admin, { name: '低空经济' })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the dashboard offers the chains of the API and says 无匹配项目 for a chain without projects', async () => {
    const { page, errors, close } = await logIn(
      await openUi(browser, api.baseUrl),
      world.leader.username,
      world.leader.password,
    );
    await page.getByRole('heading', { level: 1, name: '落地看板' }).waitFor();
    const chain = page.getByRole('form', { name: '筛选条件' }).getByLabel('产业链');
    await chain.locator('option[value="低空经济"]').waitFor({ state: 'attached' });
    // A pick list: no free text to mistype.
    expect(await chain.evaluate((element) => element.tagName)).toBe('SELECT');
    await chain.selectOption('低空经济');
    await page.waitForURL(/industryChain=/);
    await page.getByRole('status').filter({ hasText: '无匹配项目' }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('the new-project form offers the chain list', async () => {
    const { page, close } = await logIn(
      await openUi(browser, api.baseUrl),
      world.taskforce.username,
      world.taskforce.password,
    );
    await page.goto(`${api.baseUrl}/#/projects/new`);
    const chain = page.getByLabel('产业链');
    await chain.locator('option[value="低空经济"]').waitFor({ state: 'attached' });
    expect(await chain.locator('option[value="新一代信息技术"]').count()).toBe(1);
    expect(await chain.evaluate((element) => element.tagName)).toBe('SELECT');
    await close();
  });

  it('in English mode a department shows its English name', async () => {
    expect((await patch(api, '/api/departments/industry', world.admin, { nameEn: 'Industry Bureau' })).status).toBe(
      200,
    );
    const { page, close } = await logIn(
      await openUi(browser, api.baseUrl, { lang: 'en' }),
      world.industry.username,
      world.industry.password,
    );
    await page.getByText('Industry Bureau').first().waitFor();
    await close();

    // The pick lists name it the same way (here the dashboard's department filter).
    const leader = await logIn(
      await openUi(browser, api.baseUrl, { lang: 'en' }),
      world.leader.username,
      world.leader.password,
    );
    const filter = leader.page.getByRole('form', { name: 'Filters' }).getByLabel('Lead department');
    await filter.locator('option[value="industry"]', { hasText: 'Industry Bureau' }).waitFor({ state: 'attached' });
    expect(leader.errors).toEqual([]);
    await leader.close();
  });

  it('the task force schedules a conference with an English theme and changes it in the list; English mode lists it', async () => {
    const ui = await logIn(await openUi(browser, api.baseUrl), world.taskforce.username, world.taskforce.password);
    const { page } = ui;
    await page.goto(`${api.baseUrl}/#/conferences`);
    await page.getByRole('heading', { level: 1, name: '创意会' }).waitFor();
    const schedule = page.getByRole('form', { name: '安排创意会' });
    await schedule.getByLabel('创意会名称').fill('第十一届民营经济创意会');
    await schedule.getByLabel('主题', { exact: true }).fill('智能制造');
    await schedule.getByLabel('英文主题').fill('Smart manufacturing');
    await schedule.getByLabel('举办日期').fill(dateDaysAgo(-10));
    await schedule.getByRole('button', { name: '创建' }).click();
    await schedule.getByText('已安排：第十一届民营经济创意会').waitFor();
    const row = page.getByRole('row', { name: /第十一届民营经济创意会/ });
    const themeEn = row.getByRole('textbox', { name: '英文主题' });
    expect(await themeEn.inputValue()).toBe('Smart manufacturing');
    await themeEn.fill('Intelligent manufacturing');
    await row.getByRole('button', { name: '保存英文主题' }).click();
    await page.getByText('已提交，页面已更新。').waitFor();
    const position = await writtenPosition(page);
    expect(ui.errors).toEqual([]);
    await ui.close();

    const listed = await get(api, `/api/conferences?minPosition=${position}`, world.leader);
    expect(listed.body).toContainEqual(
      expect.objectContaining({
        title: '第十一届民营经济创意会',
        theme: '智能制造',
        themeEn: 'Intelligent manufacturing',
      }),
    );
    const {
      page: en,
      errors,
      close,
    } = await logIn(await openUi(browser, api.baseUrl, { lang: 'en' }), world.leader.username, world.leader.password);
    await en.goto(`${api.baseUrl}/#/conferences`);
    const enRow = en.getByRole('row', { name: /第十一届民营经济创意会/ });
    await enRow.getByRole('cell', { name: 'Intelligent manufacturing', exact: true }).waitFor();
    expect(await enRow.getByText('智能制造').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it("in English mode the dashboard's conference bar shows the English theme, in Chinese the Chinese one", async () => {
    const conference = await post(api, '/api/conferences', world.taskforce, {
      title: '第十届民营经济创意会',
      theme: '海洋经济',
      heldOn: dateDaysAgo(40),
    });
    const themed = await patch(api, `/api/conferences/${conference.body.id}`, world.taskforce, {
      themeEn: 'Ocean economy',
    });
    const project = await projectAt(world, 'approved');
    const presented = await post(api, `/api/projects/${project.id}/presentations`, world.taskforce, {
      conferenceId: conference.body.id,
      occurredAt: daysAgo(30),
    });
    expect([conference.status, themed.status, presented.status]).toEqual([201, 200, 200]);
    // Written through the API, not the page: wait here until the dashboard's read models hold it.
    const bars = await get(
      api,
      `/api/dashboard/landing-rate?groupBy=conference&minPosition=${presented.body.position}`,
      world.leader,
    );
    expect(bars.body).toContainEqual(expect.objectContaining({ key: conference.body.id, themeEn: 'Ocean economy' }));

    const { page, errors, close } = await logIn(
      await openUi(browser, api.baseUrl, { lang: 'en' }),
      world.leader.username,
      world.leader.password,
    );
    const panel = page.locator('section.panel', {
      has: page.getByRole('heading', { level: 2, name: 'Landing rate by conference' }),
    });
    await panel.getByText('Projects of each group').click();
    await panel.getByRole('link', { name: 'Ocean economy' }).waitFor();
    expect(await panel.getByRole('link', { name: '海洋经济' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Switch language' }).click();
    const zhPanel = page.locator('section.panel', {
      has: page.getByRole('heading', { level: 2, name: '各期创意会落地率' }),
    });
    await zhPanel.getByRole('link', { name: '海洋经济' }).waitFor({ state: 'attached' });
    expect(await zhPanel.getByRole('link', { name: 'Ocean economy' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
