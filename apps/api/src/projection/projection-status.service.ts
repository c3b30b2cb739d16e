import { Inject, Injectable } from '@nestjs/common';
import { readProjectionStatus } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { setProjectionStatusSource } from '@luodi/platform';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export interface ProjectorHealth {
  /** inline: this process projects; off: a separate projector worker should. */
  mode: AppConfig['projector'];
  /** running: some process holds the projection lock; stopped: none does. */
  status: 'running' | 'stopped';
  checkpoint: string | null;
  position: number;
  /** null with KurrentDB as the event store (the lag is counted in the PostgreSQL events table). */
  lagEvents: number | null;
  lagSeconds: number | null;
  updatedAt: string | null;
}

/** How the read models stand: for /api/health and the Prometheus gauges. */
@Injectable()
export class ProjectionStatusService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    setProjectionStatusSource(() => this.status());
  }

  private status() {
    return readProjectionStatus(this.dataSource, { lagFromEventsTable: this.config.eventStore === 'postgres' });
  }

  async health(): Promise<ProjectorHealth> {
    const status = await this.status();
    return {
      mode: this.config.projector,
      status: status.running ? 'running' : 'stopped',
      checkpoint: status.checkpoint,
      position: status.position,
      lagEvents: status.lagEvents,
      lagSeconds: status.lagSeconds,
      updatedAt: status.updatedAt,
    };
  }
}
