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
 * adds configuration (as environment variables would).
 */
export async function startApi(env: Record<string, string> = {}): Promise<RunningApi> {
  const database = await createTestDatabase(migrations);
  const config = loadConfig({ NODE_ENV: 'test', LUODI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, LOG_LEVEL: 'warn', ...env });
  const app = await createApp(config, database.url);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    databaseUrl: database.url,
    adminPassword: TEST_ADMIN_PASSWORD,
    app,
    stop: async () => {
      await app.close();
      await database.drop();
    },
  };
}
