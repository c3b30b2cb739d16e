import { Pool } from 'pg';
import { ROLES } from '../../apps/api/src/auth/actor';
import { adminToken, authHeaders, createUserAndLogin, login } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { createTestPool } from '../support/test-database';

/**
 * The attack: someone guesses passwords, or an admin (or a stolen admin session) quietly
 * creates users, raises roles or resets passwords, then covers the tracks. Every such action
 * must leave a row in audit_log that names who did it, and the database itself must refuse
 * to change or delete those rows.
 */

let api: RunningApi;
let db: Pool;
let admin: Record<string, string>;
beforeAll(async () => {
  // The tests speak as a proxy forwarding for its clients.
  api = await startApi({ LUODI_TRUSTED_PROXIES: '127.0.0.1' });
  db = createTestPool(api.databaseUrl, 2);
  admin = authHeaders(await adminToken(api));
}, 60_000);
afterAll(async () => {
  await db.end();
  await api.stop();
});

interface Row {
  id: string;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  target: string | null;
  client_address: string | null;
  correlation_id: string | null;
  details: Record<string, unknown>;
}

async function rows(action: string, target: string): Promise<Row[]> {
  return (
    await db.query<Row>('SELECT * FROM audit_log WHERE action = $1 AND target = $2 ORDER BY id', [action, target])
  ).rows;
}

async function auditText(): Promise<string> {
  return (await db.query<{ t: string }>("SELECT coalesce(string_agg(audit_log::text, ' '), '') AS t FROM audit_log"))
    .rows[0].t;
}

async function post(path: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(`${api.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    correlationId: response.headers.get('x-correlation-id'),
  };
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.baseUrl}${path}`, { headers });
  return { status: response.status, body: JSON.parse(await response.text()) };
}

describe('audit log: password guessing leaves a trace', () => {
  it('records a failed login with the username tried, the client address and the reason, but never the password', async () => {
    const guess = 'Guessed-Password-7731';
    const wrong = await post(
      '/api/auth/login',
      { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.7' },
      { username: 'admin', password: guess },
    );
    const unknown = await post(
      '/api/auth/login',
      { 'Content-Type': 'application/json' },
      { username: 'no-such-user', password: guess },
    );
    expect([wrong.status, unknown.status]).toEqual([401, 401]);

    const [wrongRow] = await rows('auth.login.failed', 'admin');
    expect(wrongRow).toMatchObject({
      actor_username: null,
      client_address: '203.0.113.7',
      correlation_id: wrong.correlationId,
      details: { reason: 'wrong-password' },
    });
    const [unknownRow] = await rows('auth.login.failed', 'no-such-user');
    expect(unknownRow).toMatchObject({
      client_address: '127.0.0.1',
      correlation_id: unknown.correlationId,
      details: { reason: 'unknown-user' },
    });
    expect(await auditText()).not.toContain(guess);
  });

  it('records a successful login with the user as actor, and no password', async () => {
    const user = await createUserAndLogin(api, 'reviewer');
    const [row] = await rows('auth.login.succeeded', user.username);
    expect(row).toMatchObject({ actor_username: user.username, actor_role: 'reviewer', client_address: '127.0.0.1' });
    expect(await auditText()).not.toContain(user.password);
  });

  it('records a failed login of a disabled user as such', async () => {
    const user = await createUserAndLogin(api, 'leader');
    expect((await post(`/api/users/${user.id}/disable`, admin, {})).status).toBe(200);
    expect(
      (
        await post(
          '/api/auth/login',
          { 'Content-Type': 'application/json' },
          { username: user.username, password: user.password },
        )
      ).status,
    ).toBe(401);
    expect((await rows('auth.login.failed', user.username)).map((r) => r.details)).toEqual([{ reason: 'disabled' }]);
  });
});

describe('audit log: user administration is attributed to the admin', () => {
  it('records the first-start admin as created by the service itself', async () => {
    expect(await rows('user.created', 'admin')).toEqual([
      expect.objectContaining({
        actor_username: null,
        actor_role: null,
        details: { role: 'admin', departmentCode: null, firstStart: true },
      }),
    ]);
  });

  it('records creating a user and changing its role, with the admin as actor and the request’s correlation id', async () => {
    const password = 'Initial-Password-5519';
    const created = await post('/api/users', admin, { username: 'audited-user', password, role: 'leader' });
    expect(created.status).toBe(201);
    const [createdRow] = await rows('user.created', 'audited-user');
    expect(createdRow).toMatchObject({
      actor_username: 'admin',
      actor_role: 'admin',
      correlation_id: created.correlationId,
      client_address: '127.0.0.1',
      details: { role: 'leader', departmentCode: null },
    });

    const session = await login(api.baseUrl, 'audited-user', password);
    const promoted = await post(`/api/users/${created.body.id}/role`, admin, { role: 'taskforce' });
    expect(promoted).toMatchObject({ status: 200, body: { role: 'taskforce' } });
    const [roleRow] = await rows('user.role-changed', 'audited-user');
    expect(roleRow).toMatchObject({
      actor_username: 'admin',
      actor_role: 'admin',
      correlation_id: promoted.correlationId,
      details: { from: { role: 'leader', departmentCode: null }, to: { role: 'taskforce', departmentCode: null } },
    });
    // The old token carried the old role; it must not outlive the change.
    expect((await get('/api/auth/me', authHeaders(session.accessToken))).body.code).toBe('TOKEN_REVOKED');
    expect(await auditText()).not.toContain(password);
  });

  it('records a password reset and a disable/enable without the new password', async () => {
    const user = await createUserAndLogin(api, 'reviewer');
    const newPassword = 'Reset-Password-8842';
    expect((await post(`/api/users/${user.id}/password`, admin, { password: newPassword })).status).toBe(200);
    expect((await post(`/api/users/${user.id}/disable`, admin, {})).status).toBe(200);
    expect((await post(`/api/users/${user.id}/enable`, admin, {})).status).toBe(200);
    for (const action of ['user.password-reset', 'user.disabled', 'user.enabled']) {
      expect(await rows(action, user.username)).toEqual([
        expect.objectContaining({ actor_username: 'admin', actor_role: 'admin' }),
      ]);
    }
    expect(await auditText()).not.toContain(newPassword);
  });

  it('records a user changing their own password with the user as actor', async () => {
    const user = await createUserAndLogin(api, 'taskforce');
    const changed = await post('/api/auth/password', user.headers, {
      currentPassword: user.password,
      newPassword: 'Own-New-Password-3318',
    });
    expect(changed.status).toBe(200);
    expect(await rows('user.password-changed', user.username)).toEqual([
      expect.objectContaining({ actor_username: user.username, actor_role: 'taskforce' }),
    ]);
    expect(await auditText()).not.toContain('Own-New-Password-3318');
  });

  it('refuses a role change of one’s own account (no admin can lock the others out by accident) and records nothing', async () => {
    const me = (await get('/api/auth/me', admin)).body as { id: string };
    const refused = await post(`/api/users/${me.id}/role`, admin, { role: 'leader' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'CANNOT_CHANGE_OWN_ROLE' } });
    expect(await rows('user.role-changed', 'admin')).toEqual([]);
  });

  it('records starting a rebuild of the read models', async () => {
    const started = await post('/api/admin/rebuild', admin, {});
    expect(started.status).toBe(202);
    expect((await db.query<Row>("SELECT * FROM audit_log WHERE action = 'admin.rebuild-started'")).rows).toEqual([
      expect.objectContaining({ actor_username: 'admin', correlation_id: started.correlationId }),
    ]);
    // Let the rebuild finish before the database is dropped.
    for (let i = 0; i < 100 && (await get('/api/admin/rebuild', admin)).body.status === 'running'; i++)
      await new Promise((r) => setTimeout(r, 100));
  });

  it('does not change a user when its audit row cannot be written, yet still lets people log in', async () => {
    const user = await createUserAndLogin(api, 'leader');
    await db.query('ALTER TABLE audit_log RENAME TO audit_log_away');
    try {
      const created = await post('/api/users', admin, {
        username: 'unaudited-user',
        password: 'Unaudited-Pass-1',
        role: 'leader',
      });
      expect(created.status).toBe(500);
      expect((await db.query("SELECT 1 FROM users WHERE username = 'unaudited-user'")).rowCount).toBe(0);
      expect((await login(api.baseUrl, user.username, user.password)).user.id).toBe(user.id);
    } finally {
      await db.query('ALTER TABLE audit_log_away RENAME TO audit_log');
    }
  });
});

describe('GET /api/audit-log', () => {
  it('lists the actions newest first, filtered by action, actor and time, paged', async () => {
    const all = await get('/api/audit-log?pageSize=100', admin);
    expect(all.status).toBe(200);
    const ids = all.body.items.map((item: { id: string }) => Number(item.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.body.total).toBeGreaterThan(5);

    const failed = await get('/api/audit-log?action=auth.login.failed', admin);
    expect(failed.body.items.length).toBeGreaterThan(0);
    expect(failed.body.items.every((item: { action: string }) => item.action === 'auth.login.failed')).toBe(true);
    expect(failed.body.items[0]).toEqual({
      id: expect.any(String),
      occurredAt: expect.any(String),
      actorUsername: null,
      actorRole: null,
      action: 'auth.login.failed',
      target: expect.any(String),
      clientAddress: expect.any(String),
      correlationId: expect.any(String),
      details: { reason: expect.any(String) },
    });

    const byAdmin = await get('/api/audit-log?actor=ADMIN&action=user.role-changed', admin);
    expect(byAdmin.body).toMatchObject({ total: 1, items: [{ target: 'audited-user', actorUsername: 'admin' }] });

    const page2 = await get('/api/audit-log?page=2&pageSize=2', admin);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: all.body.total });
    expect(page2.body.items.map((item: { id: string }) => item.id)).toEqual(
      all.body.items.slice(2, 4).map((item: { id: string }) => item.id),
    );

    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await get(`/api/audit-log?from=${future}`, admin)).body).toMatchObject({ total: 0, items: [] });
    expect((await get(`/api/audit-log?to=${future}`, admin)).body.total).toBe(all.body.total);
  });

  it('answers bad filters with 400 naming each field', async () => {
    const bad = await get('/api/audit-log?action=user.deleted&from=yesterday&pageSize=1000', admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'from', 'pageSize']);
  });

  it('is refused to every role but admin, and to anonymous callers', async () => {
    expect((await get('/api/audit-log')).status).toBe(401);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const user = await createUserAndLogin(api, role, role === 'department' ? 'audit-dept' : undefined);
      expect({ role, ...(await get('/api/audit-log', user.headers)) }).toMatchObject({
        role,
        status: 403,
        body: { code: 'ROLE_NOT_ALLOWED' },
      });
    }
  });
});

describe('audit_log in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, so no one can cover their tracks through the service’s connection', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    expect(before).toBeGreaterThan(0);
    await expect(db.query("UPDATE audit_log SET actor_username = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(db.query("DELETE FROM audit_log WHERE action = 'auth.login.failed'")).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before);
    expect(
      (await db.query("SELECT count(*)::int AS n FROM audit_log WHERE actor_username = 'someone-else'")).rows[0].n,
    ).toBe(0);
  });
});
