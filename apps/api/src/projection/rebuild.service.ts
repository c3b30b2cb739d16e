import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApiError } from '../common/problem';
import { EventStore } from '@luodi/event-store';
import { RebuildInProgressError, RebuildProgress, rebuildReadModels } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EVENT_STORE } from '../database/database.module';

export type RebuildStatus = RebuildProgress | { status: 'idle' };

/** Runs a rebuild of the read models in this process, one at a time, and tells how it goes. */
@Injectable()
export class RebuildService {
  private readonly logger = new Logger('Rebuild');
  private progress?: RebuildProgress;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  status(): RebuildStatus {
    return this.progress ?? { status: 'idle' };
  }

  /** Starts a rebuild and answers once it holds the rebuild lock; 409 if one is running anywhere. */
  async start(): Promise<RebuildProgress> {
    if (this.progress?.status === 'running') throw this.alreadyRunning();
    let started!: () => void;
    const holdsLock = new Promise<void>((resolve) => (started = resolve));
    const running = rebuildReadModels({
      dataSource: this.dataSource,
      store: this.store,
      // The total is counted in the PostgreSQL events table; KurrentDB's is not known here.
      ...(this.config.eventStore === 'postgres' ? {} : { countEvents: async () => null }),
      onProgress: (progress) => {
        this.progress = progress;
        started();
      },
    });
    running.then(
      (done) => this.logger.log(`read models rebuilt: ${done.eventsDone} events at ${done.eventsPerSecond} events/s`),
      (error) =>
        error instanceof RebuildInProgressError ||
        this.logger.error(`rebuild failed: ${(error as Error).stack ?? error}`),
    );
    try {
      await Promise.race([holdsLock, running]);
    } catch (error) {
      if (error instanceof RebuildInProgressError) throw this.alreadyRunning();
      throw error;
    }
    return this.progress!;
  }

  private alreadyRunning(): ApiError {
    return new ApiError(
      'REBUILD_RUNNING',
      'A rebuild of the read models is already running; follow it at GET /api/admin/rebuild.',
    );
  }
}
