import { Pool } from 'pg';
import { projectStream } from '@luodi/domain';
import { IdempotencyKeysService } from '../../apps/api/src/common/idempotency-keys.service';
import { createUserAndLogin, TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import {
  createWorld,
  EventsTable,
  expectRefused,
  fieldsOf,
  get,
  plan,
  post,
  projectAt,
  validSubmission,
  World,
} from './projects.helpers';

let api: RunningApi;
let world: World;
let events: EventsTable;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  events = new EventsTable(api.databaseUrl);
});
afterAll(async () => {
  await events.close();
  await api.stop();
});

describe('If-Match: optimistic concurrency over HTTP', () => {
  it('runs the command on the version the client saw, and refuses a stale one with 412 VERSION_MISMATCH', async () => {
    const { id, version } = await projectAt(world, 'assigned');
    const stale = await expectRefused(
      events,
      () =>
        post(
          api,
          `/api/projects/${id}/progress`,
          world.taskforce,
          { note: '基于旧版本' },
          { 'If-Match': `"${version - 1}"` },
        ),
      412,
      'VERSION_MISMATCH',
    );
    expect(stale.body.detail).toContain(`version ${version}`);

    const current = await post(
      api,
      `/api/projects/${id}/progress`,
      world.taskforce,
      { note: '基于当前版本' },
      { 'If-Match': `"${version}"` },
    );
    expect(current.status).toBe(200);
    expect(current.body.version).toBe(version + 1);
  });

  it('400 for an If-Match that is not a version', async () => {
    const { id } = await projectAt(world, 'assigned');
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/progress`, world.taskforce, { note: 'x' }, { 'If-Match': 'abc' }),
      400,
      'INVALID_IF_MATCH',
    );
  });

  it('20 concurrent commands with the same If-Match: exactly one succeeds, the others get 412, one event is written', async () => {
    const { id, version } = await projectAt(world, 'assigned');
    const before = await events.count(projectStream(id));
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(
          api,
          `/api/projects/${id}/progress`,
          world.taskforce,
          { note: `并发报告 ${i}` },
          { 'If-Match': `"${version}"` },
        ),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(412)]);
    expect(replies.filter((r) => r.status === 412).every((r) => r.body.code === 'VERSION_MISMATCH')).toBe(true);
    expect(await events.count(projectStream(id))).toBe(before + 1);
    expect((await get(api, `/api/projects/${id}`, world.taskforce)).body.version).toBe(version + 1);
  });
});

describe('Idempotency-Key: safe retries', () => {
  it('a retry with the same key and body gets the stored response and writes nothing again', async () => {
    const body = validSubmission(world.enterpriseId, { title: '重试的项目' });
    const headers = { 'Idempotency-Key': crypto.randomUUID() };
    const first = await post(api, '/api/projects', world.taskforce, body, headers);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const total = await events.count();

    // Same body with its keys in another order: the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const retry = await post(api, '/api/projects', world.taskforce, reordered, headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await events.count()).toBe(total);
  });

  it('replays a 200 command too, even after the project moved on', async () => {
    const { id } = await projectAt(world, 'assigned');
    const headers = { 'Idempotency-Key': `progress-${crypto.randomUUID()}` };
    const first = await post(api, `/api/projects/${id}/progress`, world.taskforce, { note: '一次' }, headers);
    expect(first.status).toBe(200);
    expect((await post(api, `/api/projects/${id}/progress`, world.taskforce, { note: '另一次' })).status).toBe(200);
    const retry = await post(api, `/api/projects/${id}/progress`, world.taskforce, { note: '一次' }, headers);
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: first.body });
    expect(await events.types(projectStream(id))).toHaveLength(first.body.version + 1);
  });

  it('422 IDEMPOTENCY_KEY_REUSED for the same key with another body or on another path', async () => {
    const key = crypto.randomUUID();
    expect(
      (
        await post(api, '/api/projects', world.taskforce, validSubmission(world.enterpriseId), {
          'Idempotency-Key': key,
        })
      ).status,
    ).toBe(201);
    await expectRefused(
      events,
      () =>
        post(api, '/api/projects', world.taskforce, validSubmission(world.enterpriseId, { investmentYuan: 1 }), {
          'Idempotency-Key': key,
        }),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
    await expectRefused(
      events,
      () => post(api, '/api/enterprises', world.taskforce, { name: '另一家企业' }, { 'Idempotency-Key': key }),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('keys are scoped per user: another user’s identical key runs its own command', async () => {
    const other: TestUser = await createUserAndLogin(api, 'taskforce');
    const key = crypto.randomUUID();
    const body = { name: '同名键企业' };
    const mine = await post(api, '/api/enterprises', world.taskforce, body, { 'Idempotency-Key': key });
    const theirs = await post(api, '/api/enterprises', other, body, { 'Idempotency-Key': key });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a refused command releases its key: once the project allows it, the same retry runs', async () => {
    const { id } = await projectAt(world, 'presented');
    const key = crypto.randomUUID();
    const report = () =>
      post(api, `/api/projects/${id}/progress`, world.taskforce, { note: '启动会已召开' }, { 'Idempotency-Key': key });
    await expectRefused(events, report, 409, 'PROJECT_NOT_ASSIGNED');
    expect(
      (await post(api, `/api/projects/${id}/assignments`, world.taskforce, plan('industry', 'resources'))).status,
    ).toBe(200);
    const retry = await report();
    expect({ status: retry.status, replayed: retry.headers.get('idempotent-replayed') }).toEqual({
      status: 200,
      replayed: null,
    });
    expect((await events.types(projectStream(id))).slice(-1)).toEqual(['ProgressReported']);
  });

  it('concurrent requests with one key: the command runs once and every request gets its response', async () => {
    const key = crypto.randomUUID();
    const body = validSubmission(world.enterpriseId, { title: '并发同键项目' });
    const total = await events.count();
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => post(api, '/api/projects', world.taskforce, body, { 'Idempotency-Key': key })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    expect(await events.count()).toBe(total + 1);
  });

  it('409 IDEMPOTENCY_KEY_IN_PROGRESS when the first request with the key does not finish in time', async () => {
    // A pending row, as left by a first request still running (or by a process that died mid-way).
    const key = crypto.randomUUID();
    const body = { name: '处理中企业' };
    const hash = await api.app.get(IdempotencyKeysService).hashBody(body);
    const db = new Pool({ connectionString: api.databaseUrl, max: 1 });
    await db.query(
      'INSERT INTO idempotency_keys (user_id, key, request, request_hash, answer_status) VALUES ($1, $2, $3, $4, 201)',
      [world.taskforce.id, key, 'POST /api/enterprises', hash],
    );
    await db.end();
    const started = Date.now();
    await expectRefused(
      events,
      () => post(api, '/api/enterprises', world.taskforce, body, { 'Idempotency-Key': key }),
      409,
      'IDEMPOTENCY_KEY_IN_PROGRESS',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
  });

  it('400 for a key that is not 1 to 200 visible characters', async () => {
    const reply = await expectRefused(
      events,
      () => post(api, '/api/enterprises', world.taskforce, { name: 'x' }, { 'Idempotency-Key': 'x'.repeat(201) }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(reply)).toEqual(['Idempotency-Key']);
  });
});
