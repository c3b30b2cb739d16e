import { Pool } from 'pg';
import { ReconnectingPool } from '@luodi/event-store';
import { migrations } from '@luodi/platform';
import { createTestDatabase } from '../support/test-database';
import { PgProxy } from './pg-proxy';

/**
 * ReconnectingPool (what the API and the projector connect with) across a server that goes away,
 * as in a failover: opening a connection waits for the server to come back, but a statement whose
 * connection broke in flight fails, since it may have committed.
 */
let database: { url: string; drop(): Promise<void> };
let proxy: PgProxy;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase(migrations);
  proxy = await PgProxy.start(database.url);
  pool = new ReconnectingPool({ connectionString: proxy.urlFor(database.url), max: 2, reconnectForMs: 5000 });
  pool.on('error', () => undefined);
});

afterAll(async () => {
  await pool?.end();
  await proxy?.close();
  await database?.drop();
});

it('waits for a server that refuses connections for a while, then runs the statement', async () => {
  proxy.refuse();
  const started = Date.now();
  const answer = pool.query<{ one: number }>('SELECT 1 AS one');
  setTimeout(() => proxy.restore(), 1000);
  expect((await answer).rows).toEqual([{ one: 1 }]);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
});

it('gives up after reconnectForMs when the server stays away', async () => {
  proxy.refuse();
  await new Promise((resolve) => setTimeout(resolve, 200)); // the pool drops its idle connection, cut by the proxy
  try {
    const started = Date.now();
    await expect(pool.query('SELECT 1')).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
  } finally {
    proxy.restore();
  }
});

it('does not retry a statement whose connection broke in flight', async () => {
  await pool.query('CREATE TABLE IF NOT EXISTS reconnect_probe (n int)');
  const dropped = proxy.dropAt({ at: /^INSERT INTO reconnect_probe/, forward: true });
  await expect(pool.query('INSERT INTO reconnect_probe VALUES (1)')).rejects.toThrow();
  await dropped;
  // The server ran it once; a retrying pool would have written it twice.
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM reconnect_probe');
  expect(rows).toEqual([{ n: 1 }]);
});
