import { PostgresEventStore } from '@luodi/event-store';
import { rebuildReadModels } from '@luodi/read-models';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '@luodi/platform';
import { snapshotReadModels } from '../../libs/read-models/src/testing/table-snapshot';
import { TestUser } from '../support/auth-helpers';
import { createWorld, get, Reply, send, World } from '../e2e/projects.helpers';
import { RunningApi, startApi } from '../support/start-api';

/**
 * A soak: concurrent clients drive project lifecycles, race each other on shared projects (with
 * and without If-Match), retry with Idempotency-Keys and read their own writes through the read
 * models, for SOAK_SECONDS (45 s by default, to stay within a test file's budget; set it higher
 * for a longer run). Then the invariants: no 5xx ever; every stream contiguous from 1; every
 * acknowledged command's events stored exactly once, in one append, at the version it answered,
 * and every refused or replayed one's not at all; reads saw their own writes; and the read models
 * equal a full rebuild of them.
 */

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 45);
const CLIENTS = 8;

let api: RunningApi;
let world: World;
let pool: Pool;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  pool = new Pool({ connectionString: api.databaseUrl, max: 4 });
  pool.on('error', () => undefined);
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await api?.stop();
});

/** One request as the clients made it, for the checks at the end. */
interface Sent {
  what: string;
  correlationId: string;
  status: number;
  replayed: boolean;
  /** For commands: the answer's version and id when accepted. */
  version?: number;
  id?: string;
}

const sent: Sent[] = [];
const unexpected: string[] = [];
const staleReads: string[] = [];
/** Projects any client may act on, to make commands race. */
const shared: string[] = [];

const COMMAND_STATUSES = [200, 201, 409, 412];

async function command(
  what: string,
  user: TestUser,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const correlationId = randomUUID();
  const reply = await send(api, 'POST', path, user, body, { 'X-Correlation-Id': correlationId, ...headers });
  const replayed = reply.headers.get('idempotent-replayed') === 'true';
  sent.push({
    what,
    correlationId,
    status: reply.status,
    replayed,
    ...(reply.status < 300 ? { version: reply.body.version, id: reply.body.id } : {}),
  });
  if (!COMMAND_STATUSES.includes(reply.status))
    unexpected.push(`${what} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply;
}

async function query(what: string, user: TestUser, path: string): Promise<Reply> {
  const reply = await send(api, 'GET', path, user);
  if (reply.status !== 200) unexpected.push(`${what} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** Reads the project list at the command's position: the project must be there, at least at that version. */
async function readOwnWrite(
  user: TestUser,
  title: string,
  id: string,
  version: number,
  position: number,
): Promise<void> {
  const reply = await query('list', user, `/api/projects?q=${encodeURIComponent(title)}&minPosition=${position}`);
  const row = reply.body?.items?.find((item: { id: string }) => item.id === id);
  if (reply.status === 200 && !(row && row.version >= version))
    staleReads.push(`${title}: wanted version ${version} at ${position}, read ${row?.version}`);
}

/** One client: lifecycles of its own projects, with races, retries and reads in between. */
async function client(n: number, deadline: number): Promise<void> {
  const { taskforce, reviewer, industry } = world;
  while (Date.now() < deadline) {
    const title = `soak-${n}-${randomUUID().slice(0, 8)}`;
    const submitted = await command('submit', taskforce, '/api/projects', {
      enterpriseId: world.enterpriseId,
      title,
      industryChain: '高端装备',
      investmentYuan: 1_000_000,
      needs: [{ kind: 'talent', description: '引进工程师' }],
    });
    if (submitted.status !== 201) continue;
    const id: string = submitted.body.id;
    shared.push(id);
    const milestones = [randomUUID(), randomUUID()];
    const project = `/api/projects/${id}`;
    const verdicts =
      Math.random() < 0.2
        ? ['revise', 'approved']
        : [pick(['approved', 'approved', 'approved', 'approved', 'rejected'])];
    const steps: Array<[string, TestUser, string, unknown]> = [
      ...verdicts.map((verdict): [string, TestUser, string, unknown] => [
        'review',
        reviewer,
        `${project}/reviews`,
        { verdict, scores: { idea: 80, validation: 80, feasibility: 80 } },
      ]),
      ['present', taskforce, `${project}/presentations`, { conferenceId: world.conferenceId }],
      [
        'assign',
        taskforce,
        `${project}/assignments`,
        {
          leadDepartment: 'industry',
          supportingDepartments: ['resources'],
          milestones: milestones.map((milestoneId, i) => ({
            milestoneId,
            title: `节点${i + 1}`,
            dueOn: '2030-06-30',
            departmentCode: 'industry',
            owner: '王伟',
          })),
        },
      ],
      ['progress', industry, `${project}/progress`, { milestoneId: milestones[0], note: '节点一完成', done: true }],
      ['progress', industry, `${project}/progress`, { note: '推进中' }],
      ['progress', industry, `${project}/progress`, { milestoneId: milestones[1], note: '节点二完成', done: true }],
      pick<[string, TestUser, string, unknown]>([
        [
          'land',
          taskforce,
          `${project}/landing`,
          { landedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), confirmOpenItems: true },
        ],
        ['withdraw', taskforce, `${project}/withdrawal`, { reason: '企业调整计划' }],
      ]),
    ];
    let version = 1;
    for (const [what, user, path, body] of steps) {
      if (Date.now() >= deadline) return;
      const r = Math.random();
      let reply: Reply;
      if (r < 0.15) {
        // A retry with the same key must get the same answer, and write nothing more.
        const key = { 'Idempotency-Key': randomUUID() };
        reply = await command(what, user, path, body, key);
        const retry = await command(`${what} (retry)`, user, path, body, key);
        if (
          reply.status < 300 &&
          (retry.status !== reply.status || JSON.stringify(retry.body) !== JSON.stringify(reply.body))
        ) {
          unexpected.push(
            `${what} retried with its key: ${reply.status} ${JSON.stringify(reply.body)} then ${retry.status} ${JSON.stringify(retry.body)}`,
          );
        }
      } else if (r < 0.3) {
        reply = await command(what, user, path, body, { 'If-Match': `"${version}"` });
      } else {
        reply = await command(what, user, path, body);
      }
      if (reply.status >= 300) break; // a rival closed or moved the project: start another one
      version = reply.body.version;
      if (Math.random() < 0.3) await readOwnWrite(taskforce, title, id, version, reply.body.position);
      await rival(deadline);
    }
  }
}

/** Now and then: a command on someone else's project, or a read of the dashboards and inbox. */
async function rival(deadline: number): Promise<void> {
  const r = Math.random();
  if (Date.now() >= deadline || shared.length === 0) return;
  const other = pick(shared);
  if (r < 0.1)
    await command('rival progress', world.taskforce, `/api/projects/${other}/progress`, { note: '专班跟进' });
  else if (r < 0.12)
    await command('rival withdrawal', world.taskforce, `/api/projects/${other}/withdrawal`, { reason: '专班决定撤回' });
  else if (r < 0.17) await query('project', world.leader, `/api/projects/${other}`);
  else if (r < 0.2) await query('dashboard', world.leader, '/api/dashboard/summary');
  else if (r < 0.22) await query('landing rates', world.leader, '/api/dashboard/landing-rate?groupBy=department');
  else if (r < 0.24) await query('forecast', world.leader, '/api/forecast/landing');
  else if (r < 0.27) await query('inbox', world.industry, '/api/departments/industry/assignments');
}

async function waitForProjection(): Promise<void> {
  for (;;) {
    const { rows } = await pool.query(
      `SELECT coalesce((SELECT position FROM projection_checkpoints WHERE name = 'read-models'), 0) >= (SELECT coalesce(max(global_position), 0) FROM events) AS done`,
    );
    if (rows[0].done) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('soak', () => {
  it(
    `${CLIENTS} clients for ${SOAK_SECONDS} s of mixed commands and queries keep every invariant`,
    async () => {
      const deadline = Date.now() + SOAK_SECONDS * 1000;
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n, deadline)));
      await waitForProjection();

      // It did real work, with real contention.
      const accepted = sent.filter((s) => s.status < 300 && !s.replayed);
      expect(accepted.length).toBeGreaterThan(100);
      expect(sent.some((s) => s.status === 409 || s.status === 412)).toBe(true);
      expect(sent.some((s) => s.replayed)).toBe(true);

      // No server error, no unexpected status; every read saw its own write.
      expect(unexpected).toEqual([]);
      expect(staleReads).toEqual([]);

      // Every stream is contiguous from 1: no gap, no duplicate position.
      const { rows: broken } = await pool.query(
        `SELECT stream_id FROM events GROUP BY stream_id
        HAVING min(stream_position) <> 1 OR max(stream_position) <> count(*) OR count(DISTINCT stream_position) <> count(*)`,
      );
      expect(broken).toEqual([]);

      // Each acknowledged command was stored once, in one append ending at the version it answered;
      // refused commands and replays stored nothing.
      const { rows } = await pool.query<{
        correlation_id: string;
        streams: number;
        events: number;
        first: number;
        last: number;
        stream_id: string;
      }>(
        `SELECT metadata->>'correlationId' AS correlation_id, count(DISTINCT stream_id)::int AS streams, count(*)::int AS events,
              min(stream_position) AS first, max(stream_position) AS last, min(stream_id) AS stream_id
         FROM events GROUP BY 1`,
      );
      const stored = new Map(rows.map((r) => [r.correlation_id, r]));
      const wrong = sent.flatMap((s) => {
        const appended = stored.get(s.correlationId);
        if (s.status >= 300 || s.replayed)
          return appended
            ? [`${s.what} (${s.status}${s.replayed ? ', replayed' : ''}) wrote ${appended.events} events`]
            : [];
        if (!appended) return [`${s.what} answered ${s.status} but wrote nothing`];
        const oneAppend =
          appended.streams === 1 &&
          appended.last - appended.first + 1 === appended.events &&
          appended.last === s.version;
        return oneAppend && appended.stream_id.endsWith(s.id!)
          ? []
          : [`${s.what}: ${JSON.stringify(appended)} for version ${s.version}`];
      });
      expect(wrong).toEqual([]);

      // The project list has every project stream.
      const { rows: streams } = await pool.query(
        `SELECT count(DISTINCT stream_id)::int AS n FROM events WHERE stream_id LIKE 'project-%'`,
      );
      expect((await get(api, '/api/projects?pageSize=1', world.leader)).body.total).toBe(streams[0].n);

      // The read models equal a full rebuild of them from the log.
      const dataSource: DataSource = await createDataSource(api.databaseUrl, 2).initialize();
      const storePool = new Pool({ connectionString: api.databaseUrl, max: 2 });
      try {
        const live = await snapshotReadModels(dataSource);
        await rebuildReadModels({ dataSource, store: new PostgresEventStore(storePool) });
        expect(await snapshotReadModels(dataSource)).toEqual(live);
      } finally {
        await dataSource.destroy();
        await storePool.end();
      }
    },
    (SOAK_SECONDS + 60) * 1000,
  );
});
