import { ConsoleLogger } from '@nestjs/common';
import { EventStore, PostgresEventStore, ReconnectingPool } from '@luodi/event-store';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, migrate } from '@luodi/platform';

/** What the projector worker and the rebuild command share: the API's database, migrated, and its event store. */
export interface WorkerEnvironment {
  databaseUrl: string;
  dataSource: DataSource;
  store: EventStore;
  logger: ConsoleLogger;
  close(): Promise<void>;
}

export async function openWorkerEnvironment(context: string): Promise<WorkerEnvironment> {
  const logger = new ConsoleLogger(context, { json: process.env.LOG_FORMAT === 'json' });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    logger.error('DATABASE_URL is required: the database of the API (with the embedded default: postgres://postgres:postgres@127.0.0.1:54329/luodi while the API runs).');
    process.exit(78); // EX_CONFIG
  }
  const dataSource = await createDataSource(databaseUrl, 4).initialize();
  await migrate(dataSource);
  const pool: Pool = new ReconnectingPool({ connectionString: databaseUrl, max: 4 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn(`idle connection lost: ${error.message}`));
  const store = await openEventStore(pool, logger);
  return {
    databaseUrl,
    dataSource,
    store,
    logger,
    close: async () => {
      await store.close();
      await dataSource.destroy();
      await pool.end();
    },
  };
}

/** The API's event store: EVENT_STORE=postgres (default, the events table) or kurrentdb (KURRENTDB_URL). */
async function openEventStore(pool: Pool, logger: ConsoleLogger): Promise<EventStore> {
  if ((process.env.EVENT_STORE ?? 'postgres') === 'postgres') return new PostgresEventStore(pool);
  if (process.env.EVENT_STORE !== 'kurrentdb' || !process.env.KURRENTDB_URL) {
    logger.error('EVENT_STORE must be postgres, or kurrentdb with KURRENTDB_URL set.');
    process.exit(78); // EX_CONFIG
  }
  const { KurrentDbEventStore } = await import('@luodi/event-store/kurrentdb');
  return new KurrentDbEventStore(process.env.KURRENTDB_URL);
}
