import { Pool } from 'pg';
import { authHeaders, createUserAndLogin, login, TestUser } from '../support/auth-helpers';
import { RunningApi } from '../support/start-api';

/** Helpers shared by the project, reference-data and concurrency e2e specs. */

export interface Reply {
  status: number;
  // Tests read JSON bodies field by field; typing every response shape would add nothing.
  body: any;
  headers: Headers;
}

export async function send(
  api: RunningApi,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  user?: TestUser,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(user ? user.headers : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export const post = (
  api: RunningApi,
  path: string,
  user: TestUser | undefined,
  body: unknown,
  headers?: Record<string, string>,
) => send(api, 'POST', path, user, body, headers);
export const patch = (
  api: RunningApi,
  path: string,
  user: TestUser | undefined,
  body: unknown,
  headers?: Record<string, string>,
) => send(api, 'PATCH', path, user, body, headers);
export const get = (api: RunningApi, path: string, user?: TestUser) => send(api, 'GET', path, user);

/** The events table, read directly: what the store really holds. */
export class EventsTable {
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
  }

  async count(streamId?: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE $1::text IS NULL OR stream_id = $1',
      [streamId ?? null],
    );
    return rows[0].n;
  }

  async types(streamId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ type: string }>(
      'SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_position',
      [streamId],
    );
    return rows.map((r) => r.type);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Sends a command that must be refused, and asserts the store holds exactly the events it held before. */
export async function expectRefused(
  events: EventsTable,
  command: () => Promise<Reply>,
  status: number,
  code?: string,
): Promise<Reply> {
  const before = await events.count();
  const reply = await command();
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code: code ?? reply.body?.code });
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
  expect(await events.count()).toBe(before);
  return reply;
}

/** The field names of a 400 problem's `errors`. */
export const fieldsOf = (reply: Reply): string[] => (reply.body.errors ?? []).map((e: { field: string }) => e.field);

export const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();
export const dateDaysAgo = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

export const validSubmission = (enterpriseId: string, overrides: Record<string, unknown> = {}) => ({
  enterpriseId,
  title: '智能港口装备',
  summary: '自动化岸桥与集卡调度',
  industryChain: '高端装备',
  district: '黄岛区',
  investmentYuan: 200_000_000,
  needs: [
    { kind: 'land', description: '需要 50 亩工业用地' },
    { kind: 'financing', description: '需要 2 亿元贷款' },
  ],
  ...overrides,
});

export const approvingReview = { verdict: 'approved', scores: { idea: 90, validation: 85, feasibility: 80 } };

export const plan = (lead: string, supporting: string) => ({
  leadDepartment: lead,
  supportingDepartments: [supporting],
  milestones: [
    { title: '签订投资协议', dueOn: '2030-05-31', departmentCode: lead, owner: '王伟' },
    { title: '完成用地供应', dueOn: '2030-07-31', departmentCode: supporting, owner: '李娜' },
  ],
});

/** Users of every role, two departments, an enterprise and a conference: what a project needs. */
export interface World {
  api: RunningApi;
  admin: TestUser;
  taskforce: TestUser;
  reviewer: TestUser;
  leader: TestUser;
  /** A user of department `industry` (leads the test plans) and one of `resources` (supports them). */
  industry: TestUser;
  resources: TestUser;
  /** A user of department `commerce`, which no test plan involves. */
  commerce: TestUser;
  enterpriseId: string;
  conferenceId: string;
}

export async function createWorld(api: RunningApi): Promise<World> {
  const { accessToken, user } = await login(api.baseUrl, 'admin', api.adminPassword);
  const admin: TestUser = {
    id: user.id,
    username: 'admin',
    password: api.adminPassword,
    role: 'admin',
    token: accessToken,
    headers: authHeaders(accessToken),
  };
  const [taskforce, reviewer, leader, industry, resources, commerce] = await Promise.all([
    createUserAndLogin(api, 'taskforce'),
    createUserAndLogin(api, 'reviewer'),
    createUserAndLogin(api, 'leader'),
    createUserAndLogin(api, 'department', 'industry'),
    createUserAndLogin(api, 'department', 'resources'),
    createUserAndLogin(api, 'department', 'commerce'),
  ]);
  // Chains the specs file projects under besides the seeded ones; 409 when another spec added them.
  for (const name of ['marine', 'smart-manufacturing'])
    if (![201, 409].includes((await post(api, '/api/industry-chains', admin, { name })).status))
      throw new Error(`adding the industry chain ${name} failed`);
  const enterprise = await post(api, '/api/enterprises', taskforce, { name: '青岛海智装备有限公司', tier: 'national' });
  const conference = await post(api, '/api/conferences', taskforce, {
    title: '第三届民营经济创意会',
    theme: '数字经济',
    heldOn: dateDaysAgo(30),
  });
  if (enterprise.status !== 201 || conference.status !== 201)
    throw new Error('setting up the enterprise and conference failed');
  return {
    api,
    admin,
    taskforce,
    reviewer,
    leader,
    industry,
    resources,
    commerce,
    enterpriseId: enterprise.body.id,
    conferenceId: conference.body.id,
  };
}

export type Stage = 'submitted' | 'approved' | 'presented' | 'assigned';
const STAGES: Stage[] = ['submitted', 'approved', 'presented', 'assigned'];

/** A new project taken through the lifecycle up to `stage`, with business times in the past. */
export async function projectAt(world: World, stage: Stage): Promise<{ id: string; version: number }> {
  const { api, taskforce } = world;
  const steps: Array<(id: string) => Promise<Reply>> = [
    () => post(api, '/api/projects', taskforce, validSubmission(world.enterpriseId, { occurredAt: daysAgo(60) })),
    (id) => post(api, `/api/projects/${id}/reviews`, world.reviewer, { ...approvingReview, occurredAt: daysAgo(50) }),
    (id) =>
      post(api, `/api/projects/${id}/presentations`, taskforce, {
        conferenceId: world.conferenceId,
        occurredAt: daysAgo(30),
      }),
    (id) =>
      post(api, `/api/projects/${id}/assignments`, taskforce, {
        ...plan('industry', 'resources'),
        occurredAt: daysAgo(20),
      }),
  ];
  let id = '';
  let version = 0;
  for (const step of steps.slice(0, STAGES.indexOf(stage) + 1)) {
    const reply = await step(id);
    if (reply.status !== 200 && reply.status !== 201)
      throw new Error(`projectAt(${stage}) failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    id = reply.body.id;
    version = reply.body.version;
  }
  return { id, version };
}
