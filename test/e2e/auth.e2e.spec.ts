import { Pool } from 'pg';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { adminToken, authHeaders, createUserAndLogin, login } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';

const SECRET = 'e2e-secret-that-is-long-enough-for-hs256';

let api: RunningApi;
let db: Pool;
beforeAll(async () => {
  api = await startApi({ LUODI_JWT_SECRET: SECRET, LUODI_TOKEN_TTL_SECONDS: '60' });
  db = new Pool({ connectionString: api.databaseUrl, max: 2 });
});
afterAll(async () => {
  await db.end();
  await api.stop();
});

async function call(method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: token ? authHeaders(token) : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const admin = async () => adminToken(api);

describe('login', () => {
  it('returns a bearer token valid for the configured TTL, and the user', async () => {
    const before = Date.now();
    const session = await login(api.baseUrl, 'ADMIN', api.adminPassword);
    expect(session.user).toEqual({ id: expect.any(String), username: 'admin', role: 'admin' });
    const ttl = new Date(session.expiresAt).getTime() - before;
    expect(ttl).toBeGreaterThan(58_000);
    expect(ttl).toBeLessThanOrEqual(61_000);
    const me = await call('GET', '/api/auth/me', session.accessToken);
    expect(me).toMatchObject({ status: 200, body: session.user });
  });

  it('gives a department user its department, in the login answer and in /me', async () => {
    const clerk = await createUserAndLogin(api, 'department', 'industry');
    const me = await call('GET', '/api/auth/me', clerk.token);
    expect(me.body).toEqual({
      id: clerk.id,
      username: clerk.username,
      role: 'department',
      departmentCode: 'industry',
      unreadNotifications: 0,
    });
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await call('POST', '/api/auth/login', undefined, { username: 'admin', password: 'not-the-password' });
    const unknown = await call('POST', '/api/auth/login', undefined, {
      username: 'nobody-here',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    const { correlationId: _a, ...wrongProblem } = wrong.body;
    const { correlationId: _b, ...unknownProblem } = unknown.body;
    expect(unknownProblem).toEqual(wrongProblem);
    expect(wrongProblem).toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
      detail: 'Wrong username or password.',
    });
  });

  it('rejects malformed login input with 400 and field errors, unknown fields included', async () => {
    const response = await call('POST', '/api/auth/login', undefined, { username: 'admin', extra: 1 });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['password', 'extra']));
  });
});

describe('bearer tokens', () => {
  it('refuses requests without a token, with a garbled header, or with a tampered payload', async () => {
    expect(await call('GET', '/api/auth/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    const basic = await fetch(`${api.baseUrl}/api/auth/me`, { headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toContain('Bearer');

    const leader = await createUserAndLogin(api, 'leader');
    const [header, payload, signature] = leader.token.split('.');
    const bytes = Buffer.from(payload, 'base64url');
    const flipped = Buffer.from(bytes);
    flipped[bytes.indexOf('"role":"leader"') + 8] ^= 1; // one bit: "leader" becomes "meader"
    const tampered = [header, flipped.toString('base64url'), signature].join('.');
    expect(await call('GET', '/api/auth/me', tampered)).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    const raised = Buffer.from(bytes.toString().replace('"role":"leader"', '"role":"admin"')).toString('base64url');
    expect(raised).not.toBe(payload);
    expect(await call('GET', '/api/users', [header, raised, signature].join('.'))).toMatchObject({
      status: 401,
      body: { code: 'TOKEN_INVALID' },
    });
    expect(await call('GET', '/api/auth/me', leader.token)).toMatchObject({ status: 200 });
  });

  it('refuses an expired token, and accepts the same claims signed now (so expiry is the reason)', async () => {
    const user = await createUserAndLogin(api, 'reviewer');
    const claims = { sub: user.id, username: user.username, role: 'reviewer' as const, ver: 1 };
    const expired = signAccessToken(claims, SECRET, 60, Date.now() - 61_000).token;
    expect(await call('GET', '/api/auth/me', expired)).toMatchObject({ status: 401, body: { code: 'TOKEN_EXPIRED' } });
    const fresh = signAccessToken(claims, SECRET, 60).token;
    expect(await call('GET', '/api/auth/me', fresh)).toMatchObject({ status: 200, body: { username: user.username } });
  });

  it('refuses a token signed with another secret', async () => {
    const user = await createUserAndLogin(api, 'taskforce');
    const forged = signAccessToken(
      { sub: user.id, username: user.username, role: 'taskforce', ver: 1 },
      'someone-elses-secret-someone-elses',
      60,
    ).token;
    expect(await call('GET', '/api/auth/me', forged)).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
  });
});

describe('disabling a user', () => {
  it('ends its existing token at once and refuses its login; enabling lets it log in again, old token still dead', async () => {
    const user = await createUserAndLogin(api, 'taskforce');
    expect((await call('GET', '/api/auth/me', user.token)).status).toBe(200);

    const disabled = await call('POST', `/api/users/${user.id}/disable`, await admin());
    expect(disabled).toMatchObject({ status: 200, body: { id: user.id, disabled: true } });
    expect(await call('GET', '/api/auth/me', user.token)).toMatchObject({
      status: 401,
      body: { code: 'TOKEN_REVOKED' },
    });
    const refused = await call('POST', '/api/auth/login', undefined, {
      username: user.username,
      password: user.password,
    });
    expect(refused).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });

    expect(await call('POST', `/api/users/${user.id}/enable`, await admin())).toMatchObject({
      status: 200,
      body: { disabled: false },
    });
    expect((await call('GET', '/api/auth/me', user.token)).status).toBe(401);
    const again = await login(api.baseUrl, user.username, user.password);
    expect((await call('GET', '/api/auth/me', again.accessToken)).status).toBe(200);
  });

  it('does not let an admin disable their own account', async () => {
    const other = await createUserAndLogin(api, 'admin');
    expect(await call('POST', `/api/users/${other.id}/disable`, other.token)).toMatchObject({
      status: 409,
      body: { code: 'CANNOT_DISABLE_SELF' },
    });
  });
});

describe('passwords', () => {
  it('an admin reset ends the old token and the old password; the new password works', async () => {
    const user = await createUserAndLogin(api, 'reviewer');
    const reset = await call('POST', `/api/users/${user.id}/password`, await admin(), {
      password: 'brand-new-password',
    });
    expect(reset.status).toBe(200);
    expect(reset.body).not.toHaveProperty('passwordHash');
    expect(await call('GET', '/api/auth/me', user.token)).toMatchObject({
      status: 401,
      body: { code: 'TOKEN_REVOKED' },
    });
    expect(
      (await call('POST', '/api/auth/login', undefined, { username: user.username, password: user.password })).status,
    ).toBe(401);
    const session = await login(api.baseUrl, user.username, 'brand-new-password');
    expect((await call('GET', '/api/auth/me', session.accessToken)).status).toBe(200);
  });

  it('a user changes their own password with the current one, and gets a new token', async () => {
    const user = await createUserAndLogin(api, 'leader');
    const wrong = await call('POST', '/api/auth/password', user.token, {
      currentPassword: 'not-my-password',
      newPassword: 'another-password',
    });
    expect(wrong).toMatchObject({ status: 400, body: { errors: [{ field: 'currentPassword' }] } });
    const short = await call('POST', '/api/auth/password', user.token, {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect(short).toMatchObject({ status: 400, body: { errors: [{ field: 'newPassword' }] } });

    const changed = await call('POST', '/api/auth/password', user.token, {
      currentPassword: user.password,
      newPassword: 'another-password',
    });
    expect(changed).toMatchObject({ status: 200, body: { accessToken: expect.any(String), user: { id: user.id } } });
    expect((await call('GET', '/api/auth/me', user.token)).status).toBe(401);
    expect((await call('GET', '/api/auth/me', changed.body.accessToken)).status).toBe(200);
    await expect(login(api.baseUrl, user.username, 'another-password')).resolves.toMatchObject({
      user: { id: user.id },
    });
  });

  it('stores only a salted scrypt hash', async () => {
    const user = await createUserAndLogin(api, 'leader');
    const { rows } = await db.query('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$3\$[\w-]+\$[\w-]+$/);
    expect(rows[0].password_hash).not.toContain(user.password);
  });
});

describe('user administration', () => {
  it('creates users with attribution, lists them without secrets, and records every change', async () => {
    const adminSession = await login(api.baseUrl, 'admin', api.adminPassword);
    const created = await fetch(`${api.baseUrl}/api/users`, {
      method: 'POST',
      headers: { ...authHeaders(adminSession.accessToken), 'X-Correlation-Id': 'create-zhang' },
      body: JSON.stringify({ username: 'Zhang.Wei', password: 'zhang-password', role: 'taskforce' }),
    });
    expect(created.status).toBe(201);
    const user = (await created.json()) as { id: string };
    expect(user).toMatchObject({
      username: 'Zhang.Wei',
      role: 'taskforce',
      disabled: false,
      createdBy: adminSession.user.id,
    });

    const list = await call('GET', '/api/users', adminSession.accessToken);
    const listed = list.body.find((u: { id: string }) => u.id === user.id);
    expect(listed).toEqual(user);
    expect(JSON.stringify(list.body)).not.toContain('scrypt');

    await call('POST', `/api/users/${user.id}/disable`, adminSession.accessToken);
    const { rows } = await db.query(
      'SELECT change, changed_by, correlation_id FROM user_changes WHERE user_id = $1 ORDER BY id',
      [user.id],
    );
    expect(rows).toEqual([
      { change: 'created', changed_by: adminSession.user.id, correlation_id: 'create-zhang' },
      { change: 'disabled', changed_by: adminSession.user.id, correlation_id: expect.any(String) },
    ]);
    const after = (await call('GET', '/api/users', adminSession.accessToken)).body.find(
      (u: { id: string }) => u.id === user.id,
    );
    expect(after).toMatchObject({ disabled: true, updatedBy: adminSession.user.id });
  });

  it('keeps usernames unique regardless of case', async () => {
    const body = { username: 'li.na', password: 'li-na-password', role: 'reviewer' };
    expect((await call('POST', '/api/users', await admin(), body)).status).toBe(201);
    const again = await call('POST', '/api/users', await admin(), { ...body, username: 'LI.NA' });
    expect(again).toMatchObject({ status: 409, body: { code: 'USERNAME_TAKEN' } });
  });

  it('validates role, password policy and the department binding', async () => {
    const token = await admin();
    const fieldsOf = async (body: object) => {
      const response = await call('POST', '/api/users', token, body);
      expect(response.status).toBe(400);
      // A field breaking several rules (the username is also easy to guess) is named once.
      return [...new Set(response.body.errors.map((e: { field: string }) => e.field))];
    };
    expect(await fieldsOf({ username: 'x1', password: 'short', role: 'boss' })).toEqual(
      expect.arrayContaining(['password', 'role']),
    );
    expect(await fieldsOf({ username: 'dept-user', password: 'long-enough', role: 'department' })).toEqual([
      'departmentCode',
    ]);
    expect(
      await fieldsOf({ username: 'tf-user', password: 'long-enough', role: 'taskforce', departmentCode: 'industry' }),
    ).toEqual(['departmentCode']);
    expect(
      await fieldsOf({
        username: 'dept-user',
        password: 'long-enough',
        role: 'department',
        departmentCode: 'no-such-department',
      }),
    ).toEqual(['departmentCode']);
    expect(await fieldsOf({ username: 'same-as-password', password: 'same-as-password', role: 'leader' })).toEqual([
      'password',
    ]);
    expect(await fieldsOf({ username: 'ok-user', password: 'long-enough', role: 'leader', isAdmin: true })).toEqual([
      'isAdmin',
    ]);
  });

  it('answers 404 for an unknown user and 400 for an id that is no UUID', async () => {
    expect(await call('POST', '/api/users/00000000-0000-4000-8000-000000000000/disable', await admin())).toMatchObject({
      status: 404,
      body: { code: 'USER_NOT_FOUND' },
    });
    expect((await call('POST', '/api/users/not-a-uuid/enable', await admin())).status).toBe(400);
  });
});

describe('attribution', () => {
  it('every event written names the actor (id, username, role) and the correlation id', async () => {
    const taskforce = await createUserAndLogin(api, 'taskforce');
    const response = await fetch(`${api.baseUrl}/api/enterprises`, {
      method: 'POST',
      headers: { ...taskforce.headers, 'X-Correlation-Id': 'attribution-check' },
      body: JSON.stringify({ name: '青岛创新科技有限公司' }),
    });
    expect(response.status).toBe(201);
    const { rows } = await db.query(
      "SELECT metadata FROM events WHERE metadata->>'correlationId' = 'attribution-check'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].metadata).toMatchObject({
      actor: { userId: taskforce.id, username: taskforce.username, role: 'taskforce' },
      correlationId: 'attribution-check',
    });
  });
});
