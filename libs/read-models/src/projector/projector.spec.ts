import { eventStoreMigrations, PostgresEventStore } from '@luodi/event-store';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../test/support/test-database';
import { readModelEntities, readModelMigrations } from '../index';
import { appendHistory, generateHistory, insertHistory } from '../testing/generate-history';
import { resetReadModels, snapshotReadModels } from '../testing/table-snapshot';
import { advanceCheckpoint, CheckpointMovedError, READ_MODELS_PROJECTION } from './checkpoints';
import { projectBatch } from './read-model-writer';
import { readProjectionStatus } from './projection-status';
import { Projector } from './projector';
import { rebuildReadModels, RebuildProgress } from './rebuild';

let db: { url: string; drop(): Promise<void> };
let pool: Pool;
let store: PostgresEventStore;
let dataSource: DataSource;
const projectors: Projector[] = [];

const newProjector = (batchSize = 500) => {
  const projector = new Projector({ dataSource, store, databaseUrl: db.url, batchSize, pollIntervalMs: 200 });
  projectors.push(projector);
  return projector;
};

async function caughtUp(position: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await dataSource.query(`SELECT checkpoint FROM projection_checkpoints WHERE name = $1`, [
      READ_MODELS_PROJECTION,
    ]);
    if (row && (await store.isAtOrBefore(position, row.checkpoint))) return;
    if (Date.now() > deadline) throw new Error(`not caught up with ${position}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations, ...readModelMigrations]);
  pool = new Pool({ connectionString: db.url, max: 10 });
  store = new PostgresEventStore(pool);
  dataSource = await new DataSource({
    type: 'postgres',
    url: db.url,
    entities: readModelEntities,
    extra: { max: 10 },
  }).initialize();
});
afterAll(async () => {
  await Promise.all(projectors.map((p) => p.stop()));
  await store.close();
  await dataSource.destroy();
  await pool.end();
  await db.drop();
});

describe('projector and rebuild', () => {
  const history = generateHistory({ seed: 7, projects: 3000, from: '2022-01-01', to: '2025-12-31' });
  const half = Math.floor(history.length / 2);
  let last = 0;

  it('projects a history as it is written; a rebuild then yields exactly the same tables', async () => {
    const projector = newProjector();
    await projector.start();
    expect(projector.state).toBe('running');
    // Written in time order (streams interleave), in slices each projected before the next arrives.
    for (let i = 0; i < half; i += 2500)
      await caughtUp(await insertHistory(pool, history.slice(i, Math.min(i + 2500, half))));
    const live = await snapshotReadModels(dataSource);

    // Holding few projects in memory makes the rebuild write and reload rows many times over.
    const rebuilt = await rebuildReadModels({ dataSource, store, batchSize: 2000, maxHeldRows: 300 });

    expect(rebuilt).toMatchObject({ status: 'succeeded', eventsDone: half, eventsTotal: half });
    expect(live.project_list.length).toBeGreaterThan(1000);
    expect(live.department_assignments.length).toBeGreaterThan(500);
    expect(await snapshotReadModels(dataSource)).toEqual(live);

    // A heap over its budget writes the held rows too (here after every batch), with the same result.
    const heapBound = await rebuildReadModels({ dataSource, store, batchSize: 2000, maxHeapBytes: 0 });
    expect(heapBound).toMatchObject({ status: 'succeeded', eventsDone: half });
    expect(await snapshotReadModels(dataSource)).toEqual(live);
    await projector.stop();
  });

  it('rebuilds while events arrive and the live projector runs, losing and repeating nothing', async () => {
    const projector = newProjector();
    await projector.start();
    const progress: RebuildProgress[] = [];
    const rebuilding = rebuildReadModels({ dataSource, store, batchSize: 1000, onProgress: (p) => progress.push(p) });
    // Through the store's own append, many streams at once, while the rebuild runs.
    last = await appendHistory(store, history.slice(half));
    const rebuilt = await rebuilding;
    await caughtUp(last);
    const afterRebuild = await snapshotReadModels(dataSource);

    // The reference: the same log projected from scratch by a fresh projector.
    await projector.stop();
    await resetReadModels(dataSource);
    await newProjector(777).start();
    await caughtUp(last);

    expect(rebuilt.status).toBe('succeeded');
    expect(progress.map((p) => p.phase)).toEqual(
      expect.arrayContaining(['preparing', 'replaying', 'swapping', 'done']),
    );
    expect(progress.at(-1)!.eventsDone).toBeGreaterThanOrEqual(half);
    const reference = await snapshotReadModels(dataSource);
    expect(reference.project_list).toHaveLength(3000);
    expect(afterRebuild).toEqual(reference);
    expect((await readProjectionStatus(dataSource, { lagFromEventsTable: true })).lagEvents).toBe(0);
  });

  it('refuses a batch read from a checkpoint that has moved on, before it writes', async () => {
    const stored = await dataSource.query(`SELECT checkpoint, position FROM projection_checkpoints`);
    const events = await store.readAll(null, 50);
    const batch = dataSource.transaction(async (manager) => {
      // As a projector would that still believes the log was never projected.
      await advanceCheckpoint(manager, READ_MODELS_PROJECTION, null, events[49].checkpoint, events[49].globalPosition);
      await projectBatch(manager, events, 'public');
    });

    await expect(batch).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(await dataSource.query(`SELECT checkpoint, position FROM projection_checkpoints`)).toEqual(stored);
  });
});
