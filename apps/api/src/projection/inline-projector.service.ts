import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventStore } from '@luodi/event-store';
import { Projector } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { countBatch } from '@luodi/platform';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EVENT_STORE } from '../database/database.module';
import { databaseUrlOf } from './database-url';

/**
 * Runs the projector inside the API process when LUODI_PROJECTOR=inline (the default). With
 * several API instances, or a separate `apps/projector` worker, they share the work safely:
 * one projects, the others stand by (see Projector).
 */
@Injectable()
export class InlineProjectorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly projector?: Projector;

  constructor(dataSource: DataSource, @Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) config: AppConfig) {
    if (config.projector !== 'inline') return;
    const logger = new Logger('Projector');
    this.projector = new Projector({ dataSource, store, databaseUrl: databaseUrlOf(dataSource), logger });
    this.projector.onBatch((batch) => countBatch(this.projector!.name, batch));
  }

  // Serving starts with the projector running (or standing by for another process that runs one).
  async onApplicationBootstrap(): Promise<void> {
    await this.projector?.start();
  }

  // Before the database module closes its connections (that happens on application shutdown).
  async onModuleDestroy(): Promise<void> {
    await this.projector?.stop();
  }
}
