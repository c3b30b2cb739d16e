import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockedForPostgresUser } from '../../apps/api/src/database/postgres-user-access';
import {
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
 * `npm start` as a newcomer runs it: the built API with no DATABASE_URL starts its embedded
 * PostgreSQL, answers /api/health, keeps its data across a restart, and leaves no PostgreSQL
 * process behind after SIGTERM.
 */
const ADMIN_PASSWORD = 'start-test-password';
let dataDir: string;
let port: number;
let pgPort: number;

const start = () =>
  startBuiltApi({
    env: {
      PORT: String(port),
      LUODI_DATA_DIR: dataDir,
      LUODI_EMBEDDED_PG_PORT: String(pgPort),
      LUODI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
  });

// As root in a project the postgres user cannot enter (a clone under /root), the embedded
// PostgreSQL cannot run at all: the start refuses, which test/security/unreachable-postgres-files covers.
const blocked = blockedForPostgresUser(join(ROOT, 'node_modules'));

beforeAll(async () => {
  if (blocked) return;
  buildApi();
  dataDir = mkdtempSync(join(tmpdir(), 'luodi-start-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data
  [port, pgPort] = await Promise.all([freePort(), freePort()]);
}, 360_000);
afterAll(() => {
  if (blocked) return;
  for (const pid of postgresProcessesOf(dataDir)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const title =
  'starts on an embedded PostgreSQL, keeps its data across a restart, and leaves no PostgreSQL behind on SIGTERM';
(blocked ? it.skip : it)(
  blocked ? `${title} (skipped: the postgres user cannot enter ${blocked.directory})` : title,
  async () => {
    const first = start();
    expect(await waitHealthy(port, first.output)).toMatchObject({ status: 'ok', database: { status: 'up' } });
    expect(postgresProcessesOf(dataDir).length).toBeGreaterThan(0);
    const accessToken = await login(port, ADMIN_PASSWORD);
    const created = await fetch(`http://127.0.0.1:${port}/api/departments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ code: 'fgw', name: '市发展改革委' }),
    });
    expect(created.status).toBe(201);

    expect(await stopBuiltApi(first)).toBe(0);
    expect(postgresProcessesOf(dataDir)).toEqual([]);

    const second = start();
    await waitHealthy(port, second.output);
    const departments = await fetch(`http://127.0.0.1:${port}/api/departments`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(await departments.json()).toEqual([{ code: 'fgw', name: '市发展改革委' }]);
    expect(await stopBuiltApi(second)).toBe(0);
    expect(postgresProcessesOf(dataDir)).toEqual([]);
  },
  180_000,
);
