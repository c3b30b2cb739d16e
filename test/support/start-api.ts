import { INestApplication } from '@nestjs/common';
import { migrations } from '@luodi/platform';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createTestDatabase } from './test-database';

export interface RunningApi {
  baseUrl: string;
  databaseUrl: string;
  adminPassword: string;
  app: INestApplication;
  stop(): Promise<void>;
}

export const TEST_ADMIN_PASSWORD = 'operator-passphrase-for-tests';

/**
 * The real HTTP API on a fresh database of the test server, listening on a free port. `env`
 * adds configuration (as environment variables would). The supervision scheduler is off unless
 * `env` turns it on, so a spec's streams hold only the events it wrote.
 */
export async function startApi(env: Record<string, string> = {}): Promise<RunningApi> {
  const database = await createTestDatabase(migrations);
  const app = await startAppOn(database.url, env);
  return running(app, database.url, async () => {
    await app.close();
    await database.drop();
  });
}

/** Another API instance on an existing database (several instances, a restart); stop() leaves the database. */
export async function startApiOn(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningApi> {
  const app = await startAppOn(databaseUrl, env);
  return running(app, databaseUrl, () => app.close());
}

async function startAppOn(databaseUrl: string, env: Record<string, string>): Promise<INestApplication> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LUODI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    LUODI_SUPERVISION_SCHEDULER: 'off',
    ...env,
  });
  const app = await createApp(config, databaseUrl);
  await app.listen(0, '127.0.0.1');
  return app;
}

function running(app: INestApplication, databaseUrl: string, stop: () => Promise<void>): RunningApi {
  const address = app.getHttpServer().address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    databaseUrl,
    adminPassword: TEST_ADMIN_PASSWORD,
    app,
    stop,
  };
}
