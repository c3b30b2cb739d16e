import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { RunningApi, startApi, TEST_ADMIN_PASSWORD } from '../support/start-api';
import { createWorld, get, post, projectAt, World } from './projects.helpers';

/**
 * Notifications leaving through the outbox to real receivers on 127.0.0.1: one HTTP server
 * playing each robot (and a flaky and a hanging one), and a real SMTP server.
 */
interface Received {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  raw: string;
  body: any;
}

const SECRET = 'SEC-test-signing-secret';
const received: Received[] = [];
let failuresLeft = 3;
let receiver: Server;
let receiverUrl: string;
let smtp: SMTPServer;
const mails: Array<{ to: string[]; raw: string }> = [];
let api: RunningApi;
let world: World;
const hooks: Record<string, string> = {};
let delivery: Record<string, string>;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const url = new URL(request.url!, 'http://receiver');
      received.push({
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        raw,
        body: JSON.parse(raw),
      });
      if (url.pathname === '/hang') return; // never answers
      if (url.pathname === '/flaky' && failuresLeft-- > 0) return void response.writeHead(500).end('down');
      const answer = url.pathname === '/feishu' ? { code: 0, msg: 'success' } : { errcode: 0, errmsg: 'ok' };
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  delivery = {
    LUODI_DELIVERY_MAX_ATTEMPTS: '5',
    LUODI_DELIVERY_BASE_DELAY_MS: '50',
    LUODI_DELIVERY_TIMEOUT_MS: '400',
    LUODI_DELIVERY_POLL_MS: '50',
    LUODI_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  };
  api = await startApi(delivery);
  world = await createWorld(api);
}, 60_000);
afterAll(async () => {
  await api?.stop();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
});

const register = (body: Record<string, unknown>) =>
  post(api, '/api/webhooks', world.admin, { name: '测试机器人', events: ['assignment'], ...body });

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const deliveriesOf = async (hook: string) =>
  (await get(api, `/api/webhooks/${hooks[hook]}/deliveries`, world.admin)).body;
const hmac = (key: string, text: string, encoding: 'base64' | 'hex') =>
  createHmac('sha256', key).update(text).digest(encoding);

describe('registering a webhook', () => {
  it('refuses what cannot or must not be called, naming the field, and stores nothing', async () => {
    const apiPort = new URL(api.baseUrl).port;
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'generic', url: 'ftp://127.0.0.1/x', secret: SECRET }, 'url'],
      [{ kind: 'generic', url: 'not a url', secret: SECRET }, 'url'],
      [{ kind: 'generic', url: `http://127.0.0.1:${apiPort}/api/health`, secret: SECRET }, 'url'],
      [{ kind: 'wecom', url: `http://localhost:${apiPort}/api/webhooks` }, 'url'],
      [{ kind: 'wecom', url: `http://[::1]:${apiPort}/` }, 'url'],
      [{ kind: 'generic', url: `${receiverUrl}/g`, secret: SECRET, events: ['assignment', 'gossip'] }, 'events'],
      [{ kind: 'generic', url: `${receiverUrl}/g`, secret: SECRET, events: [] }, 'events'],
      [{ kind: 'dingtalk', url: `${receiverUrl}/d` }, 'secret'],
      [{ kind: 'feishu', url: `${receiverUrl}/f` }, 'secret'],
      [{ kind: 'generic', url: `${receiverUrl}/g` }, 'secret'],
      [{ kind: 'wecom', url: `${receiverUrl}/w`, secret: SECRET }, 'secret'],
      [{ kind: 'generic', url: `${receiverUrl}/g`, secret: SECRET, departmentCode: 'nowhere' }, 'departmentCode'],
      [{ kind: 'slack', url: `${receiverUrl}/s` }, 'kind'],
    ];
    for (const [body, field] of refusals) {
      const reply = await register(body);
      expect({ body, status: reply.status, fields: reply.body.errors?.map((e: { field: string }) => e.field) }).toEqual(
        {
          body,
          status: 400,
          fields: expect.arrayContaining([field]),
        },
      );
    }
    expect((await get(api, '/api/webhooks', world.admin)).body).toEqual([]);
    expect(await register({ kind: 'wecom', url: `${receiverUrl}/w` }).then((r) => r.status)).toBe(201);
    expect((await post(api, '/api/webhooks', world.taskforce, {})).status).toBe(403);
  });
});

describe('delivering a notification', () => {
  it('sends each robot its platform’s body, signed, once; retries a failing one; a hanging one times out without holding the others', async () => {
    for (const [name, body] of Object.entries({
      wecom: { kind: 'wecom', url: `${receiverUrl}/wecom` },
      dingtalk: { kind: 'dingtalk', url: `${receiverUrl}/dingtalk?access_token=abc`, secret: SECRET },
      feishu: { kind: 'feishu', url: `${receiverUrl}/feishu`, secret: SECRET },
      generic: { kind: 'generic', url: `${receiverUrl}/generic`, secret: SECRET, departmentCode: 'industry' },
      flaky: { kind: 'generic', url: `${receiverUrl}/flaky`, secret: SECRET },
      hang: { kind: 'generic', url: `${receiverUrl}/hang`, secret: SECRET },
      other: { kind: 'generic', url: `${receiverUrl}/other`, secret: SECRET, departmentCode: 'commerce' },
      supporting: { kind: 'generic', url: `${receiverUrl}/supporting`, secret: SECRET, departmentCode: 'resources' },
      escalations: { kind: 'generic', url: `${receiverUrl}/escalations`, secret: SECRET, events: ['escalated'] },
    })) {
      const reply = await register(body);
      expect(reply).toMatchObject({ status: 201, body: { id: expect.any(String), signed: 'secret' in body } });
      expect(JSON.stringify(reply.body)).not.toContain(SECRET);
      hooks[name] = reply.body.id;
    }
    const mailed = await post(api, '/api/users', world.admin, {
      username: 'mail-clerk',
      password: 'a-long-passphrase-for-mail',
      role: 'department',
      departmentCode: 'resources',
      email: 'clerk@resources.example',
    });
    expect(mailed).toMatchObject({ status: 201, body: { email: 'clerk@resources.example' } });

    const started = Date.now();
    const { id: projectId } = await projectAt(world, 'assigned');

    const delivered = async (hook: string) => {
      const page = await deliveriesOf(hook);
      return page.items[0]?.status === 'delivered' ? page.items[0] : undefined;
    };
    for (const hook of ['wecom', 'dingtalk', 'feishu', 'generic', 'supporting'])
      await until(`${hook} delivered`, () => delivered(hook));
    // Delivered while the hanging receiver holds its request open.
    expect(received.filter((r) => r.path === '/hang').length).toBeGreaterThanOrEqual(1);
    const health = Date.now();
    expect((await get(api, '/api/health')).status).toBe(200);
    expect(Date.now() - health).toBeLessThan(1000);

    const only = (path: string) => {
      const requests = received.filter((r) => r.path === path);
      expect({ path, requests: requests.length }).toEqual({ path, requests: 1 });
      return requests[0];
    };
    const wecom = only('/wecom');
    expect(wecom.body).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('新的落地任务') } });
    expect(wecom.body.markdown.content).toContain('智能港口装备');

    const dingtalk = only('/dingtalk');
    const timestamp = dingtalk.query.get('timestamp')!;
    expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
    expect(dingtalk.query.get('access_token')).toBe('abc');
    expect(dingtalk.query.get('sign')).toBe(hmac(SECRET, `${timestamp}\n${SECRET}`, 'base64'));
    expect(dingtalk.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: '【落地】新的落地任务', text: expect.stringContaining('智能港口装备') },
    });

    const feishu = only('/feishu');
    expect(feishu.body).toEqual({
      timestamp: expect.stringMatching(/^\d{10}$/),
      sign: hmac(`${feishu.body.timestamp}\n${SECRET}`, '', 'base64'),
      msg_type: 'text',
      content: { text: expect.stringContaining('新的落地任务') },
    });

    const generic = only('/generic');
    expect(generic.headers['x-luodi-signature']).toBe(`sha256=${hmac(SECRET, generic.raw, 'hex')}`);
    expect(generic.body).toMatchObject({
      event: 'assignment',
      notification: { kind: 'assignment', projectId, departmentCode: 'industry', title: '新的落地任务' },
    });
    // A department's webhook gets what tells its department (a supporting one too), a kind's only its kind.
    expect(only('/supporting').body.notification).toMatchObject({ kind: 'assignment', departmentCode: 'industry' });
    expect(received.filter((r) => r.path === '/other' || r.path === '/escalations')).toEqual([]);

    // 3 failures, then delivered: once, with 4 attempts logged.
    const flaky = await until('flaky delivered', () => delivered('flaky'));
    expect(flaky).toMatchObject({ attempts: 4, lastError: null, deliveredAt: expect.any(String) });
    expect(flaky.log.map((a: { ok: boolean; statusCode: number }) => [a.ok, a.statusCode])).toEqual([
      [false, 500],
      [false, 500],
      [false, 500],
      [true, 200],
    ]);
    expect(received.filter((r) => r.path === '/flaky')).toHaveLength(4);
    expect(flaky.log[0].error).toContain('HTTP 500');

    // The hanging one: each attempt times out, and after 5 it is given up.
    const hang = await until('hang given up', async () => {
      const page = await deliveriesOf('hang');
      return page.items[0]?.status === 'failed' ? page.items[0] : undefined;
    });
    expect(hang).toMatchObject({ attempts: 5, lastError: 'timed out after 400 ms' });
    expect(hang.log).toHaveLength(5);
    expect(hang.log.every((a: { ok: boolean; error: string }) => !a.ok && a.error === 'timed out after 400 ms')).toBe(
      true,
    );

    // The e-mail, to the supporting department's user with an address.
    const mail = await until('the e-mail', async () => mails.find((m) => m.to.includes('clerk@resources.example')));
    expect(mail.raw).toContain('Subject:');
    expect(mails).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

describe('with two API instances on one database', () => {
  let second: INestApplication | undefined;
  afterAll(async () => {
    await second?.close();
  });

  it('enqueues and delivers each notification once, whichever instance claims it', async () => {
    second = await createApp(
      loadConfig({ NODE_ENV: 'test', LUODI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, LOG_LEVEL: 'error', ...delivery }),
      api.databaseUrl,
    );
    await second.listen(0, '127.0.0.1');
    const reply = await register({ kind: 'generic', url: `${receiverUrl}/twice`, secret: SECRET });
    hooks.twice = reply.body.id;
    const projects = 8;
    for (let i = 0; i < projects; i++) await projectAt(world, 'assigned');
    const page = await until('all delivered', async () => {
      const deliveries = await deliveriesOf('twice');
      return deliveries.total === projects &&
        deliveries.items.every((d: { status: string }) => d.status === 'delivered')
        ? deliveries
        : undefined;
    });
    const requests = received.filter((r) => r.path === '/twice');
    expect(requests).toHaveLength(projects);
    expect(new Set(requests.map((r) => r.body.notification.id)).size).toBe(projects);
    expect(page.items.every((d: { attempts: number }) => d.attempts === 1)).toBe(true);
  }, 60_000);
});

describe("a user's e-mail address", () => {
  it('is set on an existing user, gets what is recorded from then on, and is removed with null', async () => {
    const address = 'lead@industry.example';
    expect(
      (await post(api, `/api/users/${world.industry.id}/email`, world.admin, { email: 'not-an-address' })).body,
    ).toMatchObject({ code: 'INVALID_INPUT', errors: [expect.objectContaining({ field: 'email' })] });
    expect(
      (await post(api, '/api/users/00000000-0000-4000-8000-000000000000/email', world.admin, { email: address }))
        .status,
    ).toBe(404);
    expect((await post(api, `/api/users/${world.industry.id}/email`, world.taskforce, { email: address })).status).toBe(
      403,
    );
    const marker = await register({ kind: 'generic', url: `${receiverUrl}/marker`, secret: SECRET });
    const set = await post(api, `/api/users/${world.industry.id}/email`, world.admin, { email: address });
    expect(set).toMatchObject({ status: 200, body: { email: address } });
    // Setting an address ends no session.
    expect((await get(api, '/api/auth/me', world.industry)).status).toBe(200);
    expect(mails.filter((m) => m.to.includes(address))).toEqual([]);

    await projectAt(world, 'assigned');
    await until('the e-mail to the new address', async () =>
      mails.some((m) => m.to.includes(address)) ? true : undefined,
    );
    expect(mails.filter((m) => m.to.includes(address))).toHaveLength(1);

    expect(await post(api, `/api/users/${world.industry.id}/email`, world.admin, { email: null })).toMatchObject({
      status: 200,
      body: { email: null },
    });
    const { id } = await projectAt(world, 'assigned');
    // The outbox rows of one event are written in one transaction: once the robot's is there, so
    // would the e-mail's be.
    const pool = new Pool({ connectionString: api.databaseUrl, max: 1 });
    try {
      const rowsFor = async (where: string, value: string) =>
        (
          await pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM notification_outbox WHERE ${where} = $1 AND notification->>'projectId' = $2`,
            [value, id],
          )
        ).rows[0].n;
      await until('the outbox has the last assignment', async () =>
        (await rowsFor('webhook_id::text', marker.body.id)) === 1 ? true : undefined,
      );
      expect(await rowsFor('email', address)).toBe(0);
    } finally {
      await pool.end();
    }
    expect(mails.filter((m) => m.to.includes(address))).toHaveLength(1);
  }, 60_000);
});

describe('the outbox after its consumer replays the log', () => {
  it('enqueues nothing twice: the (channel, event) key keeps the deliveries made', async () => {
    const reply = await register({ kind: 'generic', url: `${receiverUrl}/replayed`, secret: SECRET });
    const pool = new Pool({ connectionString: api.databaseUrl, max: 1 });
    try {
      const { id: first } = await projectAt(world, 'assigned');
      await until('the first delivery', async () =>
        received.some((r) => r.path === '/replayed' && r.body.notification.projectId === first) ? true : undefined,
      );
      const outboxRows = async () =>
        (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM notification_outbox')).rows[0].n;
      const before = await outboxRows();
      // As if the checkpoint were lost: the consumer reads the whole log again.
      await pool.query(
        `UPDATE projection_checkpoints SET checkpoint = NULL, position = 0 WHERE name = 'notification-outbox'`,
      );
      const { id: second } = await projectAt(world, 'assigned');
      await until('the second delivery', async () =>
        received.some((r) => r.path === '/replayed' && r.body.notification.projectId === second) ? true : undefined,
      );
      await until('the consumer back at the head', async () => {
        const { rows } = await pool.query<{ behind: boolean }>(
          `SELECT c.position < (SELECT max(global_position) FROM events) AS behind
             FROM projection_checkpoints c WHERE c.name = 'notification-outbox'`,
        );
        return rows[0].behind ? undefined : true;
      });
      // Only the second assignment's rows were added (one per channel it goes to), none of the replay.
      const added = (await outboxRows()) - before;
      const forSecond = (
        await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notification_outbox WHERE notification->>'projectId' = $1`,
          [second],
        )
      ).rows[0].n;
      expect(added).toBe(forSecond);
      expect(received.filter((r) => r.path === '/replayed')).toHaveLength(2);
      expect((await get(api, `/api/webhooks/${reply.body.id}/deliveries`, world.admin)).body.total).toBe(2);
    } finally {
      await pool.end();
    }
  }, 60_000);
});
