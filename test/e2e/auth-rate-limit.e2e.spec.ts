import { createUserAndLogin, login } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';

// Each describe starts its own API: the limiter counts per process, and every request here comes
// from one address (127.0.0.1).

async function attempt(api: RunningApi, username: string, password: string) {
  const response = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { correlationId: _, ...problem } = (await response.json()) as {
    correlationId: string;
    detail: string;
    [field: string]: unknown;
  };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), problem };
}

describe('login rate limit per username and address', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('answers 429 with Retry-After after 5 failures, even to the right password, for that username from that address only', async () => {
    const victim = await createUserAndLogin(api, 'taskforce');
    for (let i = 0; i < 5; i++) {
      expect(await attempt(api, victim.username, `wrong-password-${i}`)).toMatchObject({
        status: 401,
        problem: { code: 'INVALID_CREDENTIALS' },
      });
    }
    const blocked = await attempt(api, victim.username.toUpperCase(), victim.password);
    expect(blocked).toMatchObject({ status: 429, problem: { status: 429, code: 'TOO_MANY_LOGIN_ATTEMPTS' } });
    expect(Number(blocked.retryAfter)).toBeGreaterThan(14 * 60);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(15 * 60);
    // Other users from the same address are not affected (another address neither: test/security/login-lockout).
    await expect(login(api.baseUrl, 'admin', api.adminPassword)).resolves.toMatchObject({
      user: { username: 'admin' },
    });
  });

  it('treats an unknown username exactly like a known one: same error text, same limit', async () => {
    const known = await createUserAndLogin(api, 'reviewer');
    // The seconds to wait may differ by one between the two; everything else must be identical.
    const seen = async (username: string) => {
      const { status, retryAfter, problem } = await attempt(api, username, 'wrong-password');
      return {
        status,
        waits: retryAfter !== null,
        problem: { ...problem, detail: problem.detail.replace(/\d+/g, 'N') },
      };
    };
    const answers = { known: [] as Array<{ status: number }>, unknown: [] as Array<{ status: number }> };
    for (let i = 0; i < 6; i++) {
      answers.known.push(await seen(known.username));
      answers.unknown.push(await seen('no-such-user'));
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.known.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('login rate limit per address', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('checks at most 20 passwords from one address across usernames, also for parallel guesses', async () => {
    // Parallel guesses beyond what the hashing queue holds are refused with LOGIN_BUSY and not counted.
    const guesses = await Promise.all(
      Array.from({ length: 25 }, (_, i) => attempt(api, `user-${i}`, 'guess-password')),
    );
    const refused = guesses.filter((g) => g.status !== 401);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(
      refused.filter(
        (g) => !(g.status === 429 && ['TOO_MANY_LOGIN_ATTEMPTS', 'LOGIN_BUSY'].includes(String(g.problem.code))),
      ),
    ).toEqual([]);
    let checked = guesses.filter((g) => g.status === 401).length;
    for (let i = 0; checked < 25; i++) {
      const next = await attempt(api, `later-user-${i}`, 'guess-password');
      if (next.status !== 401) break;
      checked++;
    }
    expect(checked).toBe(20);
    const next = await attempt(api, 'admin', api.adminPassword);
    expect(next).toMatchObject({ status: 429, problem: { code: 'TOO_MANY_LOGIN_ATTEMPTS' } });
    expect(Number(next.retryAfter)).toBeGreaterThan(0);
  });
});
