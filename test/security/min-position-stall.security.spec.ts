import { createUserAndLogin, TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { get, post } from '../e2e/projects.helpers';

/**
 * Issue 12, item 8: a `minPosition` that no event holds (0, or far beyond the last event) made
 * every GET wait the full 5 s and then answer 503 — a cheap way to tie up the server's requests.
 * Such a position is passed as soon as the projections have caught up with the store.
 */
let api: RunningApi;
let taskforce: TestUser;

beforeAll(async () => {
  api = await startApi();
  taskforce = await createUserAndLogin(api, 'taskforce');
  const enterprise = await post(api, '/api/enterprises', taskforce, { name: '青岛位置测试有限公司' });
  // Wait for the projections to include the write, so "caught up" is the state under test.
  expect((await get(api, `/api/enterprises?minPosition=${enterprise.body.position}`, taskforce)).status).toBe(200);
});
afterAll(async () => {
  await api.stop();
});

describe('minPosition that no event holds', () => {
  it.each([['0'], ['999999999']])(
    'answers minPosition=%s at once with 200, not after 5 s with 503',
    async (minPosition) => {
      const started = Date.now();
      const [list, conferences] = await Promise.all([
        get(api, `/api/enterprises?minPosition=${minPosition}`, taskforce),
        get(api, `/api/conferences?minPosition=${minPosition}`, taskforce),
      ]);
      expect([list.status, conferences.status]).toEqual([200, 200]);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(list.body.items.map((e: { name: string }) => e.name)).toContain('青岛位置测试有限公司');
    },
  );
});
