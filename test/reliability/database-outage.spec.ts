import { ConsoleLogger } from '@nestjs/common';
import { migrations } from '@luodi/platform';
import { parseStreamId, projectStream } from '@luodi/domain';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createWorld, EventsTable, get, post, projectAt, Reply, World } from '../e2e/projects.helpers';
import { RunningApi, TEST_ADMIN_PASSWORD } from '../support/start-api';
import { createTestDatabase } from '../support/test-database';
import { PgProxy } from './pg-proxy';

/**
 * The API reaches PostgreSQL through a proxy that drops the connection at an exact point of a
 * command's append: before the statement that writes the events reaches the server, before the
 * commit does, or after the server has committed but before the API hears so. Each time the
 * client gets a clear 503 DATABASE_UNAVAILABLE problem, the stream holds all of the command's
 * events or none of them (all only when the server did commit), and the next command works again.
 *
 * The store appends either in a transaction (INSERT INTO events ... then COMMIT) or with one
 * autocommitted call of the append_to_stream function, which writes and commits at once; the
 * points below are named so that they hold for both.
 */
/** The statement that writes the events. */
const WRITE = /^INSERT INTO events\b|append_to_stream\(/;
/** The statement whose completion commits them. */
const COMMIT = /^COMMIT$|append_to_stream\(/;

let api: RunningApi;
let proxy: PgProxy;
let world: World;
let events: EventsTable;

beforeAll(async () => {
  const database = await createTestDatabase(migrations);
  proxy = await PgProxy.start(database.url);
  const config = loadConfig({ NODE_ENV: 'test', LUODI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
  // The dropped connections are logged as errors on purpose; the test says what it expects.
  const app = await createApp(config, proxy.urlFor(database.url), new ConsoleLogger('Luodi', { logLevels: ['fatal'] }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  api = {
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: database.url,
    adminPassword: TEST_ADMIN_PASSWORD,
    app,
    stop: async () => {
      await app.close();
      await proxy.close();
      await database.drop();
    },
  };
  world = await createWorld(api);
  // Read directly, not through the proxy: what the server really holds.
  events = new EventsTable(database.url);
}, 60_000);

afterAll(async () => {
  await events?.close();
  await api?.stop();
});

/** A project with a plan, and a progress report that completes its first milestone: two events in one append. */
async function completingReport(): Promise<{
  stream: string;
  send: (headers?: Record<string, string>) => Promise<Reply>;
}> {
  const { id } = await projectAt(world, 'assigned');
  const milestoneId: string = (await get(api, `/api/projects/${id}`, world.taskforce)).body.plan.milestones[0]
    .milestoneId;
  return {
    stream: projectStream(id),
    send: (headers) =>
      post(
        api,
        `/api/projects/${id}/progress`,
        world.industry,
        { milestoneId, note: '投资协议已签订', done: true },
        headers,
      ),
  };
}

function expectUnavailable(reply: Reply): void {
  expect({
    status: reply.status,
    code: reply.body?.code,
    contentType: reply.headers.get('content-type')?.split(';')[0],
  }).toEqual({
    status: 503,
    code: 'DATABASE_UNAVAILABLE',
    contentType: 'application/problem+json',
  });
  expect(reply.headers.get('retry-after')).toBeTruthy();
}

/** The project accepts commands again: the pool replaced the dropped connection. */
async function expectRecovered(stream: string): Promise<void> {
  const id = parseStreamId(stream)!.id;
  const reply = await post(api, `/api/projects/${id}/progress`, world.industry, { note: '恢复后的进展' });
  expect(reply.status).toBe(200);
  expect((await events.types(stream)).at(-1)).toBe('ProgressReported');
}

const COMPLETED = ['ProgressReported', 'MilestoneCompleted'];

describe('the database connection dropped in the middle of a command', () => {
  it('before the write reaches the server: 503, nothing written', async () => {
    const report = await completingReport();
    const before = await events.types(report.stream);
    const dropped = proxy.dropAt({ at: WRITE, forward: false });
    const reply = await report.send();
    await dropped;
    expectUnavailable(reply);
    expect(await events.types(report.stream)).toEqual(before);
    await expectRecovered(report.stream);
  });

  it('before the commit reaches the server: 503, nothing written (the server rolls back)', async () => {
    const report = await completingReport();
    const before = await events.types(report.stream);
    const dropped = proxy.dropAt({ armedBy: WRITE, at: COMMIT, forward: false });
    const reply = await report.send();
    await dropped;
    expectUnavailable(reply);
    expect(await events.types(report.stream)).toEqual(before);
    await expectRecovered(report.stream);
  });

  it('after the server committed, before the API heard so: 503, and the stream holds all of the events', async () => {
    const report = await completingReport();
    const before = await events.types(report.stream);
    const dropped = proxy.dropAt({ armedBy: WRITE, at: COMMIT, forward: true });
    const reply = await report.send();
    await dropped;
    expectUnavailable(reply);
    expect(await events.types(report.stream)).toEqual([...before, ...COMPLETED]);
    await expectRecovered(report.stream);
  });

  it('with an Idempotency-Key, a retry after a commit the API never heard of does not write again', async () => {
    const { id } = await projectAt(world, 'assigned');
    const report = (headers: Record<string, string>) =>
      post(api, `/api/projects/${id}/progress`, world.industry, { note: '企业已完成备案' }, headers);
    const before = await events.types(projectStream(id));
    const key = { 'Idempotency-Key': crypto.randomUUID() };
    const dropped = proxy.dropAt({ armedBy: WRITE, at: COMMIT, forward: true });
    expectUnavailable(await report(key));
    await dropped;
    expect(await events.types(projectStream(id))).toEqual([...before, 'ProgressReported']);

    // Whether the command ran was unknown when it failed, so its key stays taken until it is
    // settled from the events once the database answers: the retry gets the answer of the
    // command that did run, and does not report the progress twice.
    const retry = await report(key);
    expect({ status: retry.status, replayed: retry.headers.get('idempotent-replayed'), id: retry.body.id }).toEqual({
      status: 200,
      replayed: 'true',
      id,
    });
    expect(await events.types(projectStream(id))).toEqual([...before, 'ProgressReported']);
  }, 30_000);
});

describe('the database down altogether', () => {
  it('answers commands and health with 503 problems while it is down, and works again once it is back', async () => {
    const { id } = await projectAt(world, 'assigned');
    const before = await events.count();
    proxy.refuse();
    try {
      expectUnavailable(await post(api, `/api/projects/${id}/progress`, world.industry, { note: '服务中断时的进展' }));
      expect((await get(api, '/api/health')).status).toBe(503);
    } finally {
      proxy.restore();
    }
    expect(await events.count()).toBe(before);
    expect((await get(api, '/api/health')).status).toBe(200);
    await expectRecovered(projectStream(id));
  }, 45_000); // a command waits up to ReconnectingPool's 10 s for a connection before it answers 503
});
