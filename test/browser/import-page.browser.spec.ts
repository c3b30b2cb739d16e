/**
 * The 导入台账 page in Debian's Chromium: the task force uploads a ledger, checks it, sees each
 * problem at its row and column, cannot import while there are any, fixes the file, checks it
 * again and imports it; the projects are then in the project list.
 */
import { Browser } from 'playwright-core';
import { createUserAndLogin, TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { DEPARTMENTS, ledger, qingdaoRows } from '../e2e/excel.helpers';
import { get, post } from '../e2e/projects.helpers';
import {
  buildWebUi,
  describeWithChromium,
  launchBrowser,
  logIn,
  openUi,
  screenshot,
  UiSession,
  writtenPosition,
} from './harness';

jest.setTimeout(180_000);

describeWithChromium('the import page', () => {
  let api: RunningApi;
  let browser: Browser;
  let taskforce: TestUser;
  let session: UiSession;

  beforeAll(async () => {
    await buildWebUi();
    api = await startApi();
    taskforce = await createUserAndLogin(api, 'taskforce');
    const admin = await createUserAndLogin(api, 'admin');
    for (const d of DEPARTMENTS) await post(api, '/api/departments', admin, d);
    browser = await launchBrowser();
    session = await logIn(await openUi(browser, api.baseUrl), taskforce.username, taskforce.password);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await api?.stop();
  });

  it('checks a ledger, shows its problems by row and column, and imports it once fixed', async () => {
    const { page } = session;
    await page.getByRole('link', { name: '导入台账' }).click();
    await page.getByRole('heading', { level: 1, name: '导入项目台账' }).waitFor();

    const rows = qingdaoRows().slice(0, 5);
    const broken = rows.map((row, i) =>
      i === 1 ? { ...row, 入库日期: '2024-02-30' } : i === 3 ? { ...row, 牵头部门: '市不存在局' } : row,
    );
    await page.getByLabel('台账文件（.xlsx）').setInputFiles({
      name: '台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await ledger(broken),
    });
    await page.getByRole('button', { name: '检查' }).click();
    const table = page.locator('table.import-errors');
    await table.waitFor();
    expect(await table.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^4\s+入库日期\s+INVALID_DATE/),
      expect.stringMatching(/^6\s+牵头部门\s+UNKNOWN_DEPARTMENT/),
    ]);
    expect(await page.getByRole('button', { name: '导入' }).isDisabled()).toBe(true);
    await screenshot(page, 'import-problems');

    await page.getByLabel('台账文件（.xlsx）').setInputFiles({
      name: '台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await ledger(rows),
    });
    await page.getByRole('button', { name: '检查' }).click();
    await page.getByText('没有问题，可以导入。').waitFor();
    await page.getByRole('button', { name: '导入' }).click();
    await page.getByText('已导入 5 个项目').waitFor();
    // The list is a read model: read it at the position the page remembered from the import.
    const position = await writtenPosition(page);
    expect((await get(api, `/api/projects?pageSize=1&minPosition=${position}`, taskforce)).body.total).toBe(5);
    expect(session.errors).toEqual([]);
  });
});
