import 'reflect-metadata';
import { createApp, createLogger } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase } from './database/embedded-database';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  const logger = createLogger(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, port: config.embeddedPostgresPort, log: (m) => logger.log(m, 'Database') });
  const app = await createApp(config, database.url, logger);

  // Close the app before its database, and stop the embedded PostgreSQL so none is left behind.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`, 'Main');
    await app.close().catch((e) => logger.error(`closing the app: ${e}`, 'Main'));
    await database.stop().catch((e) => logger.error(`stopping PostgreSQL: ${e}`, 'Main'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen(config.port);
  logger.log(`Luodi listening on http://localhost:${config.port} (API under /api, docs at /api/docs)`, 'Main');
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
