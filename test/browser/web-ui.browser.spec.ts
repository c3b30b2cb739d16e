/**
 * The web UI end to end in Debian's Chromium: the real API on a fresh database serves the freshly
 * built UI, and each role logs in and does its main work through the pages — the task force
 * submits, presents, plans and lands a project, the reviewer reviews it, the department reports
 * from its inbox (once, though the network loses an answer), the leader reads the dashboard, the
 * admin manages departments and users, the task force conferences and enterprises — with the
 * API's refusals worded in Chinese at the forms. Screenshots of the main pages go to
 * test-results/screenshots/. No page may log a console error other than the failed requests the
 * test provokes on purpose.
 */
import { Browser, Locator, Page } from 'playwright-core';
import { adminToken, authHeaders, createUserAndLogin, TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi as openBrowserUi, screenshot } from './harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const DAY = 86_400_000;
/** A business date (CST) `days` from today. */
const cstDate = (days = 0): string => new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

const TITLE = '海洋装备智能工厂';
const ENTERPRISE = '青岛蓝海智造有限公司';
const MILESTONE = '签订投资协议';

jest.setTimeout(120_000);

describeWithChromium('web UI in the browser', () => {
  let api: RunningApi;
  let browser: Browser;
  let taskforce: TestUser;
  let reviewer: TestUser;
  let department: TestUser;
  let leader: TestUser;
  let projectId: string;
  let enterpriseId: string;

  beforeAll(async () => {
    // The API serves dist/web: build it from the current sources first.
    await buildWebUi();
    api = await startApi();

    const admin = authHeaders(await adminToken(api));
    const create = async (path: string, body: unknown) => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify(body),
      });
      if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ id?: string }>;
    };
    await create('/api/departments', { code: 'industry', name: '市工业和信息化局' });
    await create('/api/departments', { code: 'natural-resources', name: '市自然资源和规划局' });
    await create('/api/conferences', { title: '第七期民营经济创意会', theme: '海洋经济', heldOn: cstDate() });

    taskforce = await createUserAndLogin(api, 'taskforce');
    reviewer = await createUserAndLogin(api, 'reviewer');
    department = await createUserAndLogin(api, 'department', 'industry');
    leader = await createUserAndLogin(api, 'leader');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  const openUi = () => openBrowserUi(browser, api.baseUrl);
  const loginWith = async (username: string, password: string) => logIn(await openUi(), username, password);
  const loginAs = (user: TestUser) => loginWith(user.username, user.password);

  /** The labelled control's own message from the API, shown next to it. */
  const errorAt = (page: Page, label: string | Locator): Locator =>
    page
      .locator('.field', { has: typeof label === 'string' ? page.getByLabel(label, { exact: true }) : label })
      .locator('.field-error');

  const openProject = async (page: Page) => {
    await page.goto(`${api.baseUrl}/#/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  };

  const statusIs = (page: Page, status: string) => page.locator('h1 .badge', { hasText: status }).waitFor();

  it('refuses a wrong password in Chinese, with the API’s own words in the tooltip', async () => {
    const { page, errors, close } = await openUi();
    await screenshot(page, 'login');
    await page.getByLabel('用户名').fill(taskforce.username);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    const message = page.getByRole('alert').getByText('用户名或密码错误。');
    await message.waitFor();
    expect(await message.getAttribute('title')).toBe('Wrong username or password.');
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('task force: registers an enterprise and submits a project, after the API refuses a missing title', async () => {
    const { page, errors, close } = await loginAs(taskforce);
    await page.getByRole('link', { name: '申报项目' }).click();
    await page.getByRole('button', { name: '登记新企业' }).click();
    await page.getByLabel('企业名称').fill(ENTERPRISE);
    await page.getByLabel('区（市）', { exact: true }).selectOption('黄岛区');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText(`已登记：${ENTERPRISE}`).waitFor();

    await page.getByLabel('产业链').locator('option[value="船舶海工装备"]').waitFor({ state: 'attached' });
    await page.getByLabel('产业链').selectOption('船舶海工装备');
    await page.getByLabel('所在区（市）').selectOption('黄岛区');
    await page.getByLabel('计划投资（万元）').fill('20000');
    await page.getByRole('button', { name: '添加诉求' }).click();
    await page.getByLabel('诉求类型').selectOption('land');
    await page.getByLabel('诉求内容').fill('需要 80 亩工业用地');
    await page.getByRole('button', { name: '提交申报' }).click();
    await errorAt(page, '项目名称')
      .filter({ hasText: /^必填$/ })
      .waitFor();
    expect(await errorAt(page, '项目名称').getAttribute('title')).toContain('title should not be empty');
    await screenshot(page, 'new-project-validation-error');

    await page.getByLabel('项目名称').fill(TITLE);
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await statusIs(page, '已申报');
    projectId = /#\/projects\/([^/?]+)/.exec(page.url())![1];
    enterpriseId = /#\/enterprises\/([^/?]+)/.exec(
      (await page.getByRole('link', { name: ENTERPRISE }).first().getAttribute('href'))!,
    )![1];
    await page.locator('.timeline li', { hasText: '项目申报' }).waitFor();

    await page.getByRole('link', { name: '项目库', exact: true }).click();
    await page.getByRole('link', { name: TITLE }).waitFor();
    await screenshot(page, 'projects');
    expect(errors).toEqual([]);
    await close();
  });

  it('reviewer: a score out of range is shown at its field, then the project is approved into the library', async () => {
    const { page, errors, close } = await loginAs(reviewer);
    await page.getByLabel('状态').selectOption('submitted');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('button', { name: '评审论证' }).click();
    await page.getByLabel('评审结论').selectOption('approved');
    await page.getByLabel('创意好（0–100）').fill('150');
    await page.getByLabel('论证实（0–100）').fill('82');
    await page.getByLabel('可落地（0–100）').fill('90');
    await page.getByRole('button', { name: '提交' }).click();
    await errorAt(page, '创意好（0–100）')
      .filter({ hasText: /^不能大于 100$/ })
      .waitFor();
    await screenshot(page, 'review-validation-error');

    await page.getByLabel('创意好（0–100）').fill('88');
    await page.getByRole('button', { name: '提交' }).click();
    await statusIs(page, '已入库');
    await page.getByText('创意好 88 · 论证实 82 · 可落地 90').first().waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('task force: presents the project at a conference and assigns a landing plan with a milestone', async () => {
    const { page, errors, close } = await loginAs(taskforce);
    await openProject(page);
    await page.getByRole('button', { name: '创意会发布' }).click();
    await page.getByLabel('创意会', { exact: true }).selectOption({ label: `第七期民营经济创意会（${cstDate()}）` });
    await page.getByRole('button', { name: '提交' }).click();
    await statusIs(page, '已发布');

    await page.getByRole('button', { name: '制定落地方案' }).click();
    await page.getByLabel('牵头部门').selectOption('industry');
    await page.getByRole('combobox', { name: '配合部门' }).fill('自然资源');
    await page
      .getByRole('listbox', { name: '配合部门' })
      .getByRole('option', { name: /市自然资源和规划局/ })
      .click();
    const milestone = page.getByRole('group', { name: '节点 1' });
    await milestone.getByLabel('节点名称').fill(MILESTONE);
    await milestone.getByLabel('完成时限').fill(cstDate(10));
    await milestone.getByLabel('责任部门').selectOption('industry');
    await milestone.getByLabel('责任人').fill('张伟');
    await page.getByRole('button', { name: '提交' }).click();
    await statusIs(page, '推进中');
    // The plan's milestone table (the supervision panel below lists the milestone too).
    await page.locator('table', { hasText: MILESTONE }).first().waitFor();
    await screenshot(page, 'project-assigned');
    expect(errors).toEqual([]);
    await close();
  });

  it('department: reports the milestone done from its inbox; a retry after a lost answer records it once', async () => {
    const { page, errors, close } = await loginAs(department);
    const row = page.locator('tr', { hasText: MILESTONE });
    await row.locator('.badge', { hasText: '即将到期' }).waitFor();
    await page.getByRole('button', { name: `报告进展：${MILESTONE}` }).click();
    await page.getByRole('button', { name: '提交' }).click();
    await errorAt(page, '进展情况').waitFor();
    await page.getByLabel('进展情况').fill('投资协议已签订');
    await page.getByLabel('该节点已完成').check();

    // The API records the report but the network loses its answer. The user submits again; the
    // retry carries the same Idempotency-Key, so the API answers from the first run.
    const keys: string[] = [];
    await page.route('**/api/projects/*/progress', async (route) => {
      keys.push((await route.request().allHeaders())['idempotency-key']);
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort('failed');
    });
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('alert').getByText('无法连接服务器，请检查网络后重试。').waitFor();
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('status').waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
    const history = (await fetch(`${api.baseUrl}/api/projects/${projectId}/history`, {
      headers: taskforce.headers,
    }).then((r) => r.json())) as {
      events: { type: string }[];
    };
    expect(history.events.filter((event) => event.type === 'ProgressReported')).toHaveLength(1);

    // The inbox lists what is still to do; the done milestone shows among all of them.
    await page.getByLabel('显示').selectOption('all');
    await row.locator('.badge', { hasText: '已完成' }).waitFor();
    await screenshot(page, 'inbox');
    // The lost answer, and nothing else.
    expect(errors).toEqual(['Failed to load resource: net::ERR_FAILED']);
    await close();
  });

  it('task force: resolves the enterprise’s need, revises the plan and records the landing; the timeline shows every step', async () => {
    const { page, errors, close } = await loginAs(taskforce);
    await openProject(page);
    await page.getByRole('button', { name: '标记已解决' }).click();
    await page.getByLabel('解决情况').fill('已供应 80 亩工业用地');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已解决：已供应 80 亩工业用地').waitFor();

    // Revising the plan keeps the milestone the department has completed.
    await page.getByRole('button', { name: '调整落地方案' }).click();
    await page.getByRole('group', { name: '节点 1' }).getByLabel('责任人').fill('李强');
    await page.getByRole('button', { name: '提交' }).click();
    await page.locator('.timeline li', { hasText: '调整落地方案' }).waitFor();
    const milestone = page.locator('tr', { hasText: MILESTONE });
    await milestone.getByText('李强').waitFor();
    await milestone.locator('.badge', { hasText: '已完成' }).waitFor();

    await page.getByRole('button', { name: '确认落地' }).click();
    await page.getByLabel('实际投资（万元）').fill('21000');
    await page.getByLabel('佐证材料').fill('投资协议及开工许可');
    await page.getByRole('button', { name: '提交' }).click();
    await statusIs(page, '已落地');
    for (const step of [
      '项目申报',
      '评审论证',
      '创意会发布',
      '制定落地方案',
      '报告进展',
      '解决诉求',
      '调整落地方案',
      '项目落地',
    ]) {
      await page.locator('.timeline li', { hasText: step }).first().waitFor();
    }
    // The milestone done by a progress report is one step, by the department named, not its login.
    const report = page.locator('.timeline li', { hasText: '报告进展' });
    expect(await report.count()).toBe(1);
    await report
      .filter({ hasText: MILESTONE })
      .filter({ hasText: '已完成' })
      .filter({ hasText: '市工业和信息化局' })
      .waitFor();
    expect(await page.locator('.timeline li', { hasText: '完成节点' }).count()).toBe(0);
    expect(await report.textContent()).not.toContain(department.username);
    await screenshot(page, 'project-landed');
    expect(errors).toEqual([]);
    await close();
  });

  it('leader: the dashboard counts the landing, shows the forecast with its sample size, and how it stood yesterday', async () => {
    const { page, errors, close } = await loginAs(leader);
    const kpi = (name: string) => page.getByRole('region', { name, exact: true }).locator('.kpi-value');
    await kpi('入库项目').filter({ hasText: /^1$/ }).waitFor();
    await kpi('已落地').filter({ hasText: /^1$/ }).waitFor();
    await kpi('落地率').filter({ hasText: '100.0%' }).waitFor();
    await kpi('已落地投资').filter({ hasText: '2.1亿元' }).waitFor();
    await page.getByText(/样本量 n = 1/).waitFor();
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'dashboard');

    await page.getByLabel('截至日期').fill(cstDate(-1));
    await page.getByText(`按 ${cstDate(-1)} 当日的情况统计`).waitFor();
    await kpi('入库项目').filter({ hasText: /^0$/ }).waitFor();
    await screenshot(page, 'dashboard-as-of-yesterday');

    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('heading', { level: 1, name: 'Landing dashboard' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Landing dashboard' }).waitFor();
    await screenshot(page, 'dashboard-en');
    await page.getByRole('button', { name: 'Switch language' }).click();
    await page.getByRole('heading', { level: 1, name: '落地看板' }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('every role: opens the enterprise dossier (一企一策) with the project, its need and plan', async () => {
    for (const user of [taskforce, reviewer, department, leader]) {
      const { page, errors, close } = await loginAs(user);
      await page.goto(`${api.baseUrl}/#/enterprises/${enterpriseId}`);
      await page.getByRole('heading', { level: 1, name: ENTERPRISE }).waitFor();
      await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
      await page.getByText('已解决：已供应 80 亩工业用地').waitFor();
      await page.locator('table', { hasText: MILESTONE }).waitFor();
      if (user === leader) await screenshot(page, 'dossier');
      expect({ role: user.role, errors }).toEqual({ role: user.role, errors: [] });
      await close();
    }
  });

  it('admin: adds a department and a user of it, is told in Chinese what is wrong, disables, enables and resets a password', async () => {
    const { page, errors, close } = await loginWith('admin', api.adminPassword);
    const loginStatus = (username: string, password: string) =>
      fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password }),
      }).then((r) => r.status);

    await page.getByRole('link', { name: '部门管理' }).click();
    await page.getByLabel('部门代码').fill('Ocean');
    await page.getByLabel('部门名称').fill('市海洋发展局');
    await page.getByRole('button', { name: '创建' }).click();
    await errorAt(page, '部门代码').filter({ hasText: '须为 2–40 位小写字母、数字或连字符（-）' }).waitFor();
    await page.getByLabel('部门代码').fill('ocean');
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByText('已新增部门：市海洋发展局').waitFor();
    await page.locator('tr', { hasText: '市海洋发展局' }).waitFor();
    await screenshot(page, 'admin-departments');

    await page.getByRole('link', { name: '用户管理' }).click();
    const form = page.getByRole('form', { name: '新建用户' });
    await form.getByLabel('用户名').fill(taskforce.username);
    await form.getByLabel('初始密码').fill('ocean-password-1');
    await form.getByLabel('角色').selectOption('department');
    await form.getByLabel('所属部门').selectOption('ocean');
    await form.getByRole('button', { name: '创建' }).click();
    await form.getByRole('alert').getByText('该用户名已被使用。').waitFor();
    await form.getByLabel('用户名').fill('ocean-staff');
    await form.getByRole('button', { name: '创建' }).click();
    await page.getByText('已创建用户 ocean-staff。').waitFor();
    const row = page.locator('tr', { hasText: 'ocean-staff' });
    await row.getByText('市海洋发展局').waitFor();
    expect(await loginStatus('ocean-staff', 'ocean-password-1')).toBe(200);

    await row.getByRole('button', { name: '停用：ocean-staff' }).click();
    await row.locator('.badge', { hasText: '已停用' }).waitFor();
    expect(await loginStatus('ocean-staff', 'ocean-password-1')).toBe(401);
    await row.getByRole('button', { name: '启用：ocean-staff' }).click();
    await row.locator('.badge', { hasText: /^启用$/ }).waitFor();

    await row.getByRole('button', { name: '重置密码：ocean-staff' }).click();
    const reset = page.getByRole('form', { name: '重置密码：ocean-staff' });
    await reset.getByLabel('新密码').fill('short');
    await reset.getByRole('button', { name: '提交' }).click();
    await reset.locator('.field-error', { hasText: '至少 10 个字符' }).waitFor();
    await reset.getByLabel('新密码').fill('ocean-password-2');
    await reset.getByRole('button', { name: '提交' }).click();
    await page.getByText('已为 ocean-staff 设置新密码，其原有登录已失效。').waitFor();
    expect(await loginStatus('ocean-staff', 'ocean-password-2')).toBe(200);
    await screenshot(page, 'admin-users');
    expect(errors).toEqual([]);
    await close();
  });

  it('task force: schedules a conference, sees each conference’s landings, and registers an enterprise from the list', async () => {
    const { page, errors, close } = await loginAs(taskforce);
    await page.getByRole('link', { name: '创意会', exact: true }).click();
    const form = page.getByRole('form', { name: '安排创意会' });
    await form.getByLabel('创意会名称').fill('第八期民营经济创意会');
    await form.getByLabel('主题', { exact: true }).fill('智能制造');
    await form.getByRole('button', { name: '创建' }).click();
    await errorAt(page, '举办日期').filter({ hasText: '请填写有效日期（年-月-日）' }).waitFor();
    await form.getByLabel('举办日期').fill(cstDate(30));
    await form.getByRole('button', { name: '创建' }).click();
    await page.getByText('已安排：第八期民营经济创意会').waitFor();
    await page.locator('tr', { hasText: '第八期民营经济创意会' }).getByText('智能制造').waitFor();
    // The seventh presented this suite's project, which has landed.
    const seventh = page.locator('tr', { hasText: '第七期民营经济创意会' }).locator('td.num');
    expect(await seventh.allTextContents()).toEqual(['1', '1', '100.0%']);
    await screenshot(page, 'conferences');

    await page.getByRole('link', { name: '一企一策' }).click();
    await page.getByRole('button', { name: '登记新企业' }).click();
    await page.getByLabel('企业名称').fill('青岛海晨新材料有限公司');
    await page.getByLabel('统一社会信用代码', { exact: true }).fill('ABC');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await errorAt(page, '统一社会信用代码')
      .filter({ hasText: /^统一社会信用代码应为 18 位/ })
      .waitFor();
    await page.getByLabel('统一社会信用代码', { exact: true }).fill('');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByRole('status').getByText('已登记：青岛海晨新材料有限公司').waitFor();
    await page.getByRole('link', { name: '青岛海晨新材料有限公司' }).waitFor();
    await screenshot(page, 'enterprises');
    expect(errors).toEqual([]);
    await close();
  });

  it('every page fits a phone screen, in Chinese and in English, and no label is left untranslated', async () => {
    const pages = [
      '/dashboard',
      '/projects',
      `/projects/${projectId}`,
      '/projects/new',
      '/inbox?department=industry&show=all',
      '/enterprises',
      `/enterprises/${enterpriseId}`,
      '/conferences',
      '/admin/users',
      '/admin/departments',
      '/admin/industry-chains',
      '/admin/audit-log',
      '/admin/webhooks',
      '/notifications',
    ];
    // The UI's own words; names and titles from the data may be Chinese in any language.
    const CHROME =
      'main th, main legend, main button, nav a, .field > label, .filters label > span, .pager, .kpi h2, .kpi-note, .field-hint';
    for (const lang of ['zh-CN', 'en'] as const) {
      const session = await logIn(
        await openBrowserUi(browser, api.baseUrl, { viewport: { width: 390, height: 844 }, lang }),
        'admin',
        api.adminPassword,
      );
      const { page, errors, settled, close } = session;
      for (const path of pages) {
        await page.goto(`${api.baseUrl}/#${path}`);
        await page.locator('main h1').first().waitFor();
        await settled();
        const name = path
          .split('?')[0]
          .replace(/\/[0-9a-f-]{36}/, '/one')
          .replace(/\//g, '-');
        await screenshot(page, `phone-${lang}${name}`);
        expect({ path, lang, width: await page.evaluate('document.documentElement.scrollWidth') }).toEqual({
          path,
          lang,
          width: 390,
        });
        const text = await page.locator('body').innerText();
        // A message key shown instead of its message, e.g. "dash.title".
        expect({
          path,
          lang,
          keys: text.match(
            /\b(?:nav|dash|kpi|common|error|problem|field|invalid|users|depts|conf|ent|dossier|project|milestone|form|new|inbox)\.[a-zA-Z]+\b/g,
          ),
        }).toEqual({
          path,
          lang,
          keys: null,
        });
        if (lang === 'en') {
          const chrome = (await page.locator(CHROME).allInnerTexts()).filter(
            (label) => /[\u4e00-\u9fff]/.test(label) && label !== '中文',
          );
          expect({ path, chrome }).toEqual({ path, chrome: [] });
        }
      }
      expect({ lang, errors }).toEqual({ lang, errors: [] });
      await close();
    }
  });

  it('goes back to the login page when the API no longer accepts the token', async () => {
    const { page, errors, close } = await loginAs(taskforce);
    await page.evaluate(`(() => {
      const session = JSON.parse(sessionStorage.getItem('luodi.session'));
      sessionStorage.setItem('luodi.session', JSON.stringify({ ...session, accessToken: 'expired' }));
    })()`);
    await page.goto(`${api.baseUrl}/#/projects`);
    await page.reload();
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await page.getByLabel('密码').waitFor();
    expect(errors).toEqual([]);
    await close();
  });
});
