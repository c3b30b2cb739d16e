import { Pool } from 'pg';
import { PostgresEventStore } from '@luodi/event-store';
import { createDataSource } from '@luodi/platform';
import { loadConfig } from '../apps/api/src/config/app-config';
import { SchedulerRun, SupervisionSchedulerService } from '../apps/api/src/supervision/supervision-scheduler.service';
import { SupervisionSettingsStore } from '../apps/api/src/supervision/supervision-settings';
import { round } from './stats';

/** A pass's counts and its wall time. */
export interface SupervisionRun extends SchedulerRun {
  seconds: number;
}

/**
 * One pass of the 督办 scheduler (the API's own SupervisionSchedulerService.runOnce) over the
 * generated data, before the API starts. The generator writes two years of projects but no
 * scheduler notices: the API's first pass would issue them all while the bench measures (about
 * 180,000 events at 100,000 projects, two minutes of both cores, and its projection). A running
 * deployment's scheduler has issued them day by day, each dated when it fell due, which is what
 * this pass writes. Run after a rebuild (the scheduler lists the assigned projects from
 * project_list); the API's projector projects its events when it starts.
 */
export async function superviseAll(databaseUrl: string): Promise<SupervisionRun> {
  const dataSource = await createDataSource(databaseUrl).initialize();
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => undefined);
  const store = new PostgresEventStore(pool);
  try {
    const started = process.hrtime.bigint();
    const scheduler = new SupervisionSchedulerService(
      store,
      dataSource,
      new SupervisionSettingsStore(store),
      loadConfig({}),
    );
    const run = await scheduler.runOnce();
    return { ...run, seconds: round(Number(process.hrtime.bigint() - started) / 1e9, 1) };
  } finally {
    await store.close();
    await pool.end();
    await dataSource.destroy();
  }
}
