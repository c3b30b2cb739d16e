import { Pool } from 'pg';
import { enterpriseStream } from '@luodi/domain';
import { createUserAndLogin, TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { post } from './projects.helpers';

// Every event written names who did it, in which request, and under which idempotency key.
let api: RunningApi;
let taskforce: TestUser;
let pool: Pool;
beforeAll(async () => {
  api = await startApi();
  taskforce = await createUserAndLogin(api, 'taskforce');
  pool = new Pool({ connectionString: api.databaseUrl, max: 1 });
});
afterAll(async () => {
  await pool.end();
  await api.stop();
});

it('records the actor, the correlation id and the idempotency key in every event of a command', async () => {
  const created = await post(
    api,
    '/api/enterprises',
    taskforce,
    { name: '青岛测试科技有限公司', tier: 'municipal' },
    { 'X-Correlation-Id': 'corr-42', 'Idempotency-Key': 'key-42' },
  );
  expect(created.status).toBe(201);

  const { rows } = await pool.query('SELECT metadata FROM events WHERE stream_id = $1', [
    enterpriseStream(created.body.id),
  ]);

  expect(rows).toHaveLength(1);
  expect(rows[0].metadata).toEqual({
    actor: { userId: taskforce.id, username: taskforce.username, role: 'taskforce' },
    correlationId: 'corr-42',
    idempotencyKey: 'key-42',
  });
});
