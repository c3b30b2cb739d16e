import './module-paths';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { appendBench, AppendRun, createEventsSchema } from './append';
import { ApiProcess, MemoryFigures, REPO_ROOT, startApiProcess, startBaselineProcess } from './api-process';
import { CpuShares, measureCpu } from './cpu';
import { connectionsInUse, createBenchDatabase, openServer } from './database';
import { eventGenerator, Generated } from './generate';
import { Http } from './http';
import { LagFigures, projectionLag, startObserver } from './lag';
import { createLoadWorld, LoadFigures, LoadWorld, runBaselineLoad, runLoad } from './load';
import { queryBench, QueryFigures } from './queries';
import { rebuildBench, RebuildRun } from './rebuild';
import { superviseAll, SupervisionRun } from './supervise';
import { round } from './stats';
import { withBulkLoadIndexes } from './bulk-load';

/** Every knob, from the environment, so a quick run can scale the bench down. */
const knobs = {
  events: int('BENCH_EVENTS', 1_000_000),
  projects: int('BENCH_PROJECTS', 100_000),
  appendSeconds: int('BENCH_APPEND_SECONDS', 5),
  httpSeconds: int('BENCH_HTTP_SECONDS', 30),
  httpWarmupSeconds: int('BENCH_HTTP_WARMUP_SECONDS', 5),
  httpConnections: int('BENCH_HTTP_CONNECTIONS', 32),
  querySamples: int('BENCH_QUERY_SAMPLES', 100),
  results: process.env.BENCH_RESULTS ?? path.join(REPO_ROOT, 'bench/results.json'),
  /** A directory: the API writes a CPU profile there when it stops (node --cpu-prof). */
  apiProfile: process.env.BENCH_API_PROFILE,
  /**
   * Where the projector runs during the HTTP load: `inline` (in the API process, as it runs out of
   * the box), `worker` (its own process, LUODI_PROJECTOR=off), or `both` (two runs; the default).
   */
  projectors: (process.env.BENCH_PROJECTOR === 'inline' || process.env.BENCH_PROJECTOR === 'worker'
    ? [process.env.BENCH_PROJECTOR]
    : ['inline', 'worker']) as Projector[],
};

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (got "${raw}")`);
  return value;
}

const log = (message: string) => console.log(message);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

interface Figure {
  figure: string;
  value: number | null;
  unit: string;
  target?: string;
  met?: boolean;
  workload: string;
}

async function main(): Promise<void> {
  const started = new Date();
  const loadSamples: number[] = [];
  const loadTimer = setInterval(() => loadSamples.push(loadAverage()[0]), 5000);
  const loadAtStart = loadAverage();
  log(`Luodi bench: ${os.cpus().length} cores, load average ${loadAtStart.join(' ')}`);

  const server = await openServer();
  const busy = await connectionsInUse(server);
  log(
    `PostgreSQL ${server.version} (${server.kind}), ${busy} of ${server.maxConnections} connections in use by others`,
  );
  if (server.maxConnections - busy < 100)
    log(`  warning: the append figures at concurrency 64 and the API need about 100 connections`);
  const db = await createBenchDatabase(server);
  log(`database ${db.name}`);
  const pool = new Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined);

  let api: ApiProcess | undefined;
  const results: Results = { http: [], queryPhases: [] };
  const adminPassword = `bench-${randomBytes(9).toString('base64url')}`;

  /** The query latency of every kind, one request at a time, with the API's peak memory meanwhile. */
  const queryPhase = async (running: ApiProcess, http: Http, departments: Map<string, string>) => {
    const leader = await leaderToken(http, running.adminPassword);
    running.memory.start();
    const queries = await queryBench(running.baseUrl, { leader, departments }, knobs.querySamples);
    results.queryMemory = running.memory.stop();
    for (const q of queries) {
      log(
        `  ${q.name.padEnd(24)} ${q.latencyMs ? `p50 ${round(q.latencyMs.p50)} ms, p95 ${round(q.latencyMs.p95)} ms` : q.served ? 'no request succeeded' : 'not served'}${q.failures ? `, ${q.failures} failed: ${q.firstFailure}` : ''}`,
      );
    }
    return queries;
  };
  try {
    if (knobs.appendSeconds > 0) {
      log(`\n1. Appends through the EventStore port vs raw INSERT and Emmett (${knobs.appendSeconds} s each)`);
      results.append = await appendBench(db.url, {
        seconds: knobs.appendSeconds,
        concurrencies: [1, 16, 64],
        sizes: [1, 10],
        log,
      });
    }

    // The queries are measured at SMALL_PROJECTS first, then the log grows to the full size: how
    // each read grows with the data (a paged or aggregated read should grow far less than 10x).
    const generator = eventGenerator(db.url);
    const small = knobs.querySamples > 0 && knobs.projects > SMALL_PROJECTS;
    if (small) {
      log(`\n4. Generating ${SMALL_PROJECTS.toLocaleString('en')} projects for the first query phase`);
      const generated = await generateAndRebuild(pool, db.url, generator, { events: 0, projects: SMALL_PROJECTS });
      log(`\nStarting the API (node dist/apps/api/src/main.js), projector inline`);
      api = await startApiProcess(db.url, { adminPassword, projector: 'inline' });
      const http = new Http(api.baseUrl);
      const world = await createLoadWorld(http, api.adminPassword);
      await settle(pool);
      log(`\n5. Query latency at ${generated.projects.toLocaleString('en')} projects`);
      const queries = await queryPhase(api, http, world.departments);
      results.queryPhases.push({ projects: generated.projects, queries });
      await api.stop();
      api = undefined;
    }

    log(
      `\n4. Generating ${knobs.events.toLocaleString('en')} events / ${knobs.projects.toLocaleString('en')} projects with the deciders${small ? ' (growing the log)' : ''}`,
    );
    results.generated = await withBulkLoadIndexes(pool, () =>
      generator.grow({ events: knobs.events, projects: knobs.projects, log }),
    );
    await pool.query('VACUUM ANALYZE events');
    log(
      `  ${results.generated.events.toLocaleString('en')} events, ${results.generated.projects.toLocaleString('en')} projects in ${results.generated.seconds} s`,
    );

    log(`\n4. Rebuilding the read models from ${results.generated.events.toLocaleString('en')} events`);
    results.rebuild = await rebuildBench(db.url, log);
    log(
      `  ${results.rebuild.events.toLocaleString('en')} events in ${results.rebuild.seconds} s: ${Math.round(results.rebuild.eventsPerSecond)} events/s`,
    );
    results.supervision = { catchUp: await supervise(db.url), pass: await supervise(db.url) };

    if (knobs.httpSeconds > 0) {
      log(
        `\n2a. HTTP baseline (node:http + pg: parse, read the stream, one INSERT) at concurrency ${knobs.httpConnections} (warm-up ${knobs.httpWarmupSeconds} s, then ${knobs.httpSeconds} s)`,
      );
      results.baseline = await baselinePhase(pool, db.url);
      log(
        `  ${Math.round(results.baseline.commandsPerSecond)} commands/s, p50 ${results.baseline.latencyMs.p50} ms, p99 ${results.baseline.latencyMs.p99} ms, ${results.baseline.non2xx} non-2xx`,
      );
    }

    for (const [i, projector] of knobs.projectors.entries()) {
      log(`\nStarting the API (node dist/apps/api/src/main.js), projector ${projector}`);
      api = await startApiProcess(db.url, {
        adminPassword,
        nodeOptions: knobs.apiProfile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(knobs.apiProfile)}`] : [],
        projector,
      });
      const http = new Http(api.baseUrl);
      const world = await createLoadWorld(http, api.adminPassword);
      if (i === 0) await settle(pool);

      if (i === 0 && knobs.querySamples > 0) {
        log(
          `\n5. Query latency at ${results.generated.projects.toLocaleString('en')} projects (${knobs.querySamples} requests per kind, one at a time)`,
        );
        const queries = await queryPhase(api, http, world.departments);
        results.queryPhases.push({ projects: results.generated.projects, queries });
      }

      if (knobs.httpSeconds > 0) {
        log(
          `\n2. HTTP commands at concurrency ${knobs.httpConnections}, projector ${projector} (warm-up ${knobs.httpWarmupSeconds} s, then ${knobs.httpSeconds} s)`,
        );
        const run = await httpPhase(api, world, pool, db.url, projector);
        results.http.push(run);
        log(
          `  ${Math.round(run.load.commandsPerSecond)} commands/s, p50 ${run.load.latencyMs.p50} ms, p99 ${run.load.latencyMs.p99} ms, ${run.load.non2xx} non-2xx, ${run.load.errors} errors`,
        );
        log(
          `  busy cores: ${Object.entries(run.cpu.cores)
            .map(([part, cores]) => `${part} ${cores}`)
            .join(', ')} (of ${os.cpus().length})`,
        );
        log(
          `3. projection lag p50 ${round(run.lag.lagMs.p50)} ms, p99 ${round(run.lag.lagMs.p99)} ms over ${run.lag.transactions} appends`,
        );
      }
      await api.stop();
      api = undefined;
    }
  } catch (error) {
    if (api) log(`API log:\n${api.logTail()}`);
    throw error;
  } finally {
    await api?.stop();
    await pool.end();
    await db.drop();
    await server.stop();
    clearInterval(loadTimer);
  }

  const loadAtEnd = loadAverage();
  const figures = figuresOf(results);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: `${server.version} (${server.kind === 'machine' ? "the machine's server" : server.kind})`,
  };
  const load = {
    oneMinuteAtStart: loadAtStart[0],
    oneMinuteAtEnd: loadAtEnd[0],
    oneMinuteMax: Math.max(loadAtStart[0], ...loadSamples, loadAtEnd[0]),
    oneMinuteMean: round(
      [loadAtStart[0], ...loadSamples, loadAtEnd[0]].reduce((s, v) => s + v, 0) / (loadSamples.length + 2),
      2,
    ),
  };
  const finished = new Date();
  const report = {
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    minutes: round((finished.getTime() - started.getTime()) / 60_000, 1),
    machine,
    load,
    knobs,
    figures,
    details: results,
  };
  writeFileSync(knobs.results, `${JSON.stringify(report, null, 2)}\n`);

  log(`\n${table(figures)}`);
  log(`\nMachine: ${machine.cpus} cores, ${machine.memoryGb} GB, Node ${machine.node}, PostgreSQL ${machine.postgres}`);
  log(
    `Load average (1 min) during the run: ${load.oneMinuteAtStart} at start, mean ${load.oneMinuteMean}, max ${load.oneMinuteMax}, ${load.oneMinuteAtEnd} at end`,
  );
  log(`Took ${report.minutes} min; results in ${path.relative(process.cwd(), knobs.results)}`);
}

/** The first query phase's size (when BENCH_PROJECTS is larger). */
const SMALL_PROJECTS = 10_000;
/** The read target at the full size (100,000 projects by default). */
const QUERY_TARGET_MS = 50;
/** The query kinds held to QUERY_TARGET_MS: the dashboard, the forecast, the inbox, the list. */
const TARGETED_QUERIES = new Set(['dashboard summary', 'dashboard landing-rate', 'forecast', 'inbox', 'project list']);
/** The kinds "as reported then" and the scorecards are held to 100 ms (the two-time-axes target). */
const KNOWN_AT_TARGET_MS = 100;
const KNOWN_AT_QUERIES = new Set(['dashboard summary knownAt', 'forecast knownAt', 'scorecards']);
/** The API's resident memory under every load. */
const RSS_TARGET_MB = 256;

/** Generates up to the given size with the bulk-load indexes off, then rebuilds the read models. */
async function generateAndRebuild(
  pool: Pool,
  databaseUrl: string,
  generator: ReturnType<typeof eventGenerator>,
  size: { events: number; projects: number },
): Promise<Generated> {
  const generated = await withBulkLoadIndexes(pool, () => generator.grow({ ...size, log }));
  await pool.query('VACUUM ANALYZE events');
  const rebuild = await rebuildBench(databaseUrl, log);
  log(
    `  ${generated.projects.toLocaleString('en')} projects, ${generated.events.toLocaleString('en')} events, rebuilt in ${rebuild.seconds} s`,
  );
  await supervise(databaseUrl);
  return generated;
}

/** The scheduler's notices owed on the generated data, issued before the API starts (see superviseAll). */
async function supervise(databaseUrl: string): Promise<SupervisionRun> {
  const run = await superviseAll(databaseUrl);
  log(
    `  supervision pass: ${run.events.toLocaleString('en')} notices and escalations over ${run.projects.toLocaleString('en')} assigned projects in ${run.seconds} s`,
  );
  return run;
}

/** Before the first phase on the API: its projector has projected the supervision events, and the tables have fresh statistics. */
async function settle(pool: Pool): Promise<void> {
  await waitForProjection(pool, 300_000);
  await freshStatistics(pool);
}

/**
 * Fresh tables from a rebuild have neither planner statistics nor a visibility map until
 * autovacuum comes round (the machine's server runs without it): VACUUM ANALYZE does what it
 * would do, so the queries are measured as they run on a server that has settled.
 */
async function freshStatistics(pool: Pool): Promise<void> {
  await pool.query('VACUUM ANALYZE');
}

type Projector = 'inline' | 'worker';

interface HttpRun {
  projector: Projector;
  load: LoadFigures;
  memory: MemoryFigures;
  lag: LagFigures;
  cpu: CpuShares;
}

interface Results {
  append?: AppendRun[];
  generated?: Generated;
  rebuild?: RebuildRun;
  /** At the full size: the pass that issues what the history owes, then one that owes nothing (every 5 minutes in the API). */
  supervision?: { catchUp: SupervisionRun; pass: SupervisionRun };
  /** The query phases, smallest first (10,000 projects, then the full size). */
  queryPhases: Array<{ projects: number; queries: QueryFigures[] }>;
  queryMemory?: MemoryFigures;
  http: HttpRun[];
  baseline?: LoadFigures;
}

/** The floor the API's HTTP figures are compared with, loaded like the API (same connections and times). */
async function baselinePhase(pool: Pool, databaseUrl: string): Promise<LoadFigures> {
  const schema = 'bench_http_baseline';
  await createEventsSchema(pool, schema);
  const baseline = await startBaselineProcess(databaseUrl, schema);
  try {
    if (knobs.httpWarmupSeconds > 0)
      await runBaselineLoad(baseline.baseUrl, knobs.httpConnections, knobs.httpWarmupSeconds);
    return await runBaselineLoad(baseline.baseUrl, knobs.httpConnections, knobs.httpSeconds);
  } finally {
    await baseline.stop();
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
  }
}

/** Figures 2, 3 and 6: the HTTP load, the projection lag under it, and the API's memory meanwhile. */
async function httpPhase(
  api: ApiProcess,
  world: LoadWorld,
  pool: Pool,
  databaseUrl: string,
  projector: Projector,
): Promise<HttpRun> {
  if (knobs.httpWarmupSeconds > 0) await runLoad(api.baseUrl, world, knobs.httpConnections, knobs.httpWarmupSeconds);
  await waitForProjection(pool, 60_000);
  const { rows } = await pool.query<{ position: string }>(
    'SELECT coalesce(max(global_position), 0)::text AS position FROM events',
  );
  const observer = await startObserver(databaseUrl);
  api.memory.start();
  const cpu = measureCpu({ api: api.pid, projector: api.projectorPid, bench: process.pid });
  const load = await runLoad(api.baseUrl, world, knobs.httpConnections, knobs.httpSeconds);
  const cores = cpu.stop();
  const memory = api.memory.stop();
  await waitForProjection(pool, 60_000);
  // The last batch's notification may still be on its way to the observer's connection.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const lag = await projectionLag(pool, Number(rows[0].position), await observer.stop());
  return { projector, load, memory, lag, cpu: cores };
}

async function leaderToken(http: Http, adminPassword: string): Promise<string> {
  const admin = await http.login('admin', adminPassword);
  const username = `bench-leader-${Date.now()}`;
  const password = `bench-${Math.random().toString(36).slice(2)}`;
  await http.send('POST', '/api/users', admin, { username, password, role: 'leader' });
  return http.login(username, password);
}

/** Waits until the projector's checkpoint has reached the last event stored. */
async function waitForProjection(pool: Pool, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ behind: boolean }>(
      `SELECT coalesce((SELECT position FROM projection_checkpoints WHERE name = 'read-models'), 0) < (SELECT coalesce(max(global_position), 0) FROM events) AS behind`,
    );
    if (!rows[0].behind) return;
    if (Date.now() > deadline) throw new Error(`the projector did not catch up within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function figuresOf(r: Results): Figure[] {
  const figures: Figure[] = [];
  for (const size of [1, 10]) {
    for (const concurrency of [1, 16, 64]) {
      const store = r.append?.find(
        (a) => a.writer === 'store' && a.concurrency === concurrency && a.eventsPerAppend === size,
      );
      const raw = r.append?.find(
        (a) => a.writer === 'raw-insert' && a.concurrency === concurrency && a.eventsPerAppend === size,
      );
      const emmett = r.append?.find(
        (a) => a.writer === 'emmett' && a.concurrency === concurrency && a.eventsPerAppend === size,
      );
      if (!store || !raw) continue;
      const ratio = store.eventsPerSecond / raw.eventsPerSecond;
      // Most of the table for one-event appends under contention, nearly all of it for batches.
      const rawTarget = size === 10 ? 0.8 : concurrency > 1 ? 0.6 : undefined;
      const workload = `${concurrency} writer(s), ${size} event(s) per append, each writer on its own streams, ${store.seconds} s`;
      figures.push({
        figure: `append c=${concurrency}, ${size} ev: store`,
        value: Math.round(store.eventsPerSecond),
        unit: 'events/s',
        workload: `appendToStream with expectedVersion; ${workload}`,
      });
      figures.push({
        figure: `append c=${concurrency}, ${size} ev: raw INSERT`,
        value: Math.round(raw.eventsPerSecond),
        unit: 'events/s',
        workload: `one INSERT statement through pg; ${workload}`,
      });
      figures.push({
        figure: `append c=${concurrency}, ${size} ev: store/raw`,
        value: round(ratio * 100, 0),
        unit: '%',
        ...(rawTarget !== undefined ? { target: `>= ${rawTarget * 100} %`, met: ratio >= rawTarget } : {}),
        workload,
      });
      if (emmett) {
        const peer = store.eventsPerSecond / emmett.eventsPerSecond;
        figures.push({
          figure: `append c=${concurrency}, ${size} ev: emmett`,
          value: Math.round(emmett.eventsPerSecond),
          unit: 'events/s',
          workload: `Emmett-PostgreSQL appendToStream with expectedStreamVersion, in a database of its own; ${workload}`,
        });
        figures.push({
          figure: `append c=${concurrency}, ${size} ev: store/emmett`,
          value: round(peer * 100, 0),
          unit: '%',
          target: '>= 100 %',
          met: peer >= 1,
          workload,
        });
      }
    }
  }
  if (r.baseline) {
    const workload = `node:http + pg (bench/baseline-server.ts): parse the JSON body, read the stream, one INSERT; autocannon, ${r.baseline.connections} connections, ${r.baseline.seconds} s; ${r.baseline.non2xx} non-2xx`;
    figures.push({
      figure: 'HTTP baseline: commands/s',
      value: Math.round(r.baseline.commandsPerSecond),
      unit: 'commands/s',
      workload,
    });
    figures.push({ figure: 'HTTP baseline p99', value: r.baseline.latencyMs.p99, unit: 'ms', workload });
  }
  for (const { projector, load, lag, cpu } of r.http) {
    const busy = Object.entries(cpu.cores)
      .map(([part, cores]) => `${part} ${cores}`)
      .join(', ');
    const workload = `autocannon, ${load.connections} connections, ${load.seconds} s, projector ${projector}: project lifecycles (submit, review, present, assign, progress, land/withdraw) as taskforce, reviewer and department users; ${load.non2xx} non-2xx, ${load.errors} errors; busy cores: ${busy}`;
    figures.push({
      figure: `HTTP commands (${projector})`,
      value: Math.round(load.commandsPerSecond),
      unit: 'commands/s',
      workload,
    });
    if (r.baseline) {
      const ratio = load.commandsPerSecond / r.baseline.commandsPerSecond;
      figures.push({
        figure: `HTTP api/baseline (${projector})`,
        value: round(ratio * 100, 0),
        unit: '%',
        target: '>= 50 %',
        met: ratio >= 0.5,
        workload: `the API's commands/s over the HTTP baseline's, same autocannon settings, one run`,
      });
    }
    figures.push({ figure: `HTTP latency p50 (${projector})`, value: load.latencyMs.p50, unit: 'ms', workload });
    figures.push({
      figure: `HTTP latency p99 (${projector})`,
      value: load.latencyMs.p99,
      unit: 'ms',
      target: '< 30 ms',
      met: load.latencyMs.p99 < 30,
      workload,
    });
    const lagWorkload = `every append during the HTTP load with the projector ${projector} (${lag.transactions}): its commit notification to the commit of the projector batch covering it`;
    figures.push({
      figure: `projection lag p50 (${projector})`,
      value: round(lag.lagMs.p50),
      unit: 'ms',
      workload: lagWorkload,
    });
    figures.push({
      figure: `projection lag p99 (${projector})`,
      value: round(lag.lagMs.p99),
      unit: 'ms',
      target: '< 100 ms',
      met: lag.lagMs.p99 < 100,
      workload: lagWorkload,
    });
  }
  if (r.rebuild && r.generated) {
    figures.push({
      figure: 'rebuild',
      value: Math.round(r.rebuild.eventsPerSecond),
      unit: 'events/s',
      target: '>= 60,000',
      met: r.rebuild.eventsPerSecond >= 60_000,
      workload: `rebuildReadModels over ${r.rebuild.events.toLocaleString('en')} generated events (${r.generated.projects.toLocaleString('en')} projects, ${r.generated.enterprises.toLocaleString('en')} enterprises) in ${r.rebuild.seconds} s`,
    });
  }
  if (r.supervision) {
    const { catchUp, pass } = r.supervision;
    figures.push(
      {
        figure: 'supervision catch-up',
        value: catchUp.seconds,
        unit: 's',
        workload: `the scheduler's pass over the generated history: ${catchUp.events.toLocaleString('en')} notices and escalations over ${catchUp.projects.toLocaleString('en')} assigned projects`,
      },
      {
        figure: 'supervision pass, nothing owed',
        value: pass.seconds,
        unit: 's',
        workload: `the pass the API's scheduler makes every 5 minutes once caught up: reads the ${pass.projects.toLocaleString('en')} assigned projects' streams, issues ${pass.events}`,
      },
    );
  }
  const full = r.queryPhases[r.queryPhases.length - 1];
  const smaller = r.queryPhases.length > 1 ? r.queryPhases[0] : undefined;
  for (const q of full?.queries ?? []) {
    const before = smaller?.queries.find((s) => s.name === q.name);
    const targetMs = TARGETED_QUERIES.has(q.name)
      ? QUERY_TARGET_MS
      : KNOWN_AT_QUERIES.has(q.name)
        ? KNOWN_AT_TARGET_MS
        : undefined;
    const p95 = q.latencyMs?.p95 ?? null;
    const failed = (f: QueryFigures | undefined) => (f?.failures ? `; ${f.failures} failed` : '');
    if (before && smaller) {
      const at = `${smaller.projects.toLocaleString('en')} projects`;
      figures.push({
        figure: `${q.name} p50 @${compact(smaller.projects)}`,
        value: before.latencyMs ? round(before.latencyMs.p50) : null,
        unit: 'ms',
        workload: `${q.workload}; ${at}`,
      });
      figures.push({
        figure: `${q.name} p95 @${compact(smaller.projects)}`,
        value: before.latencyMs ? round(before.latencyMs.p95) : null,
        unit: 'ms',
        workload: `${q.workload}; ${at}${failed(before)}`,
      });
    }
    const at = compact(full.projects);
    figures.push({
      figure: `${q.name} p50 @${at}`,
      value: q.latencyMs ? round(q.latencyMs.p50) : null,
      unit: 'ms',
      workload: q.workload,
    });
    figures.push({
      figure: `${q.name} p95 @${at}`,
      value: p95 === null ? null : round(p95),
      unit: 'ms',
      ...(targetMs !== undefined ? { target: `< ${targetMs} ms`, met: p95 !== null && p95 < targetMs } : {}),
      workload: `${q.workload}; ${full.projects.toLocaleString('en')} projects${failed(q)}`,
    });
    const p95Before = before?.latencyMs?.p95;
    if (smaller && p95Before && p95 !== null)
      figures.push({
        figure: `${q.name} p95 growth ${compact(smaller.projects)}->${at}`,
        value: round(p95 / p95Before, 2),
        unit: 'x',
        workload: `p95 at ${full.projects.toLocaleString('en')} projects / p95 at ${smaller.projects.toLocaleString('en')} (the data grew ${round(full.projects / smaller.projects, 1)}x)`,
      });
  }
  const rss = (mb: number | null | undefined) =>
    mb === null || mb === undefined ? {} : { target: `<= ${RSS_TARGET_MB} MB`, met: mb <= RSS_TARGET_MB };
  if (r.queryMemory)
    figures.push({
      figure: 'API peak RSS, queries',
      value: r.queryMemory.highWaterMarkMb ?? r.queryMemory.peakRssMb,
      unit: 'MB',
      ...rss(r.queryMemory.highWaterMarkMb ?? r.queryMemory.peakRssMb),
      workload: 'VmHWM of the API process, reset at the phase start (sampled VmRSS peak if it cannot be reset)',
    });
  for (const { projector, memory } of r.http) {
    figures.push({
      figure: `API peak RSS, HTTP load (${projector})`,
      value: memory.highWaterMarkMb ?? memory.peakRssMb,
      unit: 'MB',
      ...rss(memory.highWaterMarkMb ?? memory.peakRssMb),
      workload: `as above, during the measured HTTP load, projector ${projector}`,
    });
  }
  return figures;
}

/** 10000 -> "10k", 100000 -> "100k". */
const compact = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

function table(figures: Figure[]): string {
  const rows = [
    ['figure', 'value', 'target', 'met'],
    ...figures.map((f) => [
      f.figure,
      f.value === null ? 'n/a' : `${f.value.toLocaleString('en')} ${f.unit}`,
      f.target ?? '',
      f.met === undefined ? '' : f.met ? 'yes' : 'NO',
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
