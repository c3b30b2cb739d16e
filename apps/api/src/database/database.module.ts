import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore, PostgresEventStore, ReconnectingPool } from '@luodi/event-store';
import { createDataSource } from '@luodi/platform';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { READ_DATA_SOURCE, ReadReplicas, routedReadDataSource } from './read-database';

export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * The connections: a pg pool for the event store, TypeORM for the read models, and the read
 * replicas' TypeORM for the query endpoints (the primary's when LUODI_READ_DATABASE_URL is unset).
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly dataSource: DataSource,
    @Inject(READ_DATA_SOURCE) private readonly readDataSource: DataSource,
  ) {}

  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: PG_POOL,
          useFactory: () => {
            const pool: Pool = new ReconnectingPool({ connectionString: databaseUrl, max: 20 });
            // An idle connection dropped by the server (restart, shutdown) must not crash the
            // process; the pool opens a new one for the next query.
            pool.on('error', (error) => new Logger('Database').warn(`idle connection lost: ${error.message}`));
            return pool;
          },
        },
        { provide: DataSource, useFactory: () => createDataSource(databaseUrl).initialize() },
        {
          provide: ReadReplicas,
          inject: [APP_CONFIG, DataSource],
          useFactory: async (config: AppConfig, primary: DataSource) =>
            new ReadReplicas(
              primary,
              config.readDatabaseUrl ? await createDataSource(config.readDatabaseUrl, 20).initialize() : undefined,
            ),
        },
        {
          provide: READ_DATA_SOURCE,
          inject: [ReadReplicas, DataSource],
          useFactory: (reads: ReadReplicas, primary: DataSource) =>
            reads.replicas ? routedReadDataSource(reads.replicas) : primary,
        },
        {
          provide: EVENT_STORE,
          inject: [APP_CONFIG, PG_POOL],
          useFactory: async (config: AppConfig, pool: Pool): Promise<EventStore> => {
            if (config.eventStore === 'postgres') return new PostgresEventStore(pool);
            // Loaded only when chosen: the gRPC client adds a third of a second to every start.
            const { KurrentDbEventStore } = await import('@luodi/event-store/kurrentdb');
            return new KurrentDbEventStore(config.kurrentDbUrl!);
          },
        },
      ],
      exports: [PG_POOL, EVENT_STORE, DataSource, READ_DATA_SOURCE, ReadReplicas],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
    await this.dataSource.destroy();
    if (this.readDataSource !== this.dataSource) await this.readDataSource.destroy();
    await this.pool.end();
  }
}
