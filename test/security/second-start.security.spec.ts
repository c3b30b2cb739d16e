import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockedForPostgresUser } from '../../apps/api/src/database/postgres-user-access';
import {
  BuiltApi,
  buildApi,
  freePort,
  login,
  postgresProcessesOf,
  ROOT,
  startBuiltApi,
  stopBuiltApi,
  waitHealthy,
} from '../support/built-api';

/**
 * Issue 12, item 15: with Luodi running on its embedded PostgreSQL, a second start on the same
 * data directory exited with EADDRINUSE and, on its way out, stopped the server the first one
 * used, which then answered every request with 503. A second start must leave the running one
 * alone and say in one sentence that the data directory is in use, and by which process.
 */
const ADMIN_PASSWORD = 'second-start-password';
// As root in a project the postgres user cannot enter, no embedded PostgreSQL runs at all (item 14).
const blocked = blockedForPostgresUser(join(ROOT, 'node_modules'));
const runnable = blocked ? it.skip : it;

let dataDir: string;
let pgPort: number;
const started: BuiltApi[] = [];

function start(port: number): BuiltApi {
  const api = startBuiltApi({
    env: {
      PORT: String(port),
      LUODI_DATA_DIR: dataDir,
      LUODI_EMBEDDED_PG_PORT: String(pgPort),
      LUODI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
  });
  started.push(api);
  return api;
}

async function departments(port: number, token: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/departments`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

async function createDepartment(port: number, token: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/api/departments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ code: 'fgw', name: '市发展改革委' }),
  });
  expect(response.status).toBe(201);
}

const health = async (port: number) => (await fetch(`http://127.0.0.1:${port}/api/health`)).json();

beforeAll(() => {
  if (!blocked) buildApi();
}, 360_000);
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'luodi-second-start-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data
  pgPort = await freePort();
});
afterEach(async () => {
  for (const api of started.splice(0))
    if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
  for (const pid of postgresProcessesOf(dataDir)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a second start on a data directory in use', () => {
  runnable(
    'exits naming the data directory and the running Luodi’s pid, on the same port or another, and the running one keeps its database',
    async () => {
      const [port, otherPort] = await Promise.all([freePort(), freePort()]);
      const first = start(port);
      await waitHealthy(port, first.output);
      const servers = postgresProcessesOf(dataDir);
      expect(servers.length).toBeGreaterThan(0);
      const token = await login(port, ADMIN_PASSWORD);
      await createDepartment(port, token);

      for (const secondPort of [port, otherPort]) {
        const second = start(secondPort);
        expect(await second.exited).toBe(75);
        const lines = second.output().trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`The data directory ${dataDir} is in use by the Luodi process ${first.child.pid} `);

        expect(await health(port)).toMatchObject({ status: 'ok', database: { status: 'up' } });
        expect(await departments(port, token)).toEqual({ status: 200, body: [{ code: 'fgw', name: '市发展改革委' }] });
        expect(postgresProcessesOf(dataDir)).toEqual(expect.arrayContaining(servers));
      }

      expect(await stopBuiltApi(first)).toBe(0);
      expect(existsSync(join(dataDir, 'luodi.pid'))).toBe(false);
      expect(postgresProcessesOf(dataDir)).toEqual([]);
    },
    120_000,
  );

  runnable(
    'takes over the lock of a Luodi killed outright, stopping the PostgreSQL it left running, and keeps the data',
    async () => {
      const port = await freePort();
      const first = start(port);
      await waitHealthy(port, first.output);
      const token = await login(port, ADMIN_PASSWORD);
      await createDepartment(port, token);
      first.child.kill('SIGKILL');
      await first.exited;
      expect(readFileSync(join(dataDir, 'luodi.pid'), 'utf8').trim()).toBe(String(first.child.pid));
      const orphans = postgresProcessesOf(dataDir);
      expect(orphans.length).toBeGreaterThan(0);

      const next = start(port);
      await waitHealthy(port, next.output);
      expect(readFileSync(join(dataDir, 'luodi.pid'), 'utf8').trim()).toBe(String(next.child.pid));
      expect(await departments(port, token)).toEqual({ status: 200, body: [{ code: 'fgw', name: '市发展改革委' }] });
      expect(postgresProcessesOf(dataDir).filter((pid) => orphans.includes(pid))).toEqual([]);
      expect(await stopBuiltApi(next)).toBe(0);
      expect(postgresProcessesOf(dataDir)).toEqual([]);
    },
    120_000,
  );

  runnable(
    'ignores a lock file whose pid is no live process',
    async () => {
      const port = await freePort();
      writeFileSync(join(dataDir, 'luodi.pid'), '2147483646\n'); // above any pid_max, so never alive
      const api = start(port);
      expect(await waitHealthy(port, api.output)).toMatchObject({ database: { status: 'up' } });
      expect(await stopBuiltApi(api)).toBe(0);
    },
    120_000,
  );
});
