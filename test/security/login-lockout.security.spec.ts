import { login } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';

// Issue 12, item 4: five wrong passwords from anywhere made the right password answer 429 for
// 15 minutes, so an attacker could keep `admin` out for ever. Addresses are simulated with
// X-Forwarded-For through a trusted proxy (127.0.0.1, the test's own peer address).

async function attempt(api: RunningApi, username: string, password: string, forwardedFor: string) {
  const response = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, code: ((await response.json()) as { code?: string }).code };
}

describe('lock-out of the real user by failing on purpose', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ LUODI_TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('throttles the attacking address, and lets admin in with the right password from another address', async () => {
    const attacker = '203.0.113.66';
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(api, 'admin', `wrong-password-${i}`, attacker)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect(await attempt(api, 'admin', api.adminPassword, attacker)).toMatchObject({
      status: 429,
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
    });

    expect(await attempt(api, 'admin', api.adminPassword, '198.51.100.7')).toMatchObject({ status: 200 });
    // And directly from the proxy's own address, which has not failed either.
    await expect(login(api.baseUrl, 'admin', api.adminPassword)).resolves.toMatchObject({
      user: { username: 'admin' },
    });
  });
});
