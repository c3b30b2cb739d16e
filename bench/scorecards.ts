/**
 * The department scorecards' time per request (`npm run bench:scorecards`), without HTTP: the
 * figures computeScorecards (the handler's work) returns for the request mix of queries.ts
 * ('scorecards': a random whole past month, half as known at its end), one at a time, beside the
 * same figures from the rows in memory (`rows`: what the handler did before the counts moved to SQL).
 *
 *   node dist/bench/bench/scorecards.js seed <database> <projects>   creates and fills <database>
 *   node dist/bench/bench/scorecards.js time <database> [samples]     times the requests
 *   node dist/bench/bench/scorecards.js rebuild <database>            migrates and rebuilds the read models
 *
 * The database is kept (drop it yourself): the same data can be timed before and after a change
 * (after one to the read models, `rebuild` it first).
 */
import './module-paths';
import { readFileSync } from 'node:fs';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { DEFAULT_SCORECARD_WEIGHTS, departmentScorecards } from '@luodi/forecast';
import { migrations } from '@luodi/platform';
import { landingRates, projectWorkFactsFor, readModelEntities } from '@luodi/read-models';
import { computeScorecards, ScorecardPeriod } from '../apps/api/src/scorecards/department-scorecards.handler';
import { withBulkLoadIndexes } from './bulk-load';
import { withDatabase } from './database';
import { generateEvents } from './generate';
import { rebuildBench } from './rebuild';
import { percentile, round } from './stats';

const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (message: string) => console.log(message);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function seed(name: string, projects: number): Promise<void> {
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(SERVER, name);
  await migrate(url);
  const pool = new Pool({ connectionString: url, max: 2 });
  await withBulkLoadIndexes(pool, () => generateEvents(url, { events: 0, projects, log }));
  await pool.query('VACUUM ANALYZE events');
  await pool.end();
  await rebuild(name);
}

async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations, logging: false });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}

/** The read models replayed from the log (after migrating: a new read model's table exists). */
async function rebuild(name: string): Promise<void> {
  const url = withDatabase(SERVER, name);
  await migrate(url);
  await rebuildBench(url, log);
  const pool = new Pool({ connectionString: url, max: 1 });
  await pool.query('VACUUM ANALYZE');
  await pool.end();
}

/** The 'scorecards' period of queries.ts: a whole month before this one within the two years of data. */
function period(): { from: string; to: string; knownAt?: string } {
  const day = new Date(Date.now() - (31 + Math.floor(Math.random() * 670)) * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return { from: `${day.slice(0, 7)}-01`, to, ...(Math.random() < 0.5 ? { knownAt: `${to}T23:59:59.999+08:00` } : {}) };
}

/** The figures as the handler computes them, and as the in-memory definition does from the rows (the path before). */
const paths = {
  sql: (dataSource: DataSource, period: ScorecardPeriod) =>
    computeScorecards(dataSource, period, DEFAULT_SCORECARD_WEIGHTS),
  rows: async (dataSource: DataSource, period: ScorecardPeriod) => {
    const knownAt = period.knownAt ?? undefined;
    const [projects, departments, landing] = await Promise.all([
      projectWorkFactsFor(dataSource, period),
      dataSource.query('SELECT code, name FROM departments ORDER BY code') as Promise<{ code: string; name: string }[]>,
      landingRates(dataSource, 'department', period.evaluatedOn, { knownAt }),
    ]);
    return departmentScorecards({
      ...period,
      knownAt,
      projects,
      departments,
      landing: new Map(
        landing.filter((r) => r.key !== null).map((r) => [r.key!, { led: r.inLibrary, landed: r.landed }]),
      ),
      weights: DEFAULT_SCORECARD_WEIGHTS,
    });
  },
};

/** Both paths on the same requests, one after the other, so they share the machine's load. */
async function time(name: string, samples: number): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: withDatabase(SERVER, name),
    entities: readModelEntities,
    logging: false,
  });
  await dataSource.initialize();
  const rows: { n: number }[] = await dataSource.query('SELECT count(*)::int AS n FROM project_work_facts');
  log(`${name}: ${rows[0].n} work-facts rows; load average ${loadAverage()}`);
  const times: Record<string, number[]> = {};
  for (let i = 0; i < samples; i++) {
    const p = period();
    const scope = { ...p, evaluatedOn: p.to, knownAt: p.knownAt ? new Date(p.knownAt).toISOString() : null };
    for (const [path, run] of Object.entries(paths)) {
      const start = process.hrtime.bigint();
      await run(dataSource, scope);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      for (const kind of ['all', p.knownAt ? 'knownAt' : 'now']) (times[`${path} ${kind}`] ??= []).push(ms);
    }
  }
  for (const [kind, list] of Object.entries(times).sort()) {
    const sorted = [...list].sort((a, b) => a - b);
    log(
      `  ${kind.padEnd(12)} n=${sorted.length} p50 ${round(percentile(sorted, 50), 1)} ms, p95 ${round(percentile(sorted, 95), 1)} ms, max ${round(sorted.at(-1) ?? NaN, 1)} ms`,
    );
  }
  log(`  load average after: ${loadAverage()}`);
  await dataSource.destroy();
}

const [command, name, count] = process.argv.slice(2);
if (!/^[a-z0-9_]+$/.test(name ?? '')) throw new Error('usage: scorecards.js seed|time|rebuild <database> [n]');
const commands: Record<string, () => Promise<void>> = {
  seed: () => seed(name, Number(count ?? 10_000)),
  time: () => time(name, Number(count ?? 50)),
  rebuild: () => rebuild(name),
};
if (!commands[command]) throw new Error('usage: scorecards.js seed|time|rebuild <database> [n]');
commands[command]().catch((error) => {
  console.error(error);
  process.exit(1);
});
