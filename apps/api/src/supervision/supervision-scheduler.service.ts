import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ProjectCommand, projectDecider, projectStream, SupervisionSettings } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { ProjectListRow } from '@luodi/read-models';
import { DataSource, MoreThan } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EVENT_STORE } from '../database/database.module';
import { SupervisionSettingsStore } from './supervision-settings';

const BATCH = 500;
/** Projects supervised at once: enough to hide round trips, few enough to leave the pool to requests. */
const PARALLEL = 4;
const SCHEDULER_ACTOR = { userId: 'supervision-scheduler', username: 'supervision-scheduler', role: 'system' };

export interface SchedulerRun {
  projects: number;
  events: number;
}

/**
 * The 督办 scheduler: every interval, one SuperviseProject command per project being worked. What
 * is issued once is decided on the project's own stream — the decider issues only what its state
 * lacks, and the append's expected version makes a second instance (or a retry) that decided on
 * the same state lose and decide again on the new one, finding nothing left to issue. So every
 * instance may run it, a restart repeats nothing, and after downtime the first run catches up.
 */
@Injectable()
export class SupervisionSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SupervisionScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly settings: SupervisionSettingsStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.supervisionScheduler.enabled) return;
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(({ projects, events }) => {
          if (events > 0) this.logger.log(`${events} notices and escalations issued over ${projects} projects`);
        })
        .catch((error) => this.logger.warn(`supervision run failed: ${(error as Error).message}`))
        .finally(() => {
          if (!this.stopped) this.schedule(this.config.supervisionScheduler.intervalSeconds * 1000);
        });
    }, delayMs);
    this.timer.unref();
  }

  /** One pass over every assigned project (the read model names them; a project it has not seen yet waits for the next pass). */
  async runOnce(now: () => string = () => new Date().toISOString()): Promise<SchedulerRun> {
    const settings = await this.settings.current();
    const run: SchedulerRun = { projects: 0, events: 0 };
    let after = '';
    for (;;) {
      if (this.stopped) return run;
      const rows = await this.dataSource.getRepository(ProjectListRow).find({
        select: { id: true },
        where: { status: 'assigned', id: MoreThan(after) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (rows.length === 0) return run;
      after = rows[rows.length - 1].id;
      const ids = rows.map((r) => r.id);
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          for (let id = ids.shift(); id !== undefined && !this.stopped; id = ids.shift()) {
            // Awaited first: `run.events += await ...` would read the sum before another worker adds to it.
            const issued = await this.supervise(id, settings, now());
            run.events += issued;
            run.projects++;
          }
        }),
      );
    }
  }

  private async supervise(projectId: string, settings: SupervisionSettings, now: string): Promise<number> {
    const command: ProjectCommand = { type: 'SuperviseProject', data: { settings }, metadata: { now } };
    const { events } = await handleCommand(this.store, projectStream(projectId), projectDecider, command, {
      metadata: { actor: SCHEDULER_ACTOR, correlationId: randomUUID() },
      maxAttempts: 10,
    });
    return events.length;
  }
}
