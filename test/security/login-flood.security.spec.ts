import { RunningApi, startApi } from '../support/start-api';

// Issue 12, item 3: X-Forwarded-For was believed from any loopback or private peer, so a client
// could claim a new address per request, never meet the per-address limit, and keep every core
// busy hashing passwords (a normal GET took 7 s).

async function attempt(api: RunningApi, username: string, password: string, forwardedFor: string) {
  const started = Date.now();
  const response = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
    body: JSON.stringify({ username, password }),
  });
  const problem = (await response.json()) as { code?: string };
  return {
    status: response.status,
    code: problem.code,
    retryAfter: response.headers.get('retry-after'),
    ms: Date.now() - started,
  };
}

describe('login flood with spoofed X-Forwarded-For, no trusted proxy configured', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('counts every spoofed address from loopback as the peer itself: 429 after the per-address limit of 20', async () => {
    for (let i = 0; i < 20; i++) {
      expect(await attempt(api, `guess-${i}`, 'wrong-password', `203.0.113.${i}`)).toMatchObject({
        status: 401,
        code: 'INVALID_CREDENTIALS',
      });
    }
    const refused = await attempt(api, 'guess-20', 'wrong-password', '203.0.113.200');
    expect(refused).toMatchObject({ status: 429, code: 'TOO_MANY_LOGIN_ATTEMPTS' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });
});

describe('login flood behind a trusted proxy (LUODI_TRUSTED_PROXIES=127.0.0.1)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ LUODI_TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('counts the forwarded address, not the proxy', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt(api, 'nobody', 'wrong-password', '198.51.100.1')).status).toBe(401);
    expect(await attempt(api, 'nobody', 'wrong-password', '198.51.100.1')).toMatchObject({
      status: 429,
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
    });
    expect(await attempt(api, 'nobody', 'wrong-password', '198.51.100.2')).toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('refuses 40 parallel guesses from distinct addresses beyond the hashing queue at once, and the API keeps answering', async () => {
    const flood = Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(api, `flood-${i}`, 'wrong-password', `192.0.2.${i + 1}`)),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const healthStarted = Date.now();
    const health = await fetch(`${api.baseUrl}/api/health`);
    const healthMs = Date.now() - healthStarted;
    const answers = await flood;

    expect(health.status).toBe(200);
    expect(healthMs).toBeLessThan(1500);
    const busy = answers.filter((a) => a.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.every((a) => a.code === 'LOGIN_BUSY' && Number(a.retryAfter) >= 1)).toBe(true);
    // Refused without waiting for the queue: the 22 checks beyond it would take seconds (~0.4 s each, 2 at a time).
    expect(Math.min(...busy.map((a) => a.ms))).toBeLessThan(1000);
    expect(answers.filter((a) => a.status !== 429).every((a) => a.status === 401)).toBe(true);
  });
});
