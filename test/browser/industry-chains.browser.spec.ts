/**
 * The industry chains admin page in Debian's Chromium, on the real API and a fresh database: the
 * admin adds a chain from the menu's page and gives it an English name. No page may log a console error.
 */
import { Browser } from 'playwright-core';
import { send } from '../e2e/projects.helpers';
import { RunningApi, startApi } from '../support/start-api';
import { login } from '../support/auth-helpers';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi, screenshot } from './harness';

jest.setTimeout(120_000);

describeWithChromium('industry chains in the browser', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    await buildWebUi();
    api = await startApi();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the admin adds a chain and gives it an English name', async () => {
    const ui = await logIn(await openUi(browser, api.baseUrl), 'admin', api.adminPassword);
    const { page } = ui;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '产业链管理' }).click();
    await page.getByRole('heading', { level: 1, name: '产业链管理' }).waitFor();
    const create = page.getByRole('form', { name: '新增产业链' });
    await create.getByLabel('名称', { exact: true }).fill('深海探测装备');
    await create.getByRole('button', { name: '创建' }).click();
    await create.getByText('已新增产业链：深海探测装备').waitFor();
    const row = page.getByRole('row', { name: /深海探测装备/ });
    await row.getByRole('textbox', { name: '英文名称' }).fill('Deep-sea exploration equipment');
    await row.getByRole('button', { name: '保存英文名称' }).click();
    await page.getByText('已提交，页面已更新。').waitFor();
    await ui.settled();
    await screenshot(page, 'industry-chains');
    expect(ui.errors).toEqual([]);
    await ui.close();

    const { accessToken } = await login(api.baseUrl, 'admin', api.adminPassword);
    const chains = await send(api, 'GET', '/api/industry-chains', undefined, undefined, {
      Authorization: `Bearer ${accessToken}`,
    });
    expect(chains.body).toEqual(
      expect.arrayContaining([{ name: '深海探测装备', nameEn: 'Deep-sea exploration equipment' }]),
    );
  });
});
