import { Pool } from 'pg';
import { RunningApi, startApi } from '../support/start-api';
import { createWorld, fieldsOf, get, post, Reply, send, World } from './projects.helpers';

/**
 * Wall screens (挂图作战) read the dashboards with a display token: issued by an admin, shown
 * once, stored only as a hash, never expiring by itself, refused everywhere but the dashboard
 * routes, and refused from the next request on once revoked.
 */
let api: RunningApi;
let world: World;
let pool: Pool;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  pool = new Pool({ connectionString: api.databaseUrl, max: 2 });
});
afterAll(async () => {
  await pool.end();
  await api.stop();
});

const asWall = (token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> =>
  send(api, method, path, undefined, body, { Authorization: `Bearer ${token}` });

describe('display tokens', () => {
  it('are issued by an admin only, shown once and stored only as a SHA-256', async () => {
    for (const user of [world.taskforce, world.leader, world.industry]) {
      expect((await post(api, '/api/display-tokens', user, { name: '指挥大厅' })).status).toBe(403);
    }
    const bad = await post(api, '/api/display-tokens', world.admin, { name: '' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['name']);

    const issued = await post(api, '/api/display-tokens', world.admin, { name: '专班指挥大厅 1 号屏' });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^ldd_[\w-]{43}$/);
    const list = await get(api, '/api/display-tokens', world.admin);
    expect(list.body).toEqual([
      expect.objectContaining({ id: issued.body.id, name: '专班指挥大厅 1 号屏', revokedAt: null }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(issued.body.token);
    const rows = await pool.query('SELECT * FROM display_tokens');
    expect(JSON.stringify(rows.rows)).not.toContain(issued.body.token);
    const idempotency = await pool.query('SELECT * FROM idempotency_keys');
    expect(JSON.stringify(idempotency.rows)).not.toContain(issued.body.token.slice(4));
    const audit = await pool.query(`SELECT action, target FROM audit_log WHERE action LIKE 'display-token.%'`);
    expect(audit.rows).toEqual([{ action: 'display-token.created', target: '专班指挥大厅 1 号屏' }]);
  });

  it('read the dashboards, and nothing else; write nothing', async () => {
    const { token } = (await post(api, '/api/display-tokens', world.admin, { name: '大屏 2' })).body;
    for (const path of [
      '/api/auth/me',
      '/api/dashboard/summary',
      '/api/dashboard/landing-rate?groupBy=conference',
      '/api/dashboard/trend?quarters=4',
      '/api/forecast/landing',
      '/api/departments',
      '/api/conferences',
    ]) {
      expect([path, (await asWall(token, 'GET', path)).status]).toEqual([path, 200]);
    }
    expect((await asWall(token, 'GET', '/api/auth/me')).body).toMatchObject({
      username: '大屏 2',
      role: 'leader',
      display: true,
    });
    for (const path of [
      '/api/projects',
      '/api/enterprises',
      '/api/users',
      '/api/display-tokens',
      '/api/audit-log',
      '/api/notifications',
    ]) {
      const reply = await asWall(token, 'GET', path);
      expect([path, reply.status, reply.body.code]).toEqual([path, 403, 'DISPLAY_TOKEN_SCOPE']);
    }
    const write = await asWall(token, 'POST', '/api/display-tokens', { name: 'sneaky' });
    expect([write.status, write.body.code]).toEqual([403, 'DISPLAY_TOKEN_SCOPE']);
    const password = await asWall(token, 'POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'y' });
    expect(password.status).toBe(403);
    expect((await asWall(`${token}x`, 'GET', '/api/dashboard/summary')).status).toBe(401);
  });

  it('stop working at once when revoked; a second revoke or an unknown id is a clear problem', async () => {
    const issued = (await post(api, '/api/display-tokens', world.admin, { name: '大屏 3' })).body;
    expect((await asWall(issued.token, 'GET', '/api/dashboard/summary')).status).toBe(200);
    const revoked = await post(api, `/api/display-tokens/${issued.id}/revoke`, world.admin, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: issued.id, revokedBy: 'admin' });
    const refused = await asWall(issued.token, 'GET', '/api/dashboard/summary');
    expect([refused.status, refused.body.code]).toEqual([401, 'TOKEN_REVOKED']);
    expect((await post(api, `/api/display-tokens/${issued.id}/revoke`, world.admin, {})).body.code).toBe(
      'DISPLAY_TOKEN_REVOKED',
    );
    const unknown = await post(api, '/api/display-tokens/00000000-0000-4000-8000-000000000000/revoke', world.admin, {});
    expect([unknown.status, unknown.body.code]).toEqual([404, 'DISPLAY_TOKEN_NOT_FOUND']);
    expect((await post(api, `/api/display-tokens/${issued.id}/revoke`, world.taskforce, {})).status).toBe(403);
  });
});
