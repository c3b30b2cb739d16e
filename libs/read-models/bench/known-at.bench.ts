/**
 * The dashboard queries with and without `knownAt` on a generated history — a measurement,
 * deliberately not part of the suite (timed tests are flaky). Run from the repository root:
 *
 *   npx jest --runInBand --testMatch '<rootDir>/libs/read-models/bench/known-at.bench.ts'
 *
 * LUODI_BENCH_PROJECTS sets the size (default 100,000 projects). Every event is recorded 0-30
 * days after it happened, so a knownAt cut leaves out a real share of the facts. Each query runs
 * LUODI_BENCH_SAMPLES times (default 40) per variant, on the read-model tables after a rebuild.
 */
import { endOfBusinessDay } from '@luodi/domain';
import { eventStoreMigrations, PostgresEventStore } from '@luodi/event-store';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../test/support/test-database';
import {
  dashboardSummary,
  DashboardFilters,
  landingRates,
  librarySubjects,
  readModelEntities,
  readModelMigrations,
  rebuildReadModels,
} from '../src';
import { generateHistory, insertHistory } from '../src/testing/generate-history';

const projects = Number(process.env.LUODI_BENCH_PROJECTS ?? 100_000);
const samples = Number(process.env.LUODI_BENCH_SAMPLES ?? 40);
const DAY = 86_400_000;

const p = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

it(`times the dashboard queries with and without knownAt on ${projects} projects`, async () => {
  const db = await createTestDatabase([...eventStoreMigrations, ...readModelMigrations]);
  const pool = new Pool({ connectionString: db.url, max: 4 });
  const store = new PostgresEventStore(pool);
  const dataSource = await new DataSource({ type: 'postgres', url: db.url, entities: readModelEntities }).initialize();
  try {
    let seed = 7;
    const lag = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 30 * DAY;
    const history = generateHistory({ seed: 3, projects, from: '2024-01-01', to: '2025-12-31' });
    const lastOfStream = new Map<string, number>();
    for (const event of history) {
      const own = Date.parse(String(event.data.occurredAt)) + lag();
      const at = Math.max(own, lastOfStream.get(event.streamId) ?? own);
      lastOfStream.set(event.streamId, at);
      event.recordedAt = new Date(at).toISOString();
    }
    await insertHistory(pool, history);
    await rebuildReadModels({ dataSource, store, batchSize: 5000 });
    await dataSource.query('VACUUM ANALYZE project_facts');
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM project_facts');
    console.log(`${history.length} events, ${n} project_facts rows`);

    const days = ['2024-09-30', '2025-03-31', '2025-06-30', '2025-12-31'];
    const kinds: Array<[string, (asOf: string, filters: DashboardFilters) => Promise<unknown>]> = [
      ['summary', (asOf, filters) => dashboardSummary(dataSource, asOf, filters)],
      ['landing-rate by department', (asOf, filters) => landingRates(dataSource, 'department', asOf, filters)],
      ['library subjects (forecast)', (asOf, filters) => librarySubjects(dataSource, asOf, filters)],
    ];
    for (const [name, query] of kinds) {
      for (const variant of ['without knownAt', 'knownAt = end of asOf'] as const) {
        const times: number[] = [];
        for (let i = 0; i < samples; i++) {
          const asOf = days[i % days.length];
          const started = process.hrtime.bigint();
          await query(asOf, variant === 'without knownAt' ? {} : { knownAt: endOfBusinessDay(asOf) });
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        times.sort((a, b) => a - b);
        console.log(
          `${name}, ${variant}: p50 ${p(times, 0.5).toFixed(1)} ms, p95 ${p(times, 0.95).toFixed(1)} ms (${samples} runs)`,
        );
      }
    }
    expect(n).toBeGreaterThan(0);
  } finally {
    await store.close();
    await dataSource.destroy();
    await pool.end();
    await db.drop();
  }
}, 1_800_000);
