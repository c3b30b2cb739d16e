/**
 * The notification bell and the channels page in Debian's Chromium: a department user sees the
 * unread count of the plans assigned to the department, opens the bell, marks one read (the
 * count follows) and lists all; the admin registers a WeCom robot (a real receiver on
 * 127.0.0.1) and sees its delivery.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { RunningApi, startApi } from '../support/start-api';
import { createWorld, get, projectAt, World } from '../e2e/projects.helpers';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi, screenshot } from './harness';

jest.setTimeout(180_000);

describeWithChromium('notifications in the browser', () => {
  let api: RunningApi;
  let browser: Browser;
  let world: World;
  let robot: Server;
  let robotUrl: string;
  const robotMessages: unknown[] = [];

  beforeAll(async () => {
    await buildWebUi();
    robot = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        robotMessages.push(JSON.parse(raw));
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
    api = await startApi({ LUODI_DELIVERY_POLL_MS: '50' });
    world = await createWorld(api);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await new Promise((resolve) => robot?.close(resolve));
  });

  it('shows the unread count on the bell, lists the notifications and marks one read', async () => {
    await projectAt(world, 'assigned');
    await projectAt(world, 'assigned');
    // Wait for the read models, as the page's first look would otherwise race the projector.
    for (let unread = 0; unread < 2; await new Promise((resolve) => setTimeout(resolve, 50)))
      unread = (await get(api, '/api/auth/me', world.industry)).body.unreadNotifications;

    const session = await logIn(await openUi(browser, api.baseUrl), world.industry.username, world.industry.password);
    const { page } = session;
    const bell = page.getByRole('button', { name: '2 条未读通知' });
    await bell.waitFor();
    expect(await page.getByTestId('unread-count').innerText()).toBe('2');
    await bell.click();
    const menu = page.getByRole('dialog', { name: '通知' });
    await menu.getByText('新的落地任务').first().waitFor();
    expect(await menu.getByRole('listitem').count()).toBe(2);
    expect(await menu.getByRole('listitem').first().innerText()).toContain('牵头：industry；配合：resources');
    await screenshot(page, 'notification-bell');
    await menu
      .getByRole('button', { name: /^标为已读：/ })
      .first()
      .click();
    await page.getByRole('button', { name: '1 条未读通知' }).waitFor();
    expect(await menu.getByRole('button', { name: /^标为已读：/ }).count()).toBe(1);

    await menu.getByRole('link', { name: '全部通知' }).click();
    await page.getByRole('heading', { level: 1, name: '通知' }).waitFor();
    await session.settled();
    const rows = page.locator('table.table tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringContaining('智能港口装备'),
      expect.stringContaining('智能港口装备'),
    ]);
    expect(await page.locator('table.table').getByText('已读', { exact: true }).count()).toBe(1);
    expect(session.errors).toEqual([]);
    await session.close();
  });

  it('lets the admin register a WeCom robot and see its delivery', async () => {
    const session = await logIn(await openUi(browser, api.baseUrl), 'admin', api.adminPassword);
    const { page } = session;
    await page.getByRole('link', { name: '推送渠道' }).click();
    await page.getByRole('heading', { level: 1, name: '推送渠道' }).waitFor();
    const form = page.getByRole('form', { name: '新增推送渠道' });
    await form.getByLabel('名称').fill('工信局工作群');
    await form.getByLabel('地址（Webhook URL）').fill(robotUrl);
    await form.getByRole('button', { name: '创建' }).click();
    await page.getByText('已新增推送渠道“工信局工作群”。').waitFor();
    await page.getByRole('cell', { name: '工信局工作群' }).waitFor();

    await projectAt(world, 'assigned');
    await page.getByRole('link', { name: '推送记录' }).click();
    await page.getByRole('heading', { level: 1, name: '推送记录：工信局工作群' }).waitFor();
    for (let tries = 0; tries < 100 && !(await page.getByText('已送达').count()); tries++) {
      await page.waitForTimeout(200);
      await page.reload();
    }
    await page.getByText('已送达').waitFor();
    expect(robotMessages).toEqual([
      { msgtype: 'markdown', markdown: { content: expect.stringContaining('新的落地任务') } },
    ]);
    await screenshot(page, 'webhook-deliveries');
    expect(session.errors).toEqual([]);
    await session.close();
  });
});
