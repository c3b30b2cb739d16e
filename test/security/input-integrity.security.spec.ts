import { randomUUID } from 'node:crypto';
import { isValidUnifiedSocialCreditCode } from '@luodi/domain';
import { createTestPool } from '../support/test-database';
import { RunningApi, startApi } from '../support/start-api';
import { createWorld, EventsTable, expectRefused, fieldsOf, post, projectAt, World } from '../e2e/projects.helpers';

/**
 * Issue 12, item 11: input that slipped past the checks.
 * (a) A title of only zero-width or control characters was accepted: a record nobody can see.
 * (b) Registering an enterprise again under a taken credit code made a second enterprise.
 * (c) `If-Match: *` was refused as malformed instead of meaning "any existing version".
 */
let api: RunningApi;
let world: World;
let events: EventsTable;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  events = new EventsTable(api.databaseUrl);
});
afterAll(async () => {
  await events.close();
  await api.stop();
});

/** A valid credit code starting with the given 17 characters (the 18th is the check character). */
const creditCode = (first17: string): string =>
  [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c) => first17 + c).find(isValidUnifiedSocialCreditCode)!;

describe('(a) text of only invisible characters', () => {
  const invisible = [
    ['zero-width spaces', '\u200b\u200b'],
    ['a control character', '\u0007'],
    ['a BOM and a joiner', '\ufeff\u200d '],
  ];

  it.each(invisible)(
    'refuses %s as a required text field with 400 naming the field, writing nothing',
    async (_name, text) => {
      const project = await projectAt(world, 'submitted');
      const cases: Array<[string, unknown, string]> = [
        [
          '/api/projects',
          { enterpriseId: world.enterpriseId, title: text, industryChain: '高端装备', investmentYuan: 1 },
          'title',
        ],
        ['/api/enterprises', { name: text }, 'name'],
        ['/api/conferences', { title: text, heldOn: '2030-01-01' }, 'title'],
        [`/api/projects/${project.id}/withdrawal`, { reason: text }, 'reason'],
      ];
      for (const [path, body, field] of cases) {
        const reply = await expectRefused(events, () => post(api, path, world.taskforce, body), 400, 'INVALID_INPUT');
        expect({ path, fields: fieldsOf(reply) }).toEqual({ path, fields: [field] });
      }
    },
  );

  it('still accepts text with visible characters around invisible ones', async () => {
    const reply = await post(api, '/api/enterprises', world.taskforce, { name: '\u200b青岛可见有限公司' });
    expect(reply.status).toBe(201);
  });
});

describe('(b) a second enterprise under a taken credit code', () => {
  it('answers 409 CREDIT_CODE_TAKEN, also in another letter case, and writes nothing', async () => {
    const code = creditCode('91370200MA3C5TK01');
    expect(
      (await post(api, '/api/enterprises', world.taskforce, { name: '青岛首登有限公司', creditCode: code })).status,
    ).toBe(201);
    await expectRefused(
      events,
      () =>
        post(api, '/api/enterprises', world.taskforce, { name: '青岛冒名有限公司', creditCode: code.toLowerCase() }),
      409,
      'CREDIT_CODE_TAKEN',
    );
  });

  it('lets only one of many simultaneous registrations of one code through', async () => {
    const code = creditCode('91370200MA3C5TK02');
    const before = await events.count();
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post(api, '/api/enterprises', world.taskforce, { name: `青岛并发${i}有限公司`, creditCode: code }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'CREDIT_CODE_TAKEN')).toBe(true);
    expect(await events.count()).toBe(before + 1);
  });

  it('frees the code of a registration that failed, and takes over one a crash left without an enterprise', async () => {
    const refusedCode = creditCode('91370200MA3C5TK03');
    // Refused after the code was reserved: a new stream cannot match `If-Match: *`.
    const refused = await post(
      api,
      '/api/enterprises',
      world.taskforce,
      { name: '青岛未来有限公司', creditCode: refusedCode },
      { 'If-Match': '*' },
    );
    expect(refused.status).toBe(412);
    expect(
      (await post(api, '/api/enterprises', world.taskforce, { name: '青岛现在有限公司', creditCode: refusedCode }))
        .status,
    ).toBe(201);

    const crashedCode = creditCode('91370200MA3C5TK04');
    const pool = createTestPool(api.databaseUrl, 1);
    await pool.query(
      `INSERT INTO enterprise_credit_codes (credit_code, enterprise_id, reserved_at) VALUES ($1, $2, now() - interval '2 minutes')`,
      [crashedCode, randomUUID()],
    );
    await pool.end();
    expect(
      (await post(api, '/api/enterprises', world.taskforce, { name: '青岛接手有限公司', creditCode: crashedCode }))
        .status,
    ).toBe(201);
  });
});

describe('(c) If-Match: *', () => {
  it('runs the command on an existing project whatever its version', async () => {
    const project = await projectAt(world, 'submitted');
    const reply = await post(
      api,
      `/api/projects/${project.id}/withdrawal`,
      world.taskforce,
      { reason: '企业调整计划' },
      { 'If-Match': '*' },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.version).toBe(project.version + 1);
  });

  it('answers 412 when there is no current representation, writing nothing', async () => {
    await expectRefused(
      events,
      () =>
        post(
          api,
          `/api/projects/${randomUUID()}/withdrawal`,
          world.taskforce,
          { reason: '不存在' },
          { 'If-Match': '*' },
        ),
      412,
      'VERSION_MISMATCH',
    );
    await expectRefused(
      events,
      () => post(api, '/api/enterprises', world.taskforce, { name: '青岛新建有限公司' }, { 'If-Match': '*' }),
      412,
      'VERSION_MISMATCH',
    );
  });
});
