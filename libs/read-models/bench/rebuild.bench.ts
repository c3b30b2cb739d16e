/**
 * Rebuild speed on a generated history — a measurement, deliberately not part of the suite
 * (timed tests are flaky). Run from the repository root (Jest provides the PostgreSQL server):
 *
 *   npx jest --testMatch '**' '/bench/' libs/read-models/bench/rebuild.bench.ts
 *
 * LUODI_BENCH_PROJECTS sets the size (default 20,000 projects, about 140,000 events). It also times
 * the live projector catching up on the same log, batch by batch.
 */
import { eventStoreMigrations, PostgresEventStore } from '@luodi/event-store';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../test/support/test-database';
import { Projector, readModelEntities, readModelMigrations, rebuildReadModels } from '../src';
import { generateHistory, insertHistory } from '../src/testing/generate-history';
import { resetReadModels } from '../src/testing/table-snapshot';

const projects = Number(process.env.LUODI_BENCH_PROJECTS ?? 20_000);

it(`rebuilds the read models from ${projects} generated projects`, async () => {
  const db = await createTestDatabase([...eventStoreMigrations, ...readModelMigrations]);
  const pool = new Pool({ connectionString: db.url, max: 16 });
  const store = new PostgresEventStore(pool);
  const dataSource = await new DataSource({ type: 'postgres', url: db.url, entities: readModelEntities }).initialize();
  try {
    const history = generateHistory({ seed: 1, projects, from: '2020-01-01', to: '2025-12-31' });
    let started = Date.now();
    const last = await insertHistory(pool, history);
    console.log(`appended ${history.length} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    for (const batchSize of [1000, 5000]) {
      started = Date.now();
      const result = await rebuildReadModels({ dataSource, store, batchSize });
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `rebuild, batches of ${batchSize}: ${result.eventsDone} events in ${seconds.toFixed(1)} s = ${Math.round(result.eventsDone / seconds)} events/s`,
      );
      expect(result.eventsDone).toBe(history.length);
    }

    // For comparison: the live projector catching up from nothing, batch by batch.
    await resetReadModels(dataSource);
    const projector = new Projector({ dataSource, store, databaseUrl: db.url, batchSize: 1000 });
    started = Date.now();
    await projector.start();
    while (
      !(await store.isAtOrBefore(
        last,
        (await dataSource.query(`SELECT checkpoint FROM projection_checkpoints`))[0].checkpoint,
      ))
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `live catch-up, batches of 1000: ${history.length} events in ${seconds.toFixed(1)} s = ${Math.round(history.length / seconds)} events/s`,
    );
    await projector.stop();
  } finally {
    await store.close();
    await dataSource.destroy();
    await pool.end();
    await db.drop();
  }
}, 600_000);
