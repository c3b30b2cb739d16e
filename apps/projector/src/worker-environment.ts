import { ConsoleLogger } from '@nestjs/common';
import { EventStore, PostgresEventStore, ReconnectingPool } from '@luodi/event-store';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ConfigError, createDataSource, migrate } from '@luodi/platform';
import { loadWorkerConfig, WorkerConfig } from './worker-config';

/** What the projector worker and the rebuild command share: the API's database, migrated, and its event store. */
export interface WorkerEnvironment {
  config: WorkerConfig;
  dataSource: DataSource;
  store: EventStore;
  logger: ConsoleLogger;
  close(): Promise<void>;
}

/** Validates the environment first: a bad value ends the process at once (78, EX_CONFIG), naming every one. */
export async function openWorkerEnvironment(
  worker: 'projector' | 'rebuild',
  context: string,
): Promise<WorkerEnvironment> {
  let config: WorkerConfig;
  try {
    config = loadWorkerConfig(worker);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  const logger = new ConsoleLogger(context, { json: config.logJson });
  const { databaseUrl } = config;
  const dataSource = await createDataSource(databaseUrl, 4).initialize();
  await migrate(dataSource);
  const pool: Pool = new ReconnectingPool({ connectionString: databaseUrl, max: 4 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn(`idle connection lost: ${error.message}`));
  const store = await openEventStore(pool, config);
  return {
    config,
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
async function openEventStore(pool: Pool, config: WorkerConfig): Promise<EventStore> {
  if (config.eventStore === 'postgres') return new PostgresEventStore(pool);
  const { KurrentDbEventStore } = await import('@luodi/event-store/kurrentdb');
  return new KurrentDbEventStore(config.kurrentDbUrl!);
}
