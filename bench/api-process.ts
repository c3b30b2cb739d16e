import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { API_NODE_OPTIONS } from '../apps/api/src/node-options';
import { freePort } from './free-port';

/** The repository root, from dist/bench/bench. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  /** The projector worker's pid, when it runs as its own process. */
  projectorPid?: number;
  adminPassword: string;
  memory: MemorySampler;
  /** The last lines the API wrote, for error reports. */
  logTail(): string;
  stop(): Promise<void>;
}

/**
 * The built API (`node dist/apps/api/src/main.js`) as a child process on the bench database, the
 * way it runs in production (NODE_ENV=production, API_NODE_OPTIONS; `nodeOptions` come after them,
 * so they can override) but for the 督办 scheduler (off: see supervise.ts), on a free port. `adminPassword` is the first
 * start's: later starts on the same database keep the admin made then. `projector: 'worker'` runs the
 * projections in their own process (`dist/apps/projector/src/main.js`) instead of inline.
 */
export async function startApiProcess(
  databaseUrl: string,
  options: {
    adminPassword: string;
    nodeOptions?: string[];
    projector?: 'inline' | 'worker';
    env?: Record<string, string>;
  },
): Promise<ApiProcess> {
  const worker = options.projector === 'worker' ? startProjectorProcess(databaseUrl) : undefined;
  const port = await freePort();
  const { adminPassword } = options;
  const child = spawn(
    process.execPath,
    [...API_NODE_OPTIONS, ...(options.nodeOptions ?? []), path.join(REPO_ROOT, 'dist/apps/api/src/main.js')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        LUODI_ADMIN_PASSWORD: adminPassword,
        LUODI_JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        LUODI_PROJECTOR: worker ? 'off' : 'inline',
        // The bench runs the scheduler's passes itself (supervise.ts) and times them as figures of
        // their own; a pass of the API's own, every 5 minutes, would fall into some measured
        // windows and not others.
        LUODI_SUPERVISION_SCHEDULER: 'off',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split('\n').filter(Boolean));
    log.splice(0, Math.max(0, log.length - 50));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    baseUrl,
    pid: child.pid!,
    projectorPid: worker?.child.pid,
    adminPassword,
    memory: new MemorySampler(child.pid!),
    logTail: () => log.join('\n'),
    stop: async () => {
      await stop(child, exited);
      if (worker) await stop(worker.child, worker.exited);
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    const code = await Promise.race([exited, sleep(250).then(() => 'running' as const)]);
    if (code !== 'running') throw new Error(`the API exited (${code}) while starting:\n${api.logTail()}`);
    if (await healthy(baseUrl)) return api;
    if (Date.now() > deadline) {
      await api.stop();
      throw new Error(`the API did not become healthy within 120 s:\n${api.logTail()}`);
    }
  }
}

function startProjectorProcess(databaseUrl: string): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/apps/projector/src/main.js')], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/health`)).status === 200;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  // Killed outright if it has not stopped within 15 s.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export interface MemoryFigures {
  /** Largest resident set seen by sampling VmRSS every 100 ms. */
  peakRssMb: number;
  /** The kernel's high-water mark (VmHWM) since the phase started, when it could be reset. */
  highWaterMarkMb: number | null;
  meanRssMb: number;
  samples: number;
}

/**
 * Samples the resident set of a process during a phase. The kernel's own peak (VmHWM) is reset
 * at the start of each phase by writing 5 to /proc/<pid>/clear_refs, so it belongs to the phase.
 */
export class MemorySampler {
  private timer?: NodeJS.Timeout;
  private samples: number[] = [];
  private hwmReset = false;

  constructor(private readonly pid: number) {}

  start(): void {
    this.samples = [];
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      this.hwmReset = true;
    } catch {
      this.hwmReset = false;
    }
    this.timer = setInterval(() => {
      const rss = this.status('VmRSS');
      if (rss !== null) this.samples.push(rss);
    }, 100);
  }

  stop(): MemoryFigures {
    clearInterval(this.timer);
    const rss = this.status('VmRSS');
    if (rss !== null) this.samples.push(rss);
    const mb = (kb: number) => Math.round(kb / 102.4) / 10;
    const hwm = this.status('VmHWM');
    return {
      peakRssMb: mb(Math.max(...this.samples)),
      highWaterMarkMb: this.hwmReset && hwm !== null ? mb(hwm) : null,
      meanRssMb: mb(this.samples.reduce((s, v) => s + v, 0) / Math.max(1, this.samples.length)),
      samples: this.samples.length,
    };
  }

  /** A field of /proc/<pid>/status in kB, or null when the process is gone. */
  private status(field: string): number | null {
    try {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return match ? Number(match[1]) : null;
    } catch {
      return null;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The HTTP baseline (baseline-server.ts) as its own process on a free port, on an `events` table
 * in `schema` of the bench database; resolves once it answers.
 */
export async function startBaselineProcess(
  databaseUrl: string,
  schema: string,
): Promise<{ baseUrl: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'baseline-server.js')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      BASELINE_SCHEMA: schema,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(baseUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await stop(child, exited);
      throw new Error('the HTTP baseline did not answer within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, pid: child.pid!, stop: () => stop(child, exited) };
}
