import { PostgresEventStore } from '@luodi/event-store';
import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, migrations } from '@luodi/platform';
import { generateHistory, insertHistory } from '../../libs/read-models/src/testing/generate-history';
import { snapshotReadModels } from '../../libs/read-models/src/testing/table-snapshot';
import { createTestDatabase } from '../support/test-database';

/**
 * The projector as a real process (the built `apps/projector`): killed with SIGKILL in the middle
 * of a large catch-up, it resumes and ends with exactly the tables a full rebuild makes; two of
 * them share the work, one projecting while the other stands by to take over.
 */
const ROOT = resolve(__dirname, '../..');
const MAIN = resolve(ROOT, 'dist/apps/projector/src/main.js');
const REBUILD = resolve(ROOT, 'dist/apps/projector/src/rebuild.js');

let db: { url: string; drop(): Promise<void> };
let pool: Pool;
let store: PostgresEventStore;
let dataSource: DataSource;
const children: ChildProcess[] = [];

/** A projector process whose sessions carry `name`, so pg_locks tells who holds the lock. */
function startProjector(name: string): ChildProcess {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `${db.url}?application_name=${name}`,
      LUODI_PROJECTOR_BATCH_SIZE: '100',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.resume();
  child.stderr!.resume();
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => done({ code, signal }));
  });

async function until<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 60_000,
  everyMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function checkpoint(): Promise<{ checkpoint: string | null; position: number }> {
  const rows = await dataSource.query(
    `SELECT checkpoint, position FROM projection_checkpoints WHERE name = 'read-models'`,
  );
  return rows[0]
    ? { checkpoint: rows[0].checkpoint, position: Number(rows[0].position) }
    : { checkpoint: null, position: 0 };
}

const caughtUp = (position: number) =>
  until(
    async () => store.isAtOrBefore(position, (await checkpoint()).checkpoint),
    `the projection to reach ${position}`,
  );

/** The sessions holding (granted) or waiting for the projection lock, by application name. */
async function lockSessions(): Promise<{ holding: string[]; waiting: string[] }> {
  const rows: Array<{ name: string; granted: boolean }> = await dataSource.query(
    `SELECT a.application_name AS name, l.granted FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.objsubid = 2 AND l.classid = 7318 AND l.objid = hashtext('read-models')::oid
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return {
    holding: rows.filter((r) => r.granted).map((r) => r.name),
    waiting: rows.filter((r) => !r.granted).map((r) => r.name),
  };
}

/** Nothing lost: every projected row stands at its stream's last event. */
async function rowsBehindTheirStreams(): Promise<number> {
  const [{ behind }] = await dataSource.query(
    `WITH streams AS (SELECT stream_id, max(stream_position) AS version FROM events GROUP BY stream_id),
          rows AS (SELECT 'project-' || id AS stream_id, version FROM project_list
                   UNION ALL SELECT 'enterprise-' || id, version FROM enterprise_list
                   UNION ALL SELECT 'conference-' || id, version FROM conference_list)
     SELECT count(*)::int AS behind FROM streams s LEFT JOIN rows r USING (stream_id) WHERE r.version IS DISTINCT FROM s.version`,
  );
  return behind;
}

beforeAll(async () => {
  // The real worker, as `npm run build` makes it.
  execFileSync('npx', ['nest', 'build', 'projector'], { cwd: ROOT, stdio: 'pipe', timeout: 180_000 });
  db = await createTestDatabase(migrations);
  pool = new Pool({ connectionString: db.url, max: 4 });
  store = new PostgresEventStore(pool);
  dataSource = await createDataSource(db.url, 4).initialize();
}, 240_000);
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
  await store.close();
  await dataSource.destroy();
  await pool.end();
  await db.drop();
});

describe('the projector process', () => {
  it('killed with SIGKILL mid catch-up, resumes and ends with exactly the tables of a full rebuild', async () => {
    const history = generateHistory({ seed: 3, projects: 3000, from: '2021-01-01', to: '2025-12-31' });
    const last = await insertHistory(pool, history);
    expect(history.length).toBeGreaterThanOrEqual(20_000);

    const first = startProjector('projector-crashing');
    const killedAt = await until(async () => {
      const { position } = await checkpoint();
      return position > last * 0.2 && position;
    }, 'the first batches');
    first.kill('SIGKILL');
    expect(await exited(first)).toEqual({ code: null, signal: 'SIGKILL' });
    const afterKill = await checkpoint();
    expect(afterKill.position).toBeGreaterThanOrEqual(killedAt);
    expect(afterKill.position).toBeLessThan(last * 0.8); // really in the middle
    await until(async () => (await lockSessions()).holding.length === 0, 'the dead session to release its lock');

    const second = startProjector('projector-resuming');
    await caughtUp(last);
    expect(await rowsBehindTheirStreams()).toBe(0);
    expect((await lockSessions()).holding).toEqual(['projector-resuming']);
    const resumed = await snapshotReadModels(dataSource);

    // The reference: the rebuild command replays the whole log into fresh tables and swaps them in.
    const rebuild = await promisify(execFile)(process.execPath, [REBUILD], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db.url },
    });
    expect(rebuild.stdout).toContain(`done: ${history.length} / ${history.length} events`);
    expect(await snapshotReadModels(dataSource)).toEqual(resumed);
    expect(resumed.project_list).toHaveLength(3000);

    second.kill('SIGTERM');
    expect(await exited(second)).toEqual({ code: 0, signal: null }); // stops cleanly
  }, 120_000);

  it('runs twice for failover: one projects, the other stands by and takes over when the first dies', async () => {
    const a = startProjector('projector-a');
    await until(async () => (await lockSessions()).holding.includes('projector-a'), 'projector-a to take the lock');
    const b = startProjector('projector-b');
    await until(async () => (await lockSessions()).waiting.includes('projector-b'), 'projector-b to wait for the lock');

    const more = generateHistory({ seed: 4, projects: 300, from: '2026-01-01', to: '2026-06-30' });
    await caughtUp(await insertHistory(pool, more.slice(0, 1000)));
    expect(await lockSessions()).toEqual({ holding: ['projector-a'], waiting: ['projector-b'] });

    a.kill('SIGKILL');
    await exited(a);
    const last = await insertHistory(pool, more.slice(1000));
    await caughtUp(last);
    expect(await lockSessions()).toEqual({ holding: ['projector-b'], waiting: [] });
    expect(await rowsBehindTheirStreams()).toBe(0);
    b.kill('SIGTERM');
    expect(await exited(b)).toEqual({ code: 0, signal: null });
  }, 120_000);
});

describe('the worker processes at start', () => {
  /** Runs a built worker with `env` alone (no DATABASE_URL of this run) until it exits. */
  function run(script: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    return exited(child).then(({ code }) => ({ code, stderr }));
  }

  it('refuse a bad environment at once (78, EX_CONFIG), naming every bad value, as the API does', async () => {
    const projector = await run(MAIN, { DATABASE_URL: 'mysql://db/luodi', LUODI_PROJECTOR_BATCH_SIZE: 'lots' });
    expect(projector.code).toBe(78);
    expect(projector.stderr).toContain('Invalid configuration:');
    expect(projector.stderr).toContain('DATABASE_URL must start with postgres: or postgresql: (got "mysql:")');
    expect(projector.stderr).toContain('LUODI_PROJECTOR_BATCH_SIZE must be an integer from 1 to 100000 (got "lots")');

    const rebuild = await run(REBUILD, { EVENT_STORE: 'kurrentdb' });
    expect(rebuild.code).toBe(78);
    expect(rebuild.stderr).toContain('DATABASE_URL is required');
    expect(rebuild.stderr).toContain('KURRENTDB_URL is required when EVENT_STORE=kurrentdb');
  });
});
