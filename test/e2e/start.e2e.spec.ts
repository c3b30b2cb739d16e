import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm start` as a newcomer runs it: the built API with no DATABASE_URL starts its embedded
 * PostgreSQL, answers /api/health, keeps its data across a restart, and leaves no PostgreSQL
 * process behind after SIGTERM.
 */
const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const ADMIN_PASSWORD = 'start-test-password';
let dataDir: string;
let port: number;
let pgPort: number;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

function start(): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LUODI_DATA_DIR: dataDir, LUODI_EMBEDDED_PG_PORT: String(pgPort), LUODI_ADMIN_PASSWORD: ADMIN_PASSWORD };
  delete env.DATABASE_URL;
  delete env.NODE_ENV; // Jest sets "test"; the product starts as a user would
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

async function healthy(output: () => string): Promise<unknown> {
  for (let i = 0; i < 600; i++) {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
    if (health?.status === 200) return health.json();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no health within 60 s:\n${output()}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((done) => (child.exitCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code))));

/** Processes whose command line names our data directory: the embedded PostgreSQL. */
function postgresProcessesOf(dir: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function stop(child: ChildProcess): Promise<number | null> {
  child.kill('SIGTERM');
  return exited(child);
}

beforeAll(async () => {
  execFileSync('npx', ['nest', 'build', 'api'], { cwd: ROOT, stdio: 'pipe', timeout: 180_000 });
  dataDir = mkdtempSync(join(tmpdir(), 'luodi-start-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data
  [port, pgPort] = await Promise.all([freePort(), freePort()]);
}, 240_000);
afterAll(() => {
  for (const pid of postgresProcessesOf(dataDir)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('starts on an embedded PostgreSQL, keeps its data across a restart, and leaves no PostgreSQL behind on SIGTERM', async () => {
  const first = start();
  expect(await healthy(first.output)).toMatchObject({ status: 'ok', database: { status: 'up' } });
  expect(postgresProcessesOf(dataDir).length).toBeGreaterThan(0);
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await fetch(`http://127.0.0.1:${port}/api/departments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ code: 'fgw', name: '市发展改革委' }),
  });
  expect(created.status).toBe(201);

  expect(await stop(first.child)).toBe(0);
  expect(postgresProcessesOf(dataDir)).toEqual([]);

  const second = start();
  await healthy(second.output);
  const departments = await fetch(`http://127.0.0.1:${port}/api/departments`, { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(await departments.json()).toEqual([{ code: 'fgw', name: '市发展改革委' }]);
  expect(await stop(second.child)).toBe(0);
  expect(postgresProcessesOf(dataDir)).toEqual([]);
}, 180_000);
