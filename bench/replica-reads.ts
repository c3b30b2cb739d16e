import './module-paths';
import autocannon from 'autocannon';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { createDataSource, migrate } from '@luodi/platform';
import { dashboardSummary } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { clusterDown, clusterEnv, clusterRunning, clusterUp } from '../test/cluster/cluster';
import { startApiProcess } from './api-process';
import { generateEvents } from './generate';
import { Http } from './http';
import { round } from './stats';

/**
 * `npm run bench:replicas`: query throughput served by the read replicas vs the primary alone,
 * on the cluster of scripts/cluster.sh (started here unless it runs; stopped again if started
 * here). Two figures:
 *
 * 1. SQL: BENCH_SQL_CONNECTIONS connections run the dashboard summary query (the heaviest read
 *    model query) for BENCH_SECONDS, through HAProxy's primary port, then its replicas' port.
 * 2. HTTP: the built API (one process) under autocannon (GET /api/dashboard/summary and
 *    GET /api/projects), without LUODI_READ_DATABASE_URL, then with it.
 *
 * On one machine the three PostgreSQL nodes share its CPUs, so replicas cannot add capacity
 * there; the figure shows what routing reads to them costs or gains on this machine. Knobs:
 * BENCH_EVENTS (default 50000), BENCH_SECONDS (10), BENCH_SQL_CONNECTIONS (8),
 * BENCH_HTTP_CONNECTIONS (16).
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SQL_CONNECTIONS = Number(process.env.BENCH_SQL_CONNECTIONS ?? 8);
const HTTP_CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 16);
const DATABASE = 'luodi_bench_replicas';
const ADMIN_PASSWORD = 'replica-bench-operator-passphrase-7';

const log = (message: string) => console.error(`[replicas] ${message}`);

async function sqlThroughput(url: string): Promise<number> {
  const dataSource: DataSource = await createDataSource(url, SQL_CONNECTIONS).initialize();
  try {
    await dashboardSummary(dataSource, '2099-12-31', {}); // warm the cache of that node
    const until = Date.now() + SECONDS * 1000;
    let done = 0;
    await Promise.all(
      Array.from({ length: SQL_CONNECTIONS }, async () => {
        while (Date.now() < until) {
          await dashboardSummary(dataSource, '2099-12-31', {});
          done++;
        }
      }),
    );
    return round(done / SECONDS);
  } finally {
    await dataSource.destroy();
  }
}

async function httpThroughput(
  baseUrl: string,
  token: string,
): Promise<{ requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number }> {
  const headers = { authorization: `Bearer ${token}` };
  const result = await autocannon({
    url: baseUrl,
    connections: HTTP_CONNECTIONS,
    duration: SECONDS,
    requests: [
      { method: 'GET', path: '/api/dashboard/summary', headers },
      { method: 'GET', path: '/api/projects?pageSize=20', headers },
    ],
  });
  return {
    requestsPerSecond: round(result.requests.mean),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const startedHere = !clusterRunning();
  if (startedHere) log('starting the cluster (npm run cluster:up)');
  const env = startedHere ? clusterUp() : clusterEnv();
  const admin = new Client({ connectionString: `${env.primaryUrl}/postgres` });
  await admin.connect();
  const primary = `${env.primaryUrl}/${DATABASE}`;
  const replicas = `${env.replicaUrl}/${DATABASE}`;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    const migrating = await createDataSource(primary, 2).initialize();
    await migrate(migrating);
    await migrating.destroy();
    const generated = await generateEvents(primary, { events: EVENTS, projects: 0, log });
    log(`${generated.events} events, ${generated.projects} projects generated`);
    const db = new Client({ connectionString: primary });
    await db.connect();
    const head = Number(
      (await db.query<{ head: string }>('SELECT max(global_position) AS head FROM events')).rows[0].head,
    );
    await db.end();

    // Project them once, then measure with the projector idle (nothing new to project).
    const figures: Record<string, unknown> = {
      events: generated.events,
      projects: generated.projects,
      seconds: SECONDS,
    };
    for (const reads of ['primary', 'replicas'] as const) {
      if (reads === 'replicas') process.env.LUODI_READ_DATABASE_URL = replicas;
      else delete process.env.LUODI_READ_DATABASE_URL;
      const api = await startApiProcess(primary, { adminPassword: ADMIN_PASSWORD });
      try {
        const http = new Http(api.baseUrl);
        const token = await http.login('admin', ADMIN_PASSWORD);
        // minPosition waits 5 s at most; ask until the read models hold every generated event.
        for (;;) {
          const response = await fetch(`${api.baseUrl}/api/projects?pageSize=1&minPosition=${head}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (response.status === 200) break;
          await new Promise((done) => setTimeout(done, 500));
        }
        await new Promise((done) => setTimeout(done, 2000)); // let the replicas replay the last batch
        figures[`http_${reads}`] = {
          ...(await httpThroughput(api.baseUrl, token)),
          loadAverage: loadavg().map((l) => round(l, 2)),
        };
        log(`HTTP, reads from the ${reads}: ${JSON.stringify(figures[`http_${reads}`])}`);
      } finally {
        await api.stop();
      }
    }
    figures.sql_primary = {
      queriesPerSecond: await sqlThroughput(primary),
      loadAverage: loadavg().map((l) => round(l, 2)),
    };
    figures.sql_replicas = {
      queriesPerSecond: await sqlThroughput(replicas),
      loadAverage: loadavg().map((l) => round(l, 2)),
    };
    console.log(
      JSON.stringify(
        {
          cpus: (await import('node:os')).cpus().length,
          sqlConnections: SQL_CONNECTIONS,
          httpConnections: HTTP_CONNECTIONS,
          ...figures,
        },
        null,
        2,
      ),
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    if (startedHere) clusterDown();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
