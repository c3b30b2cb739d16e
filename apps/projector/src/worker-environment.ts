import { ConsoleLogger } from '@nestjs/common';
import { PostgresEventStore } from '@luodi/event-store';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../api/src/database/data-source';

/** What the projector worker and the rebuild command share: the API's database, migrated, and its event store. */
export interface WorkerEnvironment {
  databaseUrl: string;
  dataSource: DataSource;
  store: PostgresEventStore;
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
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn(`idle connection lost: ${error.message}`));
  const store = new PostgresEventStore(pool);
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
