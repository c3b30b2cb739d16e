import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';

/**
 * A fresh database on the test run's PostgreSQL server (see global-setup.mjs), migrated with the
 * given migrations. Each test file gets its own, so files never see each other's data; `drop`
 * removes it again (it is ours: we created it).
 */
export async function createTestDatabase(
  migrations: Array<new () => MigrationInterface>,
): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.LUODI_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('LUODI_TEST_SERVER_URL is not set: run the tests through Jest (npm test)');
  const name = `luodi_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(serverUrl, name);
  const dataSource = new DataSource({ type: 'postgres', url, migrations, logging: false });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  return {
    url,
    drop: () => withClient(serverUrl, (c) => dropWhenIdle(c, name)),
  };
}

/**
 * Drops the database once the test's connections have closed. Forcing it at once would terminate
 * connections that a pool is still closing, and the pool reports that as an unhandled 'error'
 * that fails whichever test runs next; only connections left open after 3 s are terminated.
 */
async function dropWhenIdle(client: Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // object_in_use: still connected
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A pg pool for a test database. Dropping the database at the end terminates connections that
 * are still closing; the pool reports that as an 'error' event, which must not fail the run.
 */
export function createTestPool(url: string, max = 20): Pool {
  const pool = new Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}
