import 'reflect-metadata';
import { RebuildProgress, rebuildReadModels } from '@luodi/read-models';
import { openWorkerEnvironment } from './worker-environment';

/**
 * `npm run rebuild`: replays the whole event log into fresh read-model tables and swaps them in,
 * while the API keeps serving. Env (worker-config.ts, checked before anything starts): DATABASE_URL
 * (required), LUODI_REBUILD_BATCH_SIZE (default 5000), EVENT_STORE and KURRENTDB_URL, LOG_FORMAT.
 */
async function main(): Promise<void> {
  const { config, dataSource, store, logger, close } = await openWorkerEnvironment('rebuild', 'Rebuild');
  let shown = 0;
  const show = (p: RebuildProgress) => {
    const total = p.eventsTotal === null ? '' : ` / ${p.eventsTotal}`;
    logger.log(`${p.phase}: ${p.eventsDone}${total} events, ${p.eventsPerSecond} events/s`);
  };
  try {
    await rebuildReadModels({
      dataSource,
      store,
      batchSize: config.batchSize,
      ...(config.eventStore === 'postgres' ? {} : { countEvents: async () => null }),
      onProgress: (p) => {
        if (Date.now() - shown < 1000 && p.phase === 'replaying') return;
        shown = Date.now();
        show(p);
      },
    });
  } finally {
    await close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
