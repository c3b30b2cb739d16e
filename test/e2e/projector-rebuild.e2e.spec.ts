import { Client, Pool } from 'pg';
import { generateHistory, insertHistory } from '../../libs/read-models/src/testing/generate-history';
import { RunningApi, startApi } from '../support/start-api';
import { createWorld, get, post, validSubmission, World } from './projects.helpers';

/** `POST /api/admin/rebuild` while the API serves: 202, progress, unchanged answers throughout. */
let api: RunningApi;
let world: World;
let last = 0;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  const pool = new Pool({ connectionString: api.databaseUrl, max: 2 });
  last = await insertHistory(pool, generateHistory({ seed: 5, projects: 1500, from: '2023-01-01', to: '2026-09-30' }));
  await pool.end();
  // ~10,000 events written behind the API's back: let the projector catch up before the test reads
  // (a single minPosition read waits only 5 s, which a loaded machine can exceed). Bounded.
  const deadline = Date.now() + 120_000;
  while ((await get(api, `/api/projects?pageSize=1&minPosition=${last}`, world.leader)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`the projector did not reach position ${last} in 120 s`);
  }
}, 180_000);
afterAll(async () => {
  await api.stop();
});

describe('rebuilding the read models through the API', () => {
  it('answers 202 and reports progress, while reads go on with the same answers', async () => {
    const reads = [
      '/api/dashboard/summary?asOf=2026-06-30',
      '/api/projects?sort=title&pageSize=100&page=3',
      '/api/dashboard/landing-rate?groupBy=conference',
    ];
    const answers = () => Promise.all(reads.map((path) => get(api, `${path}&minPosition=${last}`, world.leader)));
    const before = (await answers()).map((r) => r.body);
    expect((before[1] as { total: number }).total).toBe(1500);

    const started = await post(api, '/api/admin/rebuild', world.admin, {});
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe('/api/admin/rebuild');
    expect(started.body).toMatchObject({ status: 'running', eventsTotal: expect.any(Number) });

    let progress;
    let readsDuring = 0;
    do {
      for (const reply of await answers()) expect(reply.status).toBe(200);
      expect((await answers()).map((r) => r.body)).toEqual(before);
      readsDuring++;
      progress = (await get(api, '/api/admin/rebuild', world.admin)).body;
    } while (progress.status === 'running');

    expect(progress).toMatchObject({ status: 'succeeded', phase: 'done', error: null, finishedAt: expect.any(String) });
    expect(progress.eventsDone).toBeGreaterThanOrEqual(progress.eventsTotal);
    expect(progress.eventsPerSecond).toBeGreaterThan(0);
    expect(readsDuring).toBeGreaterThan(0);
    expect((await answers()).map((r) => r.body)).toEqual(before);
  });

  it('keeps projecting new writes after the swap', async () => {
    const written = await post(
      api,
      '/api/projects',
      world.taskforce,
      validSubmission(world.enterpriseId, { title: '重建之后的项目' }),
    );
    const list = await get(
      api,
      `/api/projects?q=${encodeURIComponent('重建之后')}&minPosition=${written.body.position}`,
      world.taskforce,
    );
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([written.body.id]);
  });

  it('refuses a second rebuild while one runs anywhere (409), and non-admins (403)', async () => {
    const other = new Client({ connectionString: api.databaseUrl });
    await other.connect();
    try {
      // Another process rebuilding holds this lock.
      await other.query(`SELECT pg_advisory_lock(7318, hashtext('rebuild'))`);
      const refused = await post(api, '/api/admin/rebuild', world.admin, {});
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('REBUILD_RUNNING');
    } finally {
      await other.end();
    }
    expect((await post(api, '/api/admin/rebuild', world.taskforce, {})).status).toBe(403);
    expect((await get(api, '/api/admin/rebuild', world.leader)).status).toBe(403);
  });
});
