import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore, PostgresEventStore } from '@luodi/event-store';
import { createDataSource } from '@luodi/platform';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');

/** The connections: a pg pool for the event store, TypeORM for the read models. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: PG_POOL,
          useFactory: () => {
            const pool = new Pool({ connectionString: databaseUrl, max: 20 });
            // An idle connection dropped by the server (restart, shutdown) must not crash the
            // process; the pool opens a new one for the next query.
            pool.on('error', (error) => new Logger('Database').warn(`idle connection lost: ${error.message}`));
            return pool;
          },
        },
        { provide: DataSource, useFactory: () => createDataSource(databaseUrl).initialize() },
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
      exports: [PG_POOL, EVENT_STORE, DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
    await this.dataSource.destroy();
    await this.pool.end();
  }
}
