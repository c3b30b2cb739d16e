import { Pool } from 'pg';
import { PostgresEventStore } from '@luodi/event-store';
import { rebuildReadModels, RebuildProgress } from '@luodi/read-models';
import { createDataSource } from '@luodi/platform';
import { round } from './stats';

export interface RebuildRun {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** The rebuild's own report. */
  progress: RebuildProgress;
}

/**
 * Times the read-models rebuild (rebuildReadModels: replay the whole log into a shadow schema
 * with the projector's own code, then swap it in), run as the API's rebuild endpoint runs it,
 * with nothing else writing.
 */
export async function rebuildBench(databaseUrl: string, log: (message: string) => void): Promise<RebuildRun> {
  const dataSource = await createDataSource(databaseUrl).initialize();
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => undefined);
  const store = new PostgresEventStore(pool);
  let lastLog = 0;
  try {
    const started = process.hrtime.bigint();
    const progress = await rebuildReadModels({
      dataSource,
      store,
      onProgress: (p) => {
        if (Date.now() - lastLog < 10_000) return;
        lastLog = Date.now();
        log(
          `  rebuild ${p.phase}: ${p.eventsDone.toLocaleString('en')} / ${p.eventsTotal?.toLocaleString('en')} events, ${p.eventsPerSecond} events/s`,
        );
      },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      events: progress.eventsDone,
      seconds: round(seconds, 1),
      eventsPerSecond: progress.eventsDone / seconds,
      progress,
    };
  } finally {
    await store.close();
    await pool.end();
    await dataSource.destroy();
  }
}
