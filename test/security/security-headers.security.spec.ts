import express from 'express';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from '../../apps/api/src/common/security-headers.middleware';
import { serveWeb } from '../../apps/api/src/web/serve-web';
import { describeWithChromium, launchBrowser } from '../browser/harness';
import { adminToken } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';

/**
 * Attack: without security headers the UI can be framed (clickjacking), a response sniffed as
 * another type, injected script run, URLs with ids leaked in Referer, and API answers with
 * personal data kept by shared caches.
 */
let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  // Plain http from a peer no 'trust proxy' names: a forged X-Forwarded-Proto gets no HSTS.
  expect(response.headers.get('strict-transport-security')).toBeNull();
}

describe('security headers of the API', () => {
  it('are on an authenticated API answer, which no cache may store', async () => {
    const response = await fetch(`${api.baseUrl}/api/departments`, {
      headers: { Authorization: `Bearer ${await adminToken(api)}`, 'X-Forwarded-Proto': 'https' },
    });
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('are on a 404 problem', async () => {
    const response = await fetch(`${api.baseUrl}/api/no-such-thing`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expectSecurityHeaders(response);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('are on the Swagger UI, whose page needs no inline script under that policy', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter(([, attributes, body]) => !/\bsrc=/.test(attributes) || body.trim() !== '')).toEqual([]);
  });
});

describeWithChromium('the Swagger UI under that policy, in Chromium', () => {
  it('renders the operations without a policy violation', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${api.baseUrl}/api/docs`);
      await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('security headers of the web UI', () => {
  let dir: string;
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    // A stand-in for dist/web, served the way createApp serves the built UI.
    dir = mkdtempSync(join(tmpdir(), 'luodi-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    const app = express();
    app.use(securityHeaders);
    serveWeb(app, dir);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('are on index.html, which is revalidated on every load', async () => {
    for (const path of ['/', '/projects/42', '/index.html']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expectSecurityHeaders(response);
      expect({ path, cache: response.headers.get('cache-control') }).toEqual({ path, cache: 'no-cache' });
    }
  });

  it('let the hashed assets be cached', async () => {
    const response = await fetch(`${baseUrl}/assets/index-abc.js`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
