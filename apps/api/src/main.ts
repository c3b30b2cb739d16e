import 'reflect-metadata';
import { ConfigError } from '@luodi/platform';
import { createApp, createLogger } from './app.factory';
import { loadConfig } from './config/app-config';
import { EmbeddedDatabaseError, openDatabase } from './database/embedded-database';
import { shutDownOnSignals } from './shutdown';

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
  let database;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
      log: (m) => logger.log(m, 'Database'),
    });
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseError)) throw error;
    console.error(error.message);
    process.exit(error.exitCode);
  }
  const app = await createApp(config, database.url, logger);

  shutDownOnSignals(app, database, logger);

  await app.listen(config.port, config.host);
  const where = config.host.includes(':') ? `[${config.host}]` : config.host;
  logger.log(`Luodi listening on http://${where}:${config.port} (API under /api, docs at /api/docs)`, 'Main');
  if (!['127.0.0.1', '::1', 'localhost'].includes(config.host))
    logger.warn(`Listening on ${config.host}, not only on this machine: other hosts can reach the API.`, 'Main');
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
