/**
 * 挂图作战 on a wall screen: an admin issues a display token; the screen opens its address with
 * no login, fills 1920×1080 without scrolling in large type, refreshes itself, survives a reload
 * (the token is kept in the screen's browser, not in a session that ends after 8 hours), and
 * says so — instead of showing a login page — once the admin revokes the token.
 */
import { Browser } from 'playwright-core';
import { adminToken, authHeaders, createUserAndLogin } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi, screenshot } from './harness';
import { PipelineFacts, seedPipeline } from './seed-pipeline';

jest.setTimeout(120_000);

const cstDate = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describeWithChromium('the wall screen (挂图作战)', () => {
  let api: RunningApi;
  let browser: Browser;
  let wallUrl = '';

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
    const departments = ['industry', 'commerce', 'finance'];
    for (const [code, name] of departments.map((code, i) => [code, ['市工业和信息化局', '市商务局', '市财政局'][i]])) {
      await create('/api/departments', { code, name });
    }
    const conferences = await Promise.all(
      ['海洋经济', '智能制造', '数字经济'].map(async (theme, i) => {
        const title = `第${i + 5}期民营经济创意会`;
        const heldOn = cstDate(-700 + i * 100);
        return { id: (await create('/api/conferences', { title, theme, heldOn })).id, title, heldOn };
      }),
    );
    const enterprises = await Promise.all(
      Array.from({ length: 8 }, (_, i) => `青岛示范企业${i + 1}有限公司`).map(async (name) => ({
        id: (await create('/api/enterprises', { name })).id,
        name,
      })),
    );
    const reviewer = await createUserAndLogin(api, 'reviewer');
    const facts: PipelineFacts = {
      enterprises,
      conferences,
      departments,
      reviewer: { userId: reviewer.id, username: reviewer.username },
    };
    await seedPipeline(api.databaseUrl, facts, 200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('admin issues a display token; its address is shown once', async () => {
    const { page, errors, close } = await logIn(await openUi(browser, api.baseUrl), 'admin', api.adminPassword);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '大屏令牌' }).click();
    await page.getByLabel('大屏名称').fill('专班指挥大厅 1 号屏');
    await page.getByRole('button', { name: '发放', exact: true }).click();
    wallUrl = (await page.locator('code.wall-url').textContent()) ?? '';
    expect(wallUrl).toMatch(/#\/wall\?token=ldd_[\w-]{43}$/);
    await page.locator('tr', { hasText: '专班指挥大厅 1 号屏' }).getByText('使用中').waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('fills 1920×1080 without scrolling, in large type, with no login; refreshes itself and survives a reload', async () => {
    const { page, errors, close } = await openUi(browser, api.baseUrl, { viewport: { width: 1920, height: 1080 } });
    const summaries: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/dashboard/summary') summaries.push(Date.now());
    });
    await page.goto(`${wallUrl}&refresh=5`);
    await page.getByRole('heading', { level: 1, name: '民营企业创意项目落地 · 挂图作战' }).waitFor();
    await page.locator('.wall-kpi-value', { hasText: /^\d+$/ }).first().waitFor();
    await page.locator('.wall canvas').nth(2).waitFor();
    expect(page.url()).not.toContain('token=');
    // A string: the test compiles without the DOM's types.
    const box = (await page.evaluate(`({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      wallBottom: Math.max(...[...document.querySelectorAll('.wall *')].map((e) => e.getBoundingClientRect().bottom)),
      kpiFont: parseFloat(getComputedStyle(document.querySelector('.wall-kpi-value')).fontSize),
    })`)) as { scrollHeight: number; scrollWidth: number; wallBottom: number; kpiFont: number };
    expect(box.scrollHeight).toBeLessThanOrEqual(1080);
    expect(box.scrollWidth).toBeLessThanOrEqual(1920);
    expect(box.wallBottom).toBeLessThanOrEqual(1080);
    expect(box.kpiFont).toBeGreaterThanOrEqual(48);
    await screenshot(page, 'wall-1920x1080');

    // It refreshes itself (every 5 s here; a minute by default).
    const first = summaries.length;
    for (let waited = 0; summaries.length === first; waited += 250) {
      if (waited > 15_000) throw new Error('the wall did not refresh');
      await page.waitForTimeout(250);
    }
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '民营企业创意项目落地 · 挂图作战' }).waitFor();
    await page.locator('.wall-kpi-value', { hasText: /^\d+$/ }).first().waitFor();
    expect(await page.getByLabel('密码').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('says the token is revoked at its next refresh, instead of showing a login page', async () => {
    const { page, close } = await openUi(browser, api.baseUrl, { viewport: { width: 1920, height: 1080 } });
    await page.goto(`${wallUrl}&refresh=5`);
    await page.locator('.wall-kpi-value', { hasText: /^\d+$/ }).first().waitFor();
    const admin = authHeaders(await adminToken(api));
    const [token] = (await (await fetch(`${api.baseUrl}/api/display-tokens`, { headers: admin })).json()) as {
      id: string;
    }[];
    const revoked = await fetch(`${api.baseUrl}/api/display-tokens/${token.id}/revoke`, {
      method: 'POST',
      headers: admin,
      body: '{}',
    });
    expect(revoked.status).toBe(200);
    await page.getByText('此大屏的令牌已停用或无效，请管理员重新发放大屏地址。').waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('密码').count()).toBe(0);
    await close();
  });
});
