/**
 * Reference data in the UI (issue 19): the chain choices come from GET /api/industry-chains, a
 * filter no project matches says so, and English mode shows a department's English name.
 */
import { Browser } from 'playwright-core';
import { RunningApi, startApi } from '../support/start-api';
import { createWorld, patch, post, World } from '../e2e/projects.helpers';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi } from './harness';

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
});
