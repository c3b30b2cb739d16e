import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { join, resolve } from 'node:path';
import { API_NODE_OPTIONS } from '../../apps/api/src/node-options';

/** The built API (dist/) as `npm start` runs it, for tests of what happens around the process. */
export const ROOT = resolve(__dirname, '../..');

export function buildApi(): void {
  execFileSync('npx', ['nest', 'build', 'api'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

export interface BuiltApi {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** `env` adds to this process' environment, without DATABASE_URL and Jest's NODE_ENV=test: the product starts as a user would. */
export function startBuiltApi(options: {
  env: Record<string, string>;
  project?: string;
  nodeArgs?: string[];
}): BuiltApi {
  const project = options.project ?? ROOT;
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const child = spawn(
    process.execPath,
    [...API_NODE_OPTIONS, ...(options.nodeArgs ?? []), join(project, 'dist/apps/api/src/main.js')],
    {
      cwd: project,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

export async function waitHealthy(port: number, output: () => string): Promise<unknown> {
  for (let i = 0; i < 600; i++) {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
    if (health?.status === 200) return health.json();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no health within 60 s:\n${output()}`);
}

export async function stopBuiltApi(api: BuiltApi): Promise<number | null> {
  if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGTERM');
  return api.exited;
}

/** Processes whose command line names `dir`: the embedded PostgreSQL of that data directory. */
export function postgresProcessesOf(dir: string): number[] {
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

export async function login(port: number, password: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}
