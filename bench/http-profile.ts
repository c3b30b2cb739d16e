import './module-paths';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { createEventsSchema } from './append';
import { CpuShares, measureCpu } from './cpu';
import { startApiProcess, startBaselineProcess } from './api-process';
import { createBenchDatabase, openServer } from './database';
import { Http } from './http';
import { createLoadWorld, LoadFigures, runBaselineLoad, runLoad } from './load';
import { summariseProfile } from './profile-summary';

/**
 * Only the HTTP phase of the bench (run.ts), on a fresh, small database: the baseline, then the
 * API with the projector inline (BENCH_PROJECTOR=worker: in its own process), at the bench's
 * concurrency; with BENCH_API_PROFILE=<dir> the API runs under `node --cpu-prof` and the
 * profile's heaviest functions and files are printed. For finding where a command's time goes
 * without generating the bench's million events first. BENCH_API_NODE_OPTIONS adds node options
 * to the API's (e.g. `-r <preload>`).
 */
const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
const warmup = Number(process.env.BENCH_HTTP_WARMUP_SECONDS ?? 5);
const connections = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 32);
const profileDir = process.env.BENCH_API_PROFILE ? path.resolve(process.env.BENCH_API_PROFILE) : undefined;
const skipBaseline = process.env.BENCH_BASELINE === 'off';
/** `worker` leaves the projector out of the API's process, to see the command path's cost alone. */
const projector = process.env.BENCH_PROJECTOR === 'worker' ? 'worker' : 'inline';

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const line = (name: string, f: LoadFigures, cpu: CpuShares) =>
  console.log(
    `${name}: ${Math.round(f.commandsPerSecond)} commands/s, p50 ${f.latencyMs.p50} ms, p99 ${f.latencyMs.p99} ms, ${f.non2xx} non-2xx, ${f.errors} errors; busy cores ${Object.entries(
      cpu.cores,
    )
      .map(([part, cores]) => `${part} ${cores}`)
      .join(', ')} (load average ${loadAverage()})`,
  );

async function main(): Promise<void> {
  const server = await openServer();
  const db = await createBenchDatabase(server);
  const pool = new Pool({ connectionString: db.url, max: 2 });
  console.log(`database ${db.name}, load average ${loadAverage()}`);
  try {
    let baseline: LoadFigures | undefined;
    if (!skipBaseline) {
      await createEventsSchema(pool, 'bench_http_baseline');
      const running = await startBaselineProcess(db.url, 'bench_http_baseline');
      try {
        if (warmup > 0) await runBaselineLoad(running.baseUrl, connections, warmup);
        const cpu = measureCpu({ baseline: running.pid, bench: process.pid });
        baseline = await runBaselineLoad(running.baseUrl, connections, seconds);
        line('baseline', baseline, cpu.stop());
      } finally {
        await running.stop();
      }
    }
    const api = await startApiProcess(db.url, {
      adminPassword: `bench-${randomBytes(9).toString('base64url')}`,
      nodeOptions: [
        ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
        ...(process.env.BENCH_API_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []),
      ],
      projector,
    });
    const started = Date.now();
    try {
      const world = await createLoadWorld(new Http(api.baseUrl), api.adminPassword);
      if (warmup > 0) await runLoad(api.baseUrl, world, connections, warmup);
      const cpu = measureCpu({ api: api.pid, projector: api.projectorPid, bench: process.pid });
      api.memory.start();
      const load = await runLoad(api.baseUrl, world, connections, seconds);
      const memory = api.memory.stop();
      const shares = cpu.stop();
      line(`api (projector ${projector})`, load, shares);
      console.log(`API peak RSS ${memory.highWaterMarkMb ?? memory.peakRssMb} MB (mean ${memory.meanRssMb} MB)`);
      console.log(
        `API CPU per command: ${((1000 * shares.cores.api) / Math.max(1, load.commandsPerSecond)).toFixed(2)} ms`,
      );
      if (baseline)
        console.log(`api/baseline ${Math.round((100 * load.commandsPerSecond) / baseline.commandsPerSecond)} %`);
    } finally {
      await api.stop();
    }
    if (profileDir) summariseProfile(profileDir, started);
  } finally {
    await pool.end();
    await db.drop();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
