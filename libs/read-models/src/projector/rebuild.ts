import { getHeapStatistics } from 'node:v8';
import type { EventStore, RecordedEvent } from '@luodi/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { readModelTableMigrations } from '../migrations';
import {
  liveSchema,
  loadCheckpoint,
  notifyProgress,
  PROJECTION_LOCK_CLASS,
  READ_MODELS_PROJECTION,
} from './checkpoints';
import { projectBatch, ReadModelWriter } from './read-model-writer';

/** Fresh tables are built here, then swapped with the live ones. */
export const SHADOW_SCHEMA = 'read_models_next';
const RETIRED_SCHEMA = 'read_models_retired';
const DEADLOCK = '40P01';

export interface RebuildProgress {
  status: 'running' | 'succeeded' | 'failed';
  phase: 'preparing' | 'replaying' | 'swapping' | 'done';
  startedAt: string;
  finishedAt: string | null;
  eventsDone: number;
  /** Events in the log when the rebuild started (null if the log cannot be counted). */
  eventsTotal: number | null;
  eventsPerSecond: number;
  error: string | null;
}

export class RebuildInProgressError extends Error {
  constructor() {
    super('A rebuild of the read models is already running.');
    this.name = 'RebuildInProgressError';
  }
}

export interface RebuildOptions {
  dataSource: DataSource;
  store: EventStore;
  batchSize?: number;
  /** How many events the log holds; default: count the PostgreSQL events table. */
  countEvents?(): Promise<number | null>;
  /** Up to this many rows of one table (a few kB each) are kept in memory between writes. */
  maxHeldRows?: number;
  /**
   * The held rows are written, too, once the heap holds this many bytes; default: a third of the
   * process's heap limit, so a rebuild inside the API (its heap capped) cannot run it out of memory.
   */
  maxHeapBytes?: number;
  onProgress?(progress: RebuildProgress): void;
}

/**
 * Replays the whole event log into fresh read-model tables in a shadow schema, then swaps them
 * in, in one transaction, while reads and the live projector carry on:
 *
 * 1. the shadow schema gets its tables by replaying the read-model migrations there;
 * 2. the log is replayed into it with the live projector's own code (ReadModelWriter), holding
 *    rows in memory across batches so each is written about once (see createShadowTables for
 *    the rest of what makes it fast);
 * 3. the swap locks the projector's checkpoint row (waiting for the batch under way) and the live
 *    tables (waiting for running reads), projects the last few events, moves the live tables out
 *    and the shadow ones in, and sets the checkpoint to where the replay stopped. Reads wait for
 *    that moment only. The live projector's next batch then finds its checkpoint moved and
 *    resumes from the new one (see advanceCheckpoint).
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildProgress> {
  const {
    dataSource,
    store,
    batchSize = 5000,
    maxHeldRows = 50_000,
    maxHeapBytes = getHeapStatistics().heap_size_limit / 3,
  } = options;
  const started = Date.now();
  const progress: RebuildProgress = {
    status: 'running',
    phase: 'preparing',
    startedAt: new Date(started).toISOString(),
    finishedAt: null,
    eventsDone: 0,
    eventsTotal: null,
    eventsPerSecond: 0,
    error: null,
  };
  const report = (change: Partial<RebuildProgress>) => {
    Object.assign(progress, change);
    progress.eventsPerSecond = Math.round(progress.eventsDone / Math.max((Date.now() - started) / 1000, 0.001));
    options.onProgress?.({ ...progress });
  };

  // One rebuild at a time, in any process: a session lock, released if this process dies.
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    const [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock($1, hashtext('rebuild')) AS locked`, [
      PROJECTION_LOCK_CLASS,
    ]);
    if (!locked) throw new RebuildInProgressError();
    try {
      report({ eventsTotal: await (options.countEvents ?? (() => countEventsTable(dataSource)))() });
      const deferred = await createShadowTables(dataSource);

      report({ phase: 'replaying' });
      // One writer across batches: a project's rows are loaded and written once per flush, not per batch.
      let writer = new ReadModelWriter(SHADOW_SCHEMA, true);
      const flush = () =>
        dataSource.transaction(async (manager) => {
          // Losing the last commits in a crash only loses a rebuild, which starts over anyway.
          await manager.query(`SET LOCAL synchronous_commit = off`);
          await writer.flush(manager);
        });
      let checkpoint: string | null = null;
      let last: RecordedEvent | undefined;
      let next = store.readAll(checkpoint, batchSize);
      for (let events = await next; events.length > 0; events = await next) {
        last = events[events.length - 1];
        checkpoint = last.checkpoint;
        next = store.readAll(checkpoint, batchSize); // read the next batch while this one is applied
        next.catch(() => undefined); // a failed read is thrown by the await above, not left unhandled
        await writer.apply(dataSource.manager, events);
        if (writer.heldRows >= maxHeldRows || process.memoryUsage().heapUsed >= maxHeapBytes) {
          await flush();
          writer = new ReadModelWriter(SHADOW_SCHEMA); // from now on, rows may be stored: load them
        }
        report({ eventsDone: progress.eventsDone + events.length });
      }
      await flush();

      await finishShadowTables(dataSource, deferred);
      report({ phase: 'swapping' });
      const caughtUp = await swapIn(dataSource, store, batchSize, checkpoint, last?.globalPosition ?? 0);
      report({
        status: 'succeeded',
        phase: 'done',
        eventsDone: progress.eventsDone + caughtUp,
        finishedAt: new Date().toISOString(),
      });
    } catch (error) {
      report({ status: 'failed', finishedAt: new Date().toISOString(), error: (error as Error).message });
      throw error;
    } finally {
      await lock
        .query(`SELECT pg_advisory_unlock($1, hashtext('rebuild'))`, [PROJECTION_LOCK_CLASS])
        .catch(() => undefined);
    }
  } finally {
    await lock.release();
  }
  return { ...progress };
}

async function countEventsTable(dataSource: DataSource): Promise<number> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::bigint AS n FROM events`);
  return Number(n);
}

/**
 * Empty read-model tables in the shadow schema, exactly as the migrations make the live ones.
 * For the replay they keep only their primary keys: each secondary index is built once at the
 * end (returned: their definitions) instead of being updated row by row.
 */
async function createShadowTables(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(`DROP SCHEMA IF EXISTS ${SHADOW_SCHEMA} CASCADE`); // left by a rebuild that died
    await runner.query(`CREATE SCHEMA ${SHADOW_SCHEMA}`);
    await runner.query(`SET LOCAL search_path TO ${SHADOW_SCHEMA}`);
    for (const Migration of readModelTableMigrations) await new Migration().up(runner);
    const indexes: Array<{ name: string; definition: string }> = await runner.query(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
        WHERE i.schemaname = $1 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = $1::regnamespace)`,
      [SHADOW_SCHEMA],
    );
    for (const index of indexes) await runner.query(`DROP INDEX ${SHADOW_SCHEMA}."${index.name}"`);
    await runner.commitTransaction();
    return indexes.map((i) => i.definition);
  } catch (error) {
    await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** Gives the replayed tables all their indexes, and statistics for the planner. */
async function finishShadowTables(dataSource: DataSource, indexDefinitions: string[]): Promise<void> {
  for (const definition of indexDefinitions) await dataSource.query(definition);
  for (const table of await shadowTables(dataSource.manager))
    await dataSource.query(`ANALYZE ${SHADOW_SCHEMA}."${table}"`);
}

async function shadowTables(manager: EntityManager): Promise<string[]> {
  const rows: Array<{ tablename: string }> = await manager.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`,
    [SHADOW_SCHEMA],
  );
  return rows.map((r) => r.tablename);
}

/** The swap; retried if it deadlocks with a reader that locks tables in another order. Returns the events projected in it. */
async function swapIn(
  dataSource: DataSource,
  store: EventStore,
  batchSize: number,
  checkpoint: string | null,
  position: number,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction((manager) => swapInOnce(manager, store, batchSize, checkpoint, position));
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== DEADLOCK || attempt >= 3) throw error;
    }
  }
}

async function swapInOnce(
  manager: EntityManager,
  store: EventStore,
  batchSize: number,
  checkpoint: string | null,
  position: number,
): Promise<number> {
  const live = await liveSchema(manager);
  await loadCheckpoint(manager, READ_MODELS_PROJECTION);
  await manager.query(`SELECT 1 FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [READ_MODELS_PROJECTION]);
  const tables = await shadowTables(manager);
  await manager.query(`LOCK TABLE ${tables.map((t) => `"${live}"."${t}"`).join(', ')} IN ACCESS EXCLUSIVE MODE`);

  let done = 0;
  for (
    let events = await store.readAll(checkpoint, batchSize);
    events.length > 0;
    events = await store.readAll(checkpoint, batchSize)
  ) {
    await projectBatch(manager, events, SHADOW_SCHEMA);
    checkpoint = events[events.length - 1].checkpoint;
    position = events[events.length - 1].globalPosition;
    done += events.length;
  }

  await manager.query(`CREATE SCHEMA ${RETIRED_SCHEMA}`);
  for (const table of tables) {
    await manager.query(`ALTER TABLE "${live}"."${table}" SET SCHEMA ${RETIRED_SCHEMA}`);
    await manager.query(`ALTER TABLE ${SHADOW_SCHEMA}."${table}" SET SCHEMA "${live}"`);
  }
  await manager.query(`DROP SCHEMA ${RETIRED_SCHEMA} CASCADE`);
  await manager.query(`DROP SCHEMA ${SHADOW_SCHEMA}`);
  await manager.query(
    `UPDATE projection_checkpoints SET checkpoint = $2, position = $3, updated_at = now() WHERE name = $1`,
    [READ_MODELS_PROJECTION, checkpoint, position],
  );
  if (checkpoint !== null) await notifyProgress(manager, READ_MODELS_PROJECTION, checkpoint);
  return done;
}
