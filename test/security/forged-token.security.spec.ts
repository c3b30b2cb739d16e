import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createWorld, get, post, World } from '../e2e/projects.helpers';
import { authHeaders, login } from '../support/auth-helpers';
import { RunningApi, startApi, TEST_ADMIN_PASSWORD } from '../support/start-api';

// The secret that round 1 signed with whenever LUODI_JWT_SECRET was unset: public in the source.
const OLD_PUBLIC_SECRET = 'luodi-development-secret-not-for-production';

/** Another API process on the same database, started as `npm start` would (no LUODI_JWT_SECRET). */
async function secondInstance(databaseUrl: string): Promise<{ app: INestApplication; baseUrl: string }> {
  const config = loadConfig({ NODE_ENV: 'development', LUODI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, LOG_LEVEL: 'error' });
  const app = await createApp(config, databaseUrl);
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
}

describe('forged tokens: no signing key anyone can know', () => {
  let api: RunningApi;
  let world: World;
  beforeAll(async () => {
    api = await startApi(); // no LUODI_JWT_SECRET, as after a plain `npm start`
    world = await createWorld(api);
  });
  afterAll(() => api.stop());

  it('refuses an admin token signed with the secret that used to be written in the source', async () => {
    const forged = signAccessToken(
      { sub: world.admin.id, username: 'admin', role: 'admin', ver: 0 },
      OLD_PUBLIC_SECRET,
      3600,
    ).token;
    for (const ver of [0, 1, 2]) {
      const token = signAccessToken(
        { sub: world.admin.id, username: 'admin', role: 'admin', ver },
        OLD_PUBLIC_SECRET,
        3600,
      ).token;
      const reply = await fetch(`${api.baseUrl}/api/users`, { headers: authHeaders(token) });
      expect(reply.status).toBe(401);
    }
    const create = await fetch(`${api.baseUrl}/api/users`, {
      method: 'POST',
      headers: authHeaders(forged),
      body: JSON.stringify({ username: 'intruder', password: 'Intruder-Pass-2026!x', role: 'admin' }),
    });
    expect(create.status).toBe(401);
  });

  it('makes a random key on first start, keeps it in the database, and shares it with every instance on that database', async () => {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query("SELECT value FROM server_secrets WHERE name = 'jwt'");
      expect(rows).toHaveLength(1);
      expect(rows[0].value.length).toBeGreaterThanOrEqual(48);
      expect(rows[0].value).not.toBe(OLD_PUBLIC_SECRET);
      // Nobody but the table's owner may read it.
      const { rows: grants } = await db.query(
        "SELECT grantee FROM information_schema.role_table_grants WHERE table_name = 'server_secrets' AND grantee = 'PUBLIC'",
      );
      expect(grants).toEqual([]);
    } finally {
      await db.end();
    }

    // A second instance (or a restart) on the same database accepts the first one's tokens, and the other way round.
    const other = await secondInstance(api.databaseUrl);
    try {
      const fromFirst = await fetch(`${other.baseUrl}/api/auth/me`, { headers: authHeaders(world.taskforce.token) });
      expect(fromFirst.status).toBe(200);
      const { accessToken } = await login(other.baseUrl, world.leader.username, world.leader.password);
      expect((await fetch(`${api.baseUrl}/api/auth/me`, { headers: authHeaders(accessToken) })).status).toBe(200);
    } finally {
      await other.app.close();
    }
  });

  it('keeps user ids out of project reads for every role but admin', async () => {
    const submitted = await post(api, '/api/projects', world.taskforce, {
      enterpriseId: world.enterpriseId,
      title: '海洋装备智能制造基地',
      industryChain: '海洋装备',
      investmentYuan: 1_000_000,
    });
    const id = submitted.body.id;
    expect(
      (
        await post(api, `/api/projects/${id}/reviews`, world.reviewer, {
          verdict: 'approved',
          scores: { idea: 90, validation: 80, feasibility: 85 },
        })
      ).status,
    ).toBe(200);

    for (const user of [world.taskforce, world.leader, world.reviewer]) {
      for (const path of [`/api/projects/${id}`, `/api/projects/${id}/history`]) {
        const reply = await get(api, path, user);
        expect(reply.status).toBe(200);
        const text = JSON.stringify(reply.body);
        expect(text).not.toContain('userId');
        expect(text).not.toContain(world.reviewer.id);
        expect(text).not.toContain(world.taskforce.id);
        expect(text).toContain(world.reviewer.username); // who acted is still shown
      }
    }
    const asAdmin = await get(api, `/api/projects/${id}/history`, world.admin);
    expect(JSON.stringify(asAdmin.body)).toContain(world.reviewer.id);
  });
});

describe('where a first start listens', () => {
  it('listens on loopback unless LUODI_HOST says otherwise, and refuses a HOST that is no address', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    // zsh and tcsh set HOST to the machine's name: it must not decide where Luodi listens.
    expect(loadConfig({ HOST: 'build-box' }).host).toBe('127.0.0.1');
    expect(loadConfig({ LUODI_HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(() => loadConfig({ LUODI_HOST: 'every interface' })).toThrow(/LUODI_HOST must be an IP address/);
  });

  it('no longer accepts a short LUODI_JWT_SECRET, and no longer has a built-in one', () => {
    expect(() => loadConfig({ LUODI_JWT_SECRET: 'short' })).toThrow(/LUODI_JWT_SECRET/);
    expect(loadConfig({}).jwtSecret).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production' }).jwtSecret).toBeUndefined();
  });
});
