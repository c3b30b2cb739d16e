/**
 * Supervision (督办) in Debian's Chromium, on the real API and a fresh database: the department
 * sees the ladder colours and "逾期 N 天" in its inbox, signs for (签收) and answers (反馈) a
 * notice there; the task force finds it answered on the 督办 page; the project page shows the
 * ladder and issues a notice; the leader sees the escalated items; 全部逾期 lists every overdue
 * milestone, each opening its project. No page may log a console error.
 */
import { Browser } from 'playwright-core';
import { createWorld, dateDaysAgo, daysAgo, get, post, projectAt, World } from '../e2e/projects.helpers';
import { RunningApi, startApi } from '../support/start-api';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi, screenshot, writtenPosition } from './harness';

jest.setTimeout(120_000);

describeWithChromium('supervision in the browser', () => {
  let api: RunningApi;
  let browser: Browser;
  let world: World;
  let projectId: string;
  let noticeId: string;

  beforeAll(async () => {
    await buildWebUi();
    api = await startApi();
    world = await createWorld(api);
    projectId = (await projectAt(world, 'presented')).id;
    const assigned = await post(api, `/api/projects/${projectId}/assignments`, world.taskforce, {
      leadDepartment: 'industry',
      supportingDepartments: ['resources'],
      milestones: [
        { title: '完成用地供应', dueOn: dateDaysAgo(20), departmentCode: 'resources', owner: '李娜' },
        { title: '签订投资协议', dueOn: dateDaysAgo(-60), departmentCode: 'industry', owner: '王伟' },
      ],
      occurredAt: daysAgo(25),
    });
    if (assigned.status !== 200) throw new Error(`assignment failed: ${JSON.stringify(assigned.body)}`);
    const { plan } = (await get(api, `/api/projects/${projectId}`, world.taskforce)).body;
    const issued = await post(api, `/api/projects/${projectId}/supervision-notices`, world.taskforce, {
      milestoneId: plan.milestones[0].milestoneId,
      level: 'supervision',
      message: '请于三日内完成用地挂牌并反馈',
    });
    if (issued.status !== 201) throw new Error(`notice failed: ${JSON.stringify(issued.body)}`);
    noticeId = issued.body.id;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the department signs for and answers a notice in its inbox', async () => {
    const ui = await logIn(await openUi(browser, api.baseUrl), world.resources.username, world.resources.password);
    const { page } = ui;
    await page.getByRole('heading', { level: 1, name: /部门待办/ }).waitFor();
    // The milestone due 20 days ago: escalated (overdue by more than 14 days).
    await page.getByText('升级督办 · 逾期 20 天').waitFor();
    const notices = page.getByRole('region', { name: '本部门督办单' });
    await notices.getByText('请于三日内完成用地挂牌并反馈').waitFor();
    await notices.getByText('待签收').waitFor();
    await notices.getByRole('button', { name: '签收：请于三日内完成用地挂牌并反馈' }).click();
    await notices.getByText('已签收').waitFor();
    await notices.getByRole('button', { name: '反馈：请于三日内完成用地挂牌并反馈' }).click();
    const form = notices.getByRole('form', { name: '反馈' });
    await form.getByRole('button', { name: '提交' }).click();
    await form.getByText('必填').waitFor();
    await form.getByLabel('反馈意见').fill('已完成挂牌出让，合同本周签订');
    await form.getByRole('button', { name: '提交' }).click();
    await notices.getByText('没有待办的督办单。').waitFor();
    await ui.settled();
    await screenshot(page, 'supervision-inbox');
    expect(ui.errors).toEqual([]);
    await ui.close();

    const answered = await get(api, '/api/supervision-notices?status=answered', world.taskforce);
    expect(answered.body.items).toEqual([
      expect.objectContaining({ noticeId, note: '已完成挂牌出让，合同本周签订', acknowledgedAt: expect.any(String) }),
    ]);
  });

  it('the task force sees it answered on the 督办 page and issues a notice from the project page', async () => {
    const ui = await logIn(await openUi(browser, api.baseUrl), world.taskforce.username, world.taskforce.password);
    const { page } = ui;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '督办' }).click();
    await page.getByRole('heading', { level: 1, name: '督办' }).waitFor();
    await page.getByLabel('状态').selectOption('answered');
    await page.getByText('反馈：已完成挂牌出让，合同本周签订').waitFor();
    await ui.settled();
    await screenshot(page, 'supervision-page');

    await page.goto(`${api.baseUrl}/#/projects/${projectId}`);
    const panel = page.getByRole('region', { name: '督办预警' });
    await panel
      .getByRole('row', { name: /完成用地供应/ })
      .getByText('升级督办 · 逾期 20 天')
      .waitFor();
    await panel
      .getByRole('row', { name: /签订投资协议/ })
      .getByText('正常')
      .waitFor();
    const form = panel.getByRole('form', { name: '发督办单' });
    await form.getByLabel('事项').selectOption({ label: '签订投资协议' });
    await form.getByLabel('内容').fill('请加快协议谈判');
    await form.getByRole('button', { name: '发督办单' }).click();
    await form.getByText('已发出。').waitFor();
    expect(ui.errors).toEqual([]);
    const position = await writtenPosition(page);
    await ui.close();
    const industry = await get(
      api,
      `/api/supervision-notices?department=industry&minPosition=${position}`,
      world.taskforce,
    );
    expect(industry.body.items).toEqual([expect.objectContaining({ message: '请加快协议谈判', level: 'reminder' })]);
  });

  it('the leader sees the ladder counted on the dashboard, and the escalated items', async () => {
    const ui = await logIn(await openUi(browser, api.baseUrl), world.leader.username, world.leader.password);
    const { page } = ui;
    const ladder = page.getByRole('region', { name: '督办预警' });
    await ladder.getByText('升级督办 1').waitFor();
    await ladder.getByText('正常 1').waitFor();
    await ladder.getByRole('link', { name: '督办预警' }).click();
    const escalated = page.getByRole('region', { name: '升级督办事项' });
    await escalated.getByText('完成用地供应').waitFor();
    await escalated.getByText(/升级督办 1/).waitFor();
    await ui.settled();
    await screenshot(page, 'supervision-leader');
    expect(ui.errors).toEqual([]);
    await ui.close();
  });

  it('the task force finds every overdue milestone under 全部逾期, each opening its project', async () => {
    const ui = await logIn(await openUi(browser, api.baseUrl), world.taskforce.username, world.taskforce.password);
    const { page } = ui;
    await page.goto(`${api.baseUrl}/#/supervision`);
    const overdue = page.getByRole('region', { name: '全部逾期' });
    await overdue.getByText('共 1 个逾期节点，逾期最久的在前').waitFor();
    const row = overdue.getByRole('row', { name: /完成用地供应/ });
    await row.getByRole('cell', { name: '李娜' }).waitFor();
    await row.getByRole('cell', { name: '20', exact: true }).waitFor();
    // Not yet due: not listed.
    expect(await overdue.getByText('签订投资协议').count()).toBe(0);
    await ui.settled();
    await screenshot(page, 'supervision-overdue');
    await row.getByRole('link').click();
    await page.waitForURL(`**/#/projects/${projectId}`);
    await page.getByRole('region', { name: '督办预警' }).getByRole('cell', { name: '完成用地供应' }).waitFor();
    expect(ui.errors).toEqual([]);
    await ui.close();
  });
});
