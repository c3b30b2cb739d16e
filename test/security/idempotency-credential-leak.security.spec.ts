import { ConsoleLogger, INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { canonicalJson } from '@luodi/event-store';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { adminToken, authHeaders, createUserAndLogin, TestUser } from '../support/auth-helpers';
import { RunningApi, startApi, TEST_ADMIN_PASSWORD } from '../support/start-api';
import { createTestPool } from '../support/test-database';
import { post } from '../e2e/projects.helpers';

/**
 * Issue 12, item 5: the idempotency table as a source of credentials, and keys that never end.
 * It kept a bare SHA-256 of every body (a new user's password falls to a word list), the answers
 * (access tokens from a password change), and rows forever; a claim left by a crash answered 409
 * for good. Now: credential routes store nothing, bodies are compared by an HMAC under a server
 * key, keys expire, and abandoned claims are settled from the events at start-up.
 */
let api: RunningApi;
let pool: Pool;
let taskforce: TestUser;

beforeAll(async () => {
  api = await startApi();
  pool = createTestPool(api.databaseUrl, 2);
  taskforce = await createUserAndLogin(api, 'taskforce');
});
afterAll(async () => {
  await pool.end();
  await api.stop();
});

/** Every row of the table, every column as text. */
const tableAsText = async (): Promise<string> =>
  (await pool.query<{ row: string }>('SELECT t::text AS row FROM idempotency_keys t')).rows
    .map((r) => r.row)
    .join('\n');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const withKey = (key: string) => ({ 'Idempotency-Key': key });

describe('credentials in the idempotency table', () => {
  it('keeps no password, no token and no plain hash of a body after creating a user and changing a password', async () => {
    const admin = { headers: authHeaders(await adminToken(api)) } as TestUser;
    const newUser = {
      username: `leaked-${randomUUID().slice(0, 8)}`,
      password: 'correct-horse-battery',
      role: 'reviewer',
    };
    const created = await post(api, '/api/users', admin, newUser, withKey(randomUUID()));
    expect(created.status).toBe(201);

    // Its own user: a password change ends the user's older tokens.
    const changer = await createUserAndLogin(api, 'leader');
    const change = { currentPassword: changer.password, newPassword: 'another-long-password-1' };
    const changed = await post(api, '/api/auth/password', changer, change, withKey(randomUUID()));
    expect(changed.status).toBe(200);
    expect(typeof changed.body.accessToken).toBe('string');

    // A command with a key is still stored, with a keyed hash.
    const enterprise = { name: '青岛幂等有限公司' };
    const registered = await post(api, '/api/enterprises', admin, enterprise, withKey(randomUUID()));
    expect(registered.status).toBe(201);

    const table = await tableAsText();
    expect(table).toContain(registered.body.id);
    // Nothing of the credential routes is kept, not even their keyed hash.
    expect(table).not.toContain('/api/users');
    expect(table).not.toContain('/api/auth/password');
    for (const secret of [
      newUser.password,
      change.currentPassword,
      change.newPassword,
      changed.body.accessToken,
      TEST_ADMIN_PASSWORD,
    ]) {
      expect(table).not.toContain(secret);
    }
    for (const body of [newUser, change, enterprise]) {
      expect(table).not.toContain(sha256(canonicalJson(body)));
      expect(table).not.toContain(sha256(JSON.stringify(body)));
    }
  });
});

describe('expiry', () => {
  it('runs a key older than the TTL afresh instead of replaying it', async () => {
    const key = randomUUID();
    const body = { name: '青岛过期有限公司' };
    const first = await post(api, '/api/enterprises', taskforce, body, withKey(key));
    const replay = await post(api, '/api/enterprises', taskforce, body, withKey(key));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);

    await pool.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const afterTtl = await post(api, '/api/enterprises', taskforce, body, withKey(key));
    expect(afterTtl.status).toBe(201);
    expect(afterTtl.headers.get('idempotent-replayed')).toBeNull();
    expect(afterTtl.body.id).not.toBe(first.body.id);
  });
});

describe('a claim left pending by a crash', () => {
  let restarted: INestApplication;
  let restartedUrl: string;
  const withEvent = { key: randomUUID(), body: { name: '青岛崩溃之前有限公司' } };
  const withoutEvent = { key: randomUUID(), body: { name: '青岛崩溃之后有限公司' } };
  let written: { id: string; version: number; position: number };

  beforeAll(async () => {
    // The command ran and wrote its event, then the process died before storing the answer.
    const first = await post(api, '/api/enterprises', taskforce, withEvent.body, withKey(withEvent.key));
    expect(first.status).toBe(201);
    written = first.body;
    await pool.query(
      `UPDATE idempotency_keys SET status = NULL, response_body = NULL, created_at = created_at - interval '2 minutes' WHERE key = $1`,
      [withEvent.key],
    );
    // The process died before the command wrote anything.
    await pool.query(
      `INSERT INTO idempotency_keys (user_id, key, request, request_hash, answer_status, created_at)
       VALUES ($1, $2, 'POST /api/enterprises', 'unknown', 201, now() - interval '2 minutes')`,
      [taskforce.id, withoutEvent.key],
    );

    // The service starts again (a second instance on the same database; its projector off).
    const config = loadConfig({
      NODE_ENV: 'test',
      LUODI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      LUODI_PROJECTOR: 'off',
      LOG_LEVEL: 'error',
    });
    restarted = await createApp(config, api.databaseUrl, new ConsoleLogger('Luodi', { logLevels: ['error'] }));
    await restarted.listen(0, '127.0.0.1');
    restartedUrl = `http://127.0.0.1:${(restarted.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await restarted?.close();
  });

  const retry = (claim: { key: string; body: unknown }) =>
    post({ ...api, baseUrl: restartedUrl }, '/api/enterprises', taskforce, claim.body, withKey(claim.key));

  it('is settled at start-up: completed from its event, or released when there is none', async () => {
    const { rows } = await pool.query<{ key: string; status: number | null; response_body: unknown }>(
      'SELECT key, status, response_body FROM idempotency_keys WHERE key = ANY($1)',
      [[withEvent.key, withoutEvent.key]],
    );
    expect(rows).toEqual([{ key: withEvent.key, status: 201, response_body: written }]);
  });

  it('replays the reconstructed answer to a retry when the event was written', async () => {
    const reply = await retry(withEvent);
    expect(reply.status).toBe(201);
    expect(reply.headers.get('idempotent-replayed')).toBe('true');
    expect(reply.body).toEqual(written);
  });

  it('is settled by a retry on an instance that kept running, without waiting for a restart', async () => {
    const key = randomUUID();
    await pool.query(
      `INSERT INTO idempotency_keys (user_id, key, request, request_hash, answer_status, created_at)
       VALUES ($1, $2, 'POST /api/enterprises', 'unknown', 201, now() - interval '2 minutes')`,
      [taskforce.id, key],
    );
    const started = Date.now();
    const reply = await post(api, '/api/enterprises', taskforce, { name: '青岛运行中有限公司' }, withKey(key));
    expect(reply.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('runs a retry afresh when nothing was written, instead of answering 409 forever', async () => {
    const reply = await retry(withoutEvent);
    expect(reply.status).toBe(201);
    expect(reply.headers.get('idempotent-replayed')).toBeNull();
    expect(reply.body.version).toBe(1);
  });
});
