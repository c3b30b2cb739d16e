/**
 * Landings that rest on evidence, in Debian's Chromium: the task force records a landing with an
 * uploaded file while milestones and needs are still open, is shown them in a confirmation
 * dialog and confirms; the evidence is listed with a download; then it revokes the landing
 * through 更正落地, and the timeline shows the correction.
 */
import { Browser } from 'playwright-core';
import { createWorld, get, projectAt, World } from '../e2e/projects.helpers';
import { RunningApi, startApi } from '../support/start-api';
import { buildWebUi, describeWithChromium, launchBrowser, logIn, openUi, screenshot } from './harness';

jest.setTimeout(120_000);

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)]);

describeWithChromium('landing integrity in the browser', () => {
  let api: RunningApi;
  let browser: Browser;
  let world: World;

  beforeAll(async () => {
    await buildWebUi();
    api = await startApi();
    world = await createWorld(api);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('task force: confirms the open items in a dialog, lands with evidence, then revokes the landing', async () => {
    const { id } = await projectAt(world, 'assigned');
    const project = (await get(api, `/api/projects/${id}`, world.taskforce)).body;
    const session = await logIn(await openUi(browser, api.baseUrl), world.taskforce.username, world.taskforce.password);
    const { page, errors, close } = session;
    await page.goto(`${api.baseUrl}/#/projects/${id}`);
    await page.getByRole('heading', { level: 1, name: project.title }).waitFor();

    await page.getByRole('button', { name: '确认落地' }).click();
    const form = page.getByRole('form', { name: '确认落地' });
    await form
      .getByLabel('附件', { exact: true })
      .setInputFiles({ name: '投产证明.png', mimeType: 'image/png', buffer: PNG });
    await form.getByRole('list', { name: '附件' }).getByText('投产证明.png · 3 KB · image/png').waitFor();
    await form.getByRole('button', { name: '提交' }).click();

    // The API refused: the dialog lists every open milestone and need.
    const dialog = page.getByRole('dialog', { name: '尚有未办结事项' });
    await dialog.waitFor();
    for (const m of project.plan.milestones) await dialog.getByText(`节点：${m.title}`).waitFor();
    for (const n of project.needs) await dialog.getByText(`诉求：${n.description}`).waitFor();
    await screenshot(page, 'landing-open-items');
    await dialog.getByRole('button', { name: '确认并登记落地' }).click();
    await page.locator('h1 .badge', { hasText: '已落地' }).waitFor();

    const landed = (await get(api, `/api/projects/${id}/history`, world.taskforce)).body.events.at(-1);
    expect(landed.type).toBe('ProjectLanded');
    expect(landed.data.confirmedOpenItems).toHaveLength(project.plan.milestones.length + project.needs.length);
    expect(landed.data.evidenceFileIds).toHaveLength(1);

    // The evidence is listed, and downloads.
    const evidence = page.getByRole('region', { name: '证明文件' });
    const download = page.waitForEvent('download');
    await evidence.getByRole('button', { name: '投产证明.png' }).click();
    expect((await download).suggestedFilename()).toBe('投产证明.png');

    // 更正落地: revoke it; the project is back in its plan and the timeline says why.
    await page.getByRole('button', { name: '更正落地' }).click();
    const correction = page.getByRole('form', { name: '更正落地' });
    await correction.getByLabel('撤销落地（项目实际尚未落地）').check();
    await correction.getByLabel('更正原因').fill('企业尚未投产');
    await correction.getByRole('button', { name: '提交' }).click();
    await page.locator('h1 .badge', { hasText: '推进中' }).waitFor();
    await page
      .locator('.timeline li', { hasText: '撤销落地' })
      .getByText(/企业尚未投产/)
      .waitFor();
    await screenshot(page, 'landing-revoked');
    expect(errors).toEqual([]);
    await close();
  });
});
