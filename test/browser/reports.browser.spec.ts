/**
 * The scorecard, report (通报) and backtest pages in Debian's Chromium, on the small October 2026
 * cohort of test/e2e/reports.e2e.spec.ts: the task force publishes October's report from the
 * reports page and reads it as a 通报 (overall figures, ranking with its weights, the overdue
 * milestone in red, the outlook), in Chinese and in English, and prints it on A4 without the
 * controls; the leader ranks the departments and drills down from a figure to the milestone
 * behind it; the dashboard shows how past forecasts did.
 */
import { Browser } from 'playwright-core';
import { approvingReview, createWorld, post, get, Reply, validSubmission, World } from '../e2e/projects.helpers';
import { RunningApi, startApi } from '../support/start-api';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi, screenshot, UiSession } from './harness';

jest.setTimeout(180_000);

const cst = (date: string) => `${date}T10:00:00+08:00`;

describeWithChromium('scorecards, reports and the backtest in the browser', () => {
  let api: RunningApi;
  let browser: Browser;
  let world: World;
  let session: UiSession;

  const ok = (reply: Reply): Reply => {
    if (reply.status >= 300) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
    return reply;
  };

  beforeAll(async () => {
    await buildWebUi();
    api = await startApi();
    world = await createWorld(api);
    const { taskforce } = world;
    const conferenceId = ok(
      await post(api, '/api/conferences', taskforce, { title: '夏季创意会', heldOn: '2026-08-10' }),
    ).body.id;
    const project = async (
      title: string,
      lead: string,
      milestones: { title: string; dueOn: string; departmentCode: string }[],
    ) => {
      const id = ok(
        await post(
          api,
          '/api/projects',
          taskforce,
          validSubmission(world.enterpriseId, { title, occurredAt: cst('2026-08-01') }),
        ),
      ).body.id;
      ok(
        await post(api, `/api/projects/${id}/reviews`, world.reviewer, {
          ...approvingReview,
          occurredAt: cst('2026-08-05'),
        }),
      );
      ok(
        await post(api, `/api/projects/${id}/presentations`, taskforce, {
          conferenceId,
          occurredAt: cst('2026-08-10'),
        }),
      );
      ok(
        await post(api, `/api/projects/${id}/assignments`, taskforce, {
          leadDepartment: lead,
          supportingDepartments: [lead === 'industry' ? 'resources' : 'industry'],
          milestones: milestones.map((m) => ({ ...m, owner: '王伟' })),
          occurredAt: cst('2026-09-01'),
        }),
      );
      const plan = (await get(api, `/api/projects/${id}`, taskforce)).body.plan.milestones;
      return {
        id,
        ids: Object.fromEntries(plan.map((m: { title: string; milestoneId: string }) => [m.title, m.milestoneId])),
      };
    };
    const a = await project('深远海养殖工船', 'industry', [
      { title: '签订投资协议', dueOn: '2026-10-10', departmentCode: 'industry' },
      { title: '完成用地供应', dueOn: '2026-10-20', departmentCode: 'resources' },
    ]);
    const b = await project('海洋牧场数字平台', 'commerce', [
      { title: '项目签约', dueOn: '2026-10-15', departmentCode: 'commerce' },
    ]);
    const done = (id: string, milestoneId: string, date: string) =>
      post(api, `/api/projects/${id}/progress`, taskforce, {
        milestoneId,
        note: '完成',
        done: true,
        occurredAt: cst(date),
      });
    ok(await done(a.id, a.ids['签订投资协议'], '2026-10-08'));
    ok(await done(b.id, b.ids['项目签约'], '2026-10-15'));
    const landed = ok(
      await post(api, `/api/projects/${b.id}/landing`, taskforce, { landedOn: '2026-10-25', confirmOpenItems: true }),
    );
    await get(api, `/api/dashboard/summary?minPosition=${landed.body.position}`, world.leader);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await api?.stop();
  });

  it('publishes October’s report and reads it as a 通报, then in English', async () => {
    session = await logIn(await openUi(browser, api.baseUrl), world.taskforce.username, world.taskforce.password);
    const { page } = session;
    await page.goto(`${api.baseUrl}/#/reports`);
    await page.getByRole('heading', { level: 1, name: '落地工作通报' }).waitFor();
    // A period that has not ended is refused at its field.
    await page.getByLabel('通报期').fill('2999-01');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText('通报期尚未结束，结束后才能发布通报。').waitFor();

    await page.getByLabel('通报期').fill('2026-10');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '2026-10 月度落地工作通报' }).waitFor();
    await session.settled();
    const main = page.locator('main');
    expect(await page.getByTestId('report-summary').innerText()).toContain(
      '截至 2026-10-31，入库项目 2 个，已落地 1 个，落地率 50.0%',
    );
    expect(await page.getByTestId('weights').first().innerText()).toContain('节点按时 50%');
    const ranking = page.getByRole('table', { name: '二、部门考核排名' });
    expect(await ranking.locator('tbody tr').count()).toBe(3);
    expect(await ranking.locator('tbody tr').first().locator('td').nth(1).innerText()).toBe('commerce');
    const overdue = page.getByRole('table', { name: '逾期未完成节点' }).locator('tbody tr');
    expect(await overdue.count()).toBe(1);
    expect(await overdue.first().getAttribute('class')).toBe('row-overdue');
    expect(await overdue.first().innerText()).toMatch(/resources\s+深远海养殖工船\s+完成用地供应\s+2026-10-20\s+11/);
    expect(await main.innerText()).toContain('四、落地预测');
    expect(await page.getByRole('button', { name: '导出Excel' }).isVisible()).toBe(true);
    await screenshot(page, 'report');

    // Printed: no navigation or controls, the heading and figures on A4.
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
      expect(await page.getByRole('heading', { level: 1, name: '2026-10 月度落地工作通报' }).isVisible()).toBe(true);
      const stamp = await page.evaluate(`document.querySelector('style[data-print-stamp]')?.textContent ?? ''`);
      expect(stamp).toContain('2026-10 月度落地工作通报');
      expect(stamp).toContain('截至 2026-10-31');
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }

    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monthly landing report 2026-10' }).waitFor();
    expect(await page.getByTestId('report-summary').innerText()).toContain(
      'By 2026-10-31, 2 projects were in the library',
    );
    await page.getByRole('button', { name: 'Switch language' }).click();
    await page.getByRole('heading', { level: 1, name: '2026-10 月度落地工作通报' }).waitFor();

    await page.goto(`${api.baseUrl}/#/reports`);
    await page.getByRole('link', { name: '2026-10 月度落地工作通报' }).waitFor();
  });

  it('ranks the departments with the weights shown, and drills down from a figure to its milestone', async () => {
    expect(session.errors).toEqual([]); // the task force's pages
    await session.close();
    session = await logIn(await openUi(browser, api.baseUrl), world.leader.username, world.leader.password);
    const { page } = session;
    await page.goto(`${api.baseUrl}/#/scorecards?from=2026-10-01&to=2026-10-31`);
    await page.getByRole('heading', { level: 1, name: '部门考核排名' }).waitFor();
    await session.settled();
    expect(await page.getByTestId('weights').innerText()).toContain('督办签收 0% · 企业满意度 0%');
    const rows = page.getByRole('table', { name: '部门排名' }).locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const resources = rows.filter({ hasText: 'resources' });
    expect(await resources.locator('td').nth(0).innerText()).toBe('3');
    // 逾期未完成 of resources: one milestone, a link to it.
    await resources.locator('td').nth(6).getByRole('link', { name: '1' }).click();
    await page.getByRole('heading', { level: 1, name: /考核明细/ }).waitFor();
    await session.settled();
    const items = page.locator('main table tbody tr');
    expect(await items.count()).toBe(1);
    expect(await items.first().innerText()).toMatch(/深远海养殖工船\s+完成用地供应\s+2026-10-20\s+—\s+逾期未完成\s+11/);
    await screenshot(page, 'scorecard-items');
  });

  it('shows on the dashboard how past forecasts did', async () => {
    const { page } = session;
    await page.goto(`${api.baseUrl}/#/dashboard`);
    await page.getByRole('heading', { level: 2, name: '过去的预测表现如何' }).waitFor();
    await page.getByTestId('backtest-coverage').waitFor();
    expect(await page.getByTestId('backtest-coverage').innerText()).toMatch(
      /已能检验的 \d+ 个时点中，80% 区间覆盖实际 \d+ 次/,
    );
    expect(await page.getByRole('img', { name: '过去的预测表现如何' }).isVisible()).toBe(true);
  });

  it('logs no console error', () => {
    expect(session.errors).toEqual([]);
  });
});
