import { api, ApiError, randomUuid, saveSession } from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The browser's sessionStorage and fetch, in Node: each call's headers are recorded. */
function fakeBrowser() {
  const store = new Map<string, string>();
  (globalThis as { sessionStorage?: unknown }).sessionStorage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  };
  const calls: { url: string; method: string; headers: Record<string, string> }[] = [];
  const answers: (() => Response)[] = [];
  globalThis.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), method: init?.method ?? 'GET', headers: init?.headers as Record<string, string> });
    const answer = answers.shift();
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  }) as typeof fetch;
  const json =
    (status: number, body: unknown, headers: Record<string, string> = {}) =>
    () =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  return {
    calls,
    keys: () => calls.map((call) => call.headers['Idempotency-Key']),
    answerWith: (...next: (() => Response)[]) => answers.push(...next),
    accepted: json(200, { id: 'p1', version: 2, position: 7 }),
    refused: json(409, { status: 409, code: 'PROJECT_CLOSED', detail: 'closed' }),
    json,
    networkError: () => {
      throw new TypeError('Failed to fetch');
    },
  };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (error as ApiError).problem,
  );

describe('randomUuid', () => {
  it('gives version 4 UUIDs without crypto.randomUUID (missing on plain-http intranet addresses)', () => {
    const ids = new Set(Array.from({ length: 50 }, randomUuid));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID);
  });
});

describe('Idempotency-Key', () => {
  let browser: ReturnType<typeof fakeBrowser>;

  beforeEach(() => {
    browser = fakeBrowser();
    saveSession({
      accessToken: 'token',
      tokenType: 'Bearer',
      expiresAt: '2026-01-01T00:00:00Z',
      user: { id: 'u1', username: 'tf', role: 'taskforce' },
    });
  });

  it('goes with every command, and not with reads or logging in', async () => {
    browser.answerWith(
      browser.accepted,
      browser.json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
      browser.json(200, { accessToken: 't' }),
    );
    await api.withdraw('p1', 1, { reason: 'no funds' });
    await api.projects({ page: 1 });
    await api.login('tf', 'secret');
    expect(browser.keys()[0]).toMatch(UUID);
    expect(browser.keys().slice(1)).toEqual([undefined, undefined]);
  });

  it('is reused when the same command is retried after a network error, so it runs only once', async () => {
    browser.answerWith(browser.networkError, browser.accepted);
    expect(await failure(api.withdraw('p1', 1, { reason: 'no funds' }))).toEqual({ status: 0, code: 'NETWORK' });
    await api.withdraw('p1', 1, { reason: 'no funds' });
    const [first, retry] = browser.keys();
    expect(first).toMatch(UUID);
    expect(retry).toBe(first);
  });

  it('is shared by a double click while the first is still on its way', async () => {
    browser.answerWith(browser.accepted, browser.accepted);
    await Promise.all([api.withdraw('p1', 1, { reason: 'no funds' }), api.withdraw('p1', 1, { reason: 'no funds' })]);
    expect(new Set(browser.keys()).size).toBe(1);
  });

  it('is new for the next action once the API has answered, whether it accepted or refused', async () => {
    browser.answerWith(browser.refused, browser.accepted, browser.accepted);
    await failure(api.withdraw('p1', 1, { reason: 'no funds' }));
    await api.withdraw('p1', 1, { reason: 'no funds' });
    await api.withdraw('p1', 1, { reason: 'no funds' });
    expect(new Set(browser.keys()).size).toBe(3);
  });

  it('is new for a different command, and kept while the API is still running the first', async () => {
    browser.answerWith(
      browser.networkError,
      browser.accepted,
      browser.json(409, { status: 409, code: 'IDEMPOTENCY_KEY_IN_PROGRESS' }),
      browser.accepted,
    );
    await failure(api.withdraw('p1', 1, { reason: 'no funds' }));
    await api.withdraw('p1', 1, { reason: 'no land' });
    await failure(api.withdraw('p1', 1, { reason: 'no funds' }));
    await api.withdraw('p1', 1, { reason: 'no funds' });
    const [first, other, inProgress, last] = browser.keys();
    expect(other).not.toBe(first);
    expect([inProgress, last]).toEqual([first, first]);
  });
});

describe('problems', () => {
  it('carry Retry-After, so the login page can say how long to wait', async () => {
    const browser = fakeBrowser();
    browser.answerWith(browser.json(429, { status: 429, code: 'TOO_MANY_LOGIN_ATTEMPTS' }, { 'Retry-After': '840' }));
    expect(await failure(api.login('tf', 'wrong'))).toEqual({
      status: 429,
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
      retryAfterSeconds: 840,
    });
  });
});
