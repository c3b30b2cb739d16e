import 'reflect-metadata';
import { Projector, readProjectionStatus } from '@luodi/read-models';
import { createServer } from 'node:http';
import { register } from 'prom-client';
import { countBatch, setProjectionStatusSource } from '@luodi/platform';
import { openWorkerEnvironment } from './worker-environment';

/**
 * The projector as its own process (run the API with LUODI_PROJECTOR=off, or alongside it): the
 * same Projector the API runs inline. Start several for failover: one projects, the others stand
 * by and take over when it dies. Env (worker-config.ts, checked before anything starts): DATABASE_URL
 * (required), LUODI_PROJECTOR_BATCH_SIZE (default 1000), METRICS_PORT (optional: serves /metrics),
 * EVENT_STORE and KURRENTDB_URL, LOG_FORMAT.
 */
async function main(): Promise<void> {
  const { config, dataSource, store, logger, close } = await openWorkerEnvironment('projector', 'Projector');
  const { databaseUrl, batchSize, metricsPort } = config;
  const projector = new Projector({ dataSource, store, databaseUrl, batchSize, logger });
  projector.onBatch((batch) => countBatch(projector.name, batch));
  await projector.start();
  logger.log(`started (${projector.state}), batches of ${batchSize}`);

  const lagFromEventsTable = config.eventStore === 'postgres';
  if (metricsPort) setProjectionStatusSource(() => readProjectionStatus(dataSource, { lagFromEventsTable }));
  const server = metricsPort
    ? createServer((request, response) => {
        if (request.url !== '/metrics') return void response.writeHead(404).end();
        void register
          .metrics()
          .then((text) => response.writeHead(200, { 'Content-Type': register.contentType }).end(text));
      }).listen(metricsPort)
    : undefined;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing the batch under way`);
    server?.close();
    await projector.stop();
    await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
