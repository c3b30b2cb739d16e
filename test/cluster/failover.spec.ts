import { ConsoleLogger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@luodi/event-store';
import { createDataSource } from '@luodi/platform';
import { rebuildReadModels } from '@luodi/read-models';
import { snapshotReadModels } from '../../libs/read-models/src/testing/table-snapshot';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { ReadReplicas } from '../../apps/api/src/database/read-database';
import { createWorld, get, post, projectAt, Reply, validSubmission, World } from '../e2e/projects.helpers';
import { TestUser } from '../support/auth-helpers';
import { RunningApi, TEST_ADMIN_PASSWORD } from '../support/start-api';
import {
  ClusterEnv,
  clusterDown,
  clusterUnavailable,
  clusterUp,
  killPrimary,
  switchover,
  waitHealthy,
} from './cluster';

/**
 * Luodi on a real high-availability PostgreSQL cluster (scripts/cluster.sh: 3 etcd, 3 PostgreSQL
 * under Patroni with synchronous replication, HAProxy): two API instances (each with its inline
 * projector: one projects, one stands by) write through the primary's port and read through the
 * replicas' port, while clients send commands with Idempotency-Keys and retry on 503. The
 * primary's PostgreSQL is killed with SIGKILL five times in a row, then switched over as
 * planned. After each: every acknowledged command is in its stream exactly once (retries not
 * doubled), every client read its own write from the replicas, the read models equal a rebuild,
 * and the API answered commands again within UNAVAILABLE_MAX_MS of the kill.
 */
const KILLS = 5;
/** The bound on "the API answers commands again" after a kill (measured values are printed). */
const UNAVAILABLE_MAX_MS = 20_000;
const CLIENTS = 3;
/** Pause between two commands of one client: a bounded load (about 30 commands a second in all). */
const THINK_MS = 50;
const RETRY_MS = 200;
/** A client gives up on a command (and the test fails) after this long. */
const GIVE_UP_MS = 60_000;

// Skipped with the reason printed on a machine without Patroni, etcd and HAProxy; never in CI,
// whose .ci/run installs them: there a missing part fails the spec instead.
const unavailable = process.env.CI === 'true' ? undefined : clusterUnavailable();
if (unavailable) console.warn(`[failover spec] skipped: ${unavailable}`);
const describeCluster = unavailable ? describe.skip : describe;

interface Acknowledged {
  key: string;
  kind: 'ProjectSubmitted' | 'ProgressReported';
  id: string;
  version: number;
  position: number;
  attempts: number;
  replayed: boolean;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Clients sending commands (with retries) and reading their own writes, until stopped. */
class Load {
  readonly acknowledged: Acknowledged[] = [];
  readonly failures: string[] = [];
  /** When each successful attempt was sent and answered: how unavailability is measured. */
  readonly successes: Array<{ sentAt: number; answeredAt: number }> = [];
  retries = 0;
  ownReads = 0;
  private stopping = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly apis: RunningApi[],
    private readonly world: World,
    private readonly assigned: string[],
  ) {}

  start(): void {
    this.stopping = false;
    this.workers = Array.from({ length: CLIENTS }, (_, client) => this.run(client));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers);
  }

  /** The first answer to a command sent at or after `since`, in ms after it. */
  answeredAgainAfter(since: number): number | undefined {
    const answered = this.successes.filter((s) => s.sentAt >= since).map((s) => s.answeredAt);
    return answered.length ? Math.min(...answered) - since : undefined;
  }

  private async run(client: number): Promise<void> {
    for (let n = 0; !this.stopping; n++) {
      const api = this.apis[(client + n) % this.apis.length];
      if (n % 2 === 0) {
        const title = `港口装备 ${randomUUID()}`;
        const submitted = await this.command(
          api,
          '/api/projects',
          this.world.taskforce,
          validSubmission(this.world.enterpriseId, { title }),
          'ProjectSubmitted',
        );
        // Read-your-writes from the replicas, through the other instance.
        if (submitted) await this.readOwnWrite(this.apis[(client + n + 1) % this.apis.length], title, submitted);
      } else {
        const id = this.assigned[(client + n) % this.assigned.length];
        await this.command(
          api,
          `/api/projects/${id}/progress`,
          this.world.industry,
          { note: `进展 ${randomUUID()}` },
          'ProgressReported',
        );
      }
      await sleep(THINK_MS);
    }
  }

  private async command(
    api: RunningApi,
    path: string,
    user: TestUser,
    body: unknown,
    kind: Acknowledged['kind'],
  ): Promise<Acknowledged | undefined> {
    const key = randomUUID();
    const first = Date.now();
    for (let attempts = 1; ; attempts++) {
      const sentAt = Date.now();
      const reply: Reply | undefined = await post(api, path, user, body, { 'Idempotency-Key': key }).catch(
        () => undefined,
      );
      if (reply && reply.status >= 200 && reply.status < 300) {
        this.successes.push({ sentAt, answeredAt: Date.now() });
        const done: Acknowledged = {
          key,
          kind,
          ...reply.body,
          attempts,
          replayed: reply.headers.get('idempotent-replayed') === 'true',
        };
        this.acknowledged.push(done);
        return done;
      }
      // 503: the database went away (the command may or may not have run); 409 IN_PROGRESS: the
      // first attempt's claim is being settled. Both are retried with the same key and body.
      const retryable =
        !reply || reply.status === 503 || (reply.status === 409 && reply.body?.code === 'IDEMPOTENCY_KEY_IN_PROGRESS');
      if (!retryable || Date.now() - first > GIVE_UP_MS) {
        this.failures.push(
          `${path}: ${reply?.status ?? 'no answer'} ${reply?.body?.code ?? ''} after ${attempts} attempts`,
        );
        return undefined;
      }
      this.retries++;
      await sleep(RETRY_MS);
    }
  }

  private async readOwnWrite(api: RunningApi, title: string, write: Acknowledged): Promise<void> {
    const first = Date.now();
    for (;;) {
      const reply = await get(
        api,
        `/api/projects?q=${encodeURIComponent(title)}&minPosition=${write.position}`,
        this.world.taskforce,
      ).catch(() => undefined);
      if (reply?.status === 200) {
        if (reply.body.items.map((p: { id: string }) => p.id).join() !== write.id)
          this.failures.push(`read after write at ${write.position} missed project ${write.id}`);
        this.ownReads++;
        return;
      }
      // 503: the read models or the database are not there yet; reads are always safe to repeat.
      if (reply && reply.status !== 503)
        return void this.failures.push(`read after write: ${reply.status} ${reply.body?.code}`);
      if (Date.now() - first > GIVE_UP_MS)
        return void this.failures.push(`read after write at ${write.position}: no answer`);
      await sleep(RETRY_MS);
    }
  }
}

describeCluster('on a Patroni cluster: primary failover and switchover under load', () => {
  let env: ClusterEnv;
  let databaseUrl: string;
  const apis: RunningApi[] = [];
  let world: World;
  let load: Load;
  let events: Pool;
  let readModels: DataSource;
  const unavailableMs: number[] = [];
  const started = Date.now();
  // What each round measured, printed once at the end: one short console block keeps a failure's
  // message near the top of CI's output.
  const rounds: string[] = [];

  beforeAll(async () => {
    env = clusterUp();
    const admin = new Client({ connectionString: `${env.primaryUrl}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE luodi_failover');
    // The API's read pool connects through the replicas' port as it starts, and a start that fails
    // ends the whole test run (Nest's process.exit): both replicas first replay the new database.
    await replayedByReplicas(admin, 30_000);
    await admin.end();
    databaseUrl = `${env.primaryUrl}/luodi_failover`;
    const config = loadConfig({
      NODE_ENV: 'test',
      LUODI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      DATABASE_URL: databaseUrl,
      LUODI_READ_DATABASE_URL: `${env.replicaUrl}/luodi_failover`,
    });
    for (let i = 0; i < 2; i++) {
      // The connections that break at each kill are logged as errors on purpose; the test says what it expects.
      const app = await createApp(config, databaseUrl, new ConsoleLogger('Luodi', { logLevels: ['fatal'] }));
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as { port: number };
      apis.push({
        baseUrl: `http://127.0.0.1:${port}`,
        databaseUrl,
        adminPassword: TEST_ADMIN_PASSWORD,
        app,
        stop: () => app.close(),
      });
    }
    world = await createWorld(apis[0]);
    const assigned = await Promise.all([1, 2, 3].map(() => projectAt(world, 'assigned')));
    load = new Load(
      apis,
      world,
      assigned.map((p) => p.id),
    );
    events = new Pool({ connectionString: databaseUrl, max: 2 });
    events.on('error', () => undefined);
    readModels = await createDataSource(databaseUrl, 2).initialize();
  }, 240_000);

  afterAll(async () => {
    await load?.stop();
    for (const api of apis) await api.stop().catch(() => undefined);
    await events?.end().catch(() => undefined);
    await readModels?.destroy().catch(() => undefined);
    if (env) clusterDown();
    rounds.push(`took ${((Date.now() - started) / 1000).toFixed(0)} s, cluster start and stop included`);
    console.log(rounds.map((line) => `[failover spec] ${line}`).join('\n'));
  }, 120_000);

  /** Every acknowledged command's event is in its stream exactly once; the read models equal a rebuild. */
  async function expectNothingLostOrDoubled(): Promise<void> {
    expect(load.failures).toEqual([]);
    const { rows } = await events.query<{
      key: string;
      type: string;
      stream_id: string;
      stream_position: number;
      global_position: string;
    }>(
      `SELECT metadata->>'idempotencyKey' AS key, type, stream_id, stream_position, global_position FROM events WHERE metadata ? 'idempotencyKey'`,
    );
    const byKey = new Map<string, typeof rows>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    const wrong = load.acknowledged.flatMap((c) => {
      const stored = byKey.get(c.key) ?? [];
      const once =
        stored.length === 1 &&
        stored[0].type === c.kind &&
        stored[0].stream_id === `project-${c.id}` &&
        stored[0].stream_position === c.version &&
        Number(stored[0].global_position) === c.position;
      return once
        ? []
        : [
            `${c.kind} ${c.key} (${c.attempts} attempts${c.replayed ? ', replayed' : ''}): stored ${JSON.stringify(stored)}, answered ${c.version}@${c.position}`,
          ];
    });
    expect(wrong).toEqual([]);
    // Nor did any command that was never acknowledged write twice.
    expect([...byKey.values()].filter((stored) => stored.length > 1)).toEqual([]);

    // The projector (whichever instance holds the lock now) caught up; then the read models equal a rebuild.
    const head = Math.max(...rows.map((r) => Number(r.global_position)));
    const caughtUp = await get(apis[1], `/api/projects?pageSize=1&minPosition=${head}`, world.taskforce);
    expect(caughtUp.status).toBe(200);
    const live = await snapshotReadModels(readModels);
    const storePool = new Pool({ connectionString: databaseUrl, max: 2 });
    try {
      await rebuildReadModels({ dataSource: readModels, store: new PostgresEventStore(storePool) });
      expect(await snapshotReadModels(readModels)).toEqual(live);
    } finally {
      await storePool.end();
    }
  }

  it('reads a write of its own from a replica that has replayed it, not from the primary', async () => {
    await waitHealthy(env, 60_000);
    const title = `码头装备 ${randomUUID()}`;
    const submitted = await post(
      apis[0],
      '/api/projects',
      world.taskforce,
      validSubmission(world.enterpriseId, { title }),
    );
    expect(submitted.status).toBe(201);
    const listed = await get(
      apis[1],
      `/api/projects?q=${encodeURIComponent(title)}&minPosition=${submitted.body.position}`,
      world.taskforce,
    );
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([submitted.body.id]);
    // Where such a request's queries go: a replica connection (in recovery), the cluster being healthy.
    const pin = (await apis[1].app.get(ReadReplicas).pin())!;
    try {
      expect(await pin.manager.query('SELECT pg_is_in_recovery() AS replica')).toEqual([{ replica: true }]);
    } finally {
      pin.release();
    }
  });

  it(`loses no acknowledged command and doubles no retried one over ${KILLS} kill -9s of the primary, and answers again within ${UNAVAILABLE_MAX_MS / 1000} s`, async () => {
    for (let kill = 1; kill <= KILLS; kill++) {
      await waitHealthy(env, 60_000);
      const acknowledgedBefore = load.acknowledged.length;
      load.start();
      await sleep(1500);
      const killedAt = Date.now();
      const killed = await killPrimary(env);
      // Keep the load on until a command sent after the kill was answered, and a little longer.
      let back: number | undefined;
      while (
        (back = load.answeredAgainAfter(killedAt)) === undefined &&
        Date.now() - killedAt < UNAVAILABLE_MAX_MS + 10_000
      )
        await sleep(100);
      await sleep(1000);
      await load.stop();
      rounds.push(
        `kill ${kill} (${killed}): commands answered again after ${back === undefined ? 'never' : `${(back / 1000).toFixed(2)} s`}; ${load.acknowledged.length - acknowledgedBefore} acknowledged this round, ${load.retries} retries so far`,
      );
      expect(back).toBeLessThanOrEqual(UNAVAILABLE_MAX_MS);
      unavailableMs.push(back!);
      expect(load.acknowledged.length).toBeGreaterThan(acknowledgedBefore);
      await expectNothingLostOrDoubled();
    }
    const sorted = [...unavailableMs].sort((a, b) => a - b);
    rounds.push(
      `unavailability per kill: ${unavailableMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s; p50 ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s, max ${(sorted.at(-1)! / 1000).toFixed(2)} s; ` +
        `${load.acknowledged.length} commands acknowledged, ${load.acknowledged.filter((c) => c.attempts > 1).length} of them after retries (${load.acknowledged.filter((c) => c.replayed).length} replayed), 0 lost; ${load.ownReads} own writes read from the replicas`,
    );
  }, 240_000);

  it('rides a planned switchover with no failed request beyond the retries', async () => {
    await waitHealthy(env, 60_000);
    const acknowledgedBefore = load.acknowledged.length;
    const retriesBefore = load.retries;
    load.start();
    await sleep(1000);
    const { from, to } = await switchover(env);
    await sleep(2000);
    await load.stop();
    const members = await waitHealthy(env, 60_000);
    expect(members.find((m) => m.role === 'leader')?.name).toBe(to);
    rounds.push(
      `switchover ${from} -> ${to}: ${load.acknowledged.length - acknowledgedBefore} commands acknowledged, ${load.retries - retriesBefore} retries`,
    );
    expect(load.acknowledged.length).toBeGreaterThan(acknowledgedBefore);
    await expectNothingLostOrDoubled();
  }, 120_000);
});

/** Waits until every replica has replayed the primary's WAL up to now. */
async function replayedByReplicas(primary: Client, timeoutMs: number): Promise<void> {
  const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows: replicas } = await primary.query<{ replayed: boolean }>(
      'SELECT replay_lsn >= $1::pg_lsn AS replayed FROM pg_stat_replication',
      [rows[0].lsn],
    );
    if (replicas.length === 2 && replicas.every((r) => r.replayed)) return;
    if (Date.now() > deadline)
      throw new Error(`the replicas did not replay ${rows[0].lsn}: ${JSON.stringify(replicas)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
