/**
 * What the browser tests share: Debian's Chromium (never a downloaded browser), the UI built
 * once per test run, a fresh browser context per scenario that records console errors, logging
 * in through the login page, and screenshots in test-results/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = resolve('test-results/screenshots');

// Without Debian's Chromium the browser tests are skipped, and say so.
export const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`[browser tests] skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

const WEB_DIR = resolve('dist/web');
const LOCK = resolve('dist/.web-build.lock');
const STAMP = resolve('dist/.web-build.run');
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Builds the UI into dist/web, which the API serves, once per test run: browser test files run
 * in parallel workers, and a second build would empty the directory under the first file's
 * feet. The run is named by its database server (global-setup.mjs), which every worker shares.
 */
export async function buildWebUi(): Promise<void> {
  // The run, and the sources as they are: a fixed DATABASE_URL names every run alike, and an
  // edited page must not be tested on the build of the one before.
  const run = `${process.env.LUODI_TEST_SERVER_URL ?? 'no-run'} ${newestChange(resolve('apps/web'))}`;
  mkdirSync(resolve('dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A worker that died while building leaves its lock behind.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  try {
    if (existsSync(WEB_DIR) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === run) return;
    // Jest sets NODE_ENV=test, which would give a development build of React.
    execFileSync(
      resolve('node_modules/.bin/vite'),
      ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
      {
        stdio: 'pipe',
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    writeFileSync(STAMP, run);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function newestChange(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestChange(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );
}

// The 4xx answers the tests provoke (a wrong password, validation errors, an expired token) are
// logged by Chromium as failed resources; anything else in the console is a defect.
const PROVOKED = /Failed to load resource: the server responded with a status of (400|401|409)\b/;

export interface UiSession {
  page: Page;
  /** Console errors and uncaught exceptions so far. */
  errors: string[];
  /** Resolves once no request has been under way for a moment: the page shows what it loaded. */
  settled: () => Promise<void>;
  close: () => Promise<void>;
}

export interface UiOptions {
  viewport?: { width: number; height: number };
  /** The language every page load starts in (as if the language switch had chosen it). */
  lang?: 'zh-CN' | 'en';
}

/** A fresh browser context on the UI's login page, recording console errors. */
export async function openUi(
  browser: Browser,
  baseUrl: string,
  { viewport = { width: 1440, height: 900 }, lang }: UiOptions = {},
): Promise<UiSession> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (lang) await context.addInitScript(`localStorage.setItem('luodi.lang', ${JSON.stringify(lang)})`);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !PROVOKED.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  let pending = 0;
  let quietSince = Date.now();
  const done = () => {
    pending -= 1;
    quietSince = Date.now();
  };
  page.on('request', () => void (pending += 1));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  await page.goto(`${baseUrl}/`);
  const settled = async () => {
    while (pending > 0 || Date.now() - quietSince < 300) await page.waitForTimeout(50);
  };
  return { page, errors, settled, close: () => context.close() };
}

/** Logs in through the login page (in either language) and waits for the main navigation. */
export async function logIn(session: UiSession, username: string, password: string): Promise<UiSession> {
  const { page } = session;
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await page.getByRole('navigation', { name: /^(主导航|Main navigation)$/ }).waitFor();
  return session;
}

export function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/**
 * The highest position the page's session has written (the web UI keeps it for `minPosition`):
 * a test that checks the UI's write through the API reads the read models at least that far.
 */
export async function writtenPosition(page: Page): Promise<string> {
  const position = (await page.evaluate(`sessionStorage.getItem('luodi.minPosition')`)) as string | null;
  if (!position || !/^\d+$/.test(position)) throw new Error(`the page remembered no written position (${position})`);
  return position;
}
