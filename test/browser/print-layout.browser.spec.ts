/**
 * The print layouts in Debian's Chromium, on a ledger of 29 projects imported through the API:
 * the dossier (一企一策), a project (一项目一策), the dashboard and a report (通报) print on A4
 * pages, without the navigation and the controls, with what the sheet is, its as-of date and the
 * print date in the margin of every page, and nothing wider than the page (nothing cut at its edge).
 */
import { Browser, Page } from 'playwright-core';
import { createUserAndLogin, TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { DEPARTMENTS, ledger, qingdaoRows, upload } from '../e2e/excel.helpers';
import { get, post } from '../e2e/projects.helpers';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi, screenshot, UiSession } from './harness';

jest.setTimeout(180_000);

// A4 is 210 mm wide; the @page margins are 12 mm each side: 186 mm at 96 px per inch.
const CONTENT_WIDTH_PX = Math.floor((186 / 25.4) * 96);
// A4 in PDF points (1/72 inch); Chromium rounds the page to whole CSS pixels, so within a point.
const A4_POINTS = [595.28, 841.89];

const cstToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describeWithChromium('print layouts (A4)', () => {
  let api: RunningApi;
  let browser: Browser;
  let taskforce: TestUser;
  let session: UiSession;
  let enterpriseId: string;
  let projectId: string;
  let report: { id: string; period: string; periodEnd: string };

  beforeAll(async () => {
    await buildWebUi();
    api = await startApi();
    taskforce = await createUserAndLogin(api, 'taskforce');
    const admin = await createUserAndLogin(api, 'admin');
    for (const d of DEPARTMENTS) await post(api, '/api/departments', admin, d);
    // Long words without spaces, which a table cell must wrap rather than push past the page.
    const rows = qingdaoRows().map((row, i) =>
      i === 0 ? { ...row, 项目名称: '深远海智能养殖工船'.repeat(6), 项目简介: 'Aquaculture'.repeat(30) } : row,
    );
    const imported = await upload(api, taskforce, await ledger(rows));
    if (imported.status !== 200) throw new Error(JSON.stringify(imported.body));
    const list = (
      await get(
        api,
        `/api/projects?q=${encodeURIComponent('深远海智能养殖工船')}&minPosition=${imported.body.position}`,
        taskforce,
      )
    ).body.items;
    projectId = list[0].id;
    enterpriseId = list[0].enterpriseId;
    // Last month's report (通报), on the imported ledger.
    const lastMonthEnd = new Date(Date.parse(`${cstToday().slice(0, 7)}-01T00:00:00Z`) - 86_400_000).toISOString();
    const published = await post(api, '/api/reports', taskforce, { kind: 'monthly', period: lastMonthEnd.slice(0, 7) });
    if (published.status !== 201) throw new Error(JSON.stringify(published.body));
    report = published.body;
    browser = await launchBrowser();
    session = await logIn(await openUi(browser, api.baseUrl), taskforce.username, taskforce.password);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await api?.stop();
  });

  /** Opens `hash`, waits for it, then checks the print layout and its PDF. */
  async function checkPrint(hash: string, heading: RegExp, what: string, asOf: string, name: string): Promise<void> {
    const { page } = session;
    await page.goto(`${api.baseUrl}/${hash}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await session.settled();
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(true);

    await page.setViewportSize({ width: CONTENT_WIDTH_PX, height: 1100 });
    await page.emulateMedia({ media: 'print' });
    try {
      await checkPrintLayout(page, what, asOf, name);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  }

  async function checkPrintLayout(page: Page, what: string, asOf: string, name: string): Promise<void> {
    await page.waitForTimeout(300);
    // A string: the test is compiled without the DOM's types.
    const layout = (await page.evaluate(`(() => {
      const width = ${CONTENT_WIDTH_PX};
      const shown = (selector) => [...document.querySelectorAll(selector)].filter((e) => getComputedStyle(e).display !== 'none' && e.offsetParent !== null).length;
      const overflowing = [...document.querySelectorAll('body *')]
        .map((e) => ({ e, rect: e.getBoundingClientRect() }))
        // An element past the page's edge, or text running out of its element.
        .filter(({ e, rect }) => rect.width > 0 && (rect.right > width + 1 || (getComputedStyle(e).overflowX === 'visible' && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)))
        .map(({ e, rect }) => e.tagName + '.' + e.className + ' ' + Math.round(rect.right));
      const stamp = [...document.querySelectorAll('style[data-print-stamp]')].map((s) => s.textContent ?? '');
      return { nav: shown('.topbar, nav'), buttons: shown('main button'), scrollWidth: document.documentElement.scrollWidth, overflowing: overflowing.slice(-6), stamp };
    })()`)) as { nav: number; buttons: number; scrollWidth: number; overflowing: string[]; stamp: string[] };
    expect(layout).toEqual({
      nav: 0,
      buttons: 0,
      scrollWidth: CONTENT_WIDTH_PX,
      overflowing: [],
      stamp: [expect.stringContaining('@top-right')],
    });
    expect(layout.stamp[0]).toContain(what);
    expect(layout.stamp[0]).toContain(`截至 ${asOf}`);
    expect(layout.stamp[0]).toContain(`打印于 ${cstToday()}`);
    await screenshot(page, `print-${name}`);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(0);
    for (const [width, height] of pages)
      expect([Math.abs(width - A4_POINTS[0]), Math.abs(height - A4_POINTS[1])].every((d) => d < 1)).toBe(true);
  }

  it('prints the dossier (一企一策) on A4', async () => {
    await checkPrint(
      `#/enterprises/${enterpriseId}`,
      /青岛创意企业1有限公司/,
      '青岛创意企业1有限公司 · 一企一策',
      cstToday(),
      'dossier',
    );
  });

  it('prints a project (一项目一策: plan, milestones, needs, timeline) on A4', async () => {
    await checkPrint(`#/projects/${projectId}`, /深远海智能养殖工船/, '一项目一策', cstToday(), 'project');
    // The plan, its milestone and the timeline are on the printed page.
    const text = await session.page.locator('main').innerText();
    expect(text).toContain('项目落地');
    expect(text).toContain('市海洋发展局');
  });

  it('prints the dashboard on A4 with its as-of date', async () => {
    await checkPrint('#/dashboard?asOf=2024-12-31', /落地看板/, '落地看板', '2024-12-31', 'dashboard');
  });

  it('prints a report (通报) on A4 with its as-of date', async () => {
    const heading = `${report.period} 月度落地工作通报`;
    await checkPrint(`#/reports/${report.id}`, new RegExp(heading), heading, report.periodEnd, 'report');
    const text = await session.page.locator('main').innerText();
    expect(text).toContain('二、部门考核排名');
    expect(text).toContain('四、落地预测');
  });

  it('logs no console error', () => {
    expect(session.errors).toEqual([]);
  });
});

/** The page sizes ([width, height] in points) of a PDF, from its page objects' MediaBox. */
function pdfPages(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Type\s*\/Page\b[^s][\s\S]*?\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => {
    const [x0, y0, x1, y1] = m[1].trim().split(/\s+/).map(Number);
    return [Math.round((x1 - x0) * 100) / 100, Math.round((y1 - y0) * 100) / 100];
  });
}
