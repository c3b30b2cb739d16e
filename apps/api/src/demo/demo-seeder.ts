import { DEMO_PASSWORD, DemoPlan, DemoProject } from './demo-data.generator';
import { DemoMatchmakingPlan } from './demo-matchmaking.generator';

/**
 * Plays a demo plan against a running API through its public HTTP endpoints, exactly as a client
 * would, so the demo data goes through validation, the deciders, the event store and the
 * projections like any real data. Projects run `concurrency` at a time, each project's calls in
 * order; the first refused call stops the seeding with the API's answer.
 */

export interface SeedOptions {
  baseUrl: string;
  adminPassword: string;
  /** Projects seeded at the same time. */
  concurrency?: number;
  /** After each project: how many projects are done. */
  onProgress?(projectsDone: number, projects: number): void;
}

export interface SeedResult {
  /** Commands sent, all accepted (logins and reads not counted). */
  calls: number;
  /** API id of each project, by plan key. */
  projectIds: Map<string, string>;
  /** The highest global position written: read with `minPosition` to see all of it. */
  lastPosition: number;
}

export class DemoSeedError extends Error {
  constructor(
    readonly request: string,
    readonly status: number,
    readonly response: string,
  ) {
    super(`Seeding the demo data failed: ${request} answered ${status}: ${response}`);
    this.name = 'DemoSeedError';
  }
}

/** Whether the API already has data: the demo seeds only an empty database. */
export async function hasData(baseUrl: string, adminPassword: string): Promise<boolean> {
  const api = new DemoApi(baseUrl);
  const token = await api.login('admin', adminPassword);
  const departments = await api.send<unknown[]>('GET', '/api/departments', token);
  return departments.length > 0;
}

export async function seedDemoData(plan: DemoPlan, options: SeedOptions): Promise<SeedResult> {
  const api = new DemoApi(options.baseUrl);
  const admin = await api.login('admin', options.adminPassword);
  const parallel = options.concurrency ?? 8;

  await inParallel(plan.departments, parallel, (department) =>
    api.command('POST', '/api/departments', admin, department),
  );
  await inParallel(plan.users, parallel, ({ username, role, departmentCode }) =>
    api.command('POST', '/api/users', admin, {
      username,
      password: DEMO_PASSWORD,
      role,
      ...(departmentCode ? { departmentCode } : {}),
    }),
  );
  const tokens = new Map<string, string>();
  await inParallel(
    plan.users,
    parallel,
    async ({ username }) => void tokens.set(username, await api.login(username, DEMO_PASSWORD)),
  );
  const tokenOf = (username: string) => tokens.get(username) ?? admin;

  const enterpriseIds = new Map<string, string>();
  const conferenceIds = new Map<string, string>();
  await inParallel(
    plan.enterprises,
    parallel,
    async ({ key, body }) =>
      void enterpriseIds.set(key, (await api.command('POST', '/api/enterprises', tokenOf('taskforce'), body)).id),
  );
  await inParallel(
    plan.conferences,
    parallel,
    async ({ key, body }) =>
      void conferenceIds.set(key, (await api.command('POST', '/api/conferences', tokenOf('taskforce'), body)).id),
  );

  const projectIds = new Map<string, string>();
  let projectsDone = 0;
  await inParallel(plan.projects, parallel, async (project) => {
    projectIds.set(project.key, await seedProject(api, project, tokenOf, enterpriseIds, conferenceIds));
    options.onProgress?.(++projectsDone, plan.projects.length);
  });
  return { calls: api.commands, projectIds, lastPosition: api.lastPosition };
}

/**
 * The matchmaking part, as the task force records it (after seedDemoData, whose users it logs in
 * as): enterprises and their tier ladder, the events, the demands, then each cooperation's
 * proposal and stages in order, and the project a signed one became.
 */
export async function seedMatchmakingData(
  plan: DemoMatchmakingPlan,
  options: Pick<SeedOptions, 'baseUrl' | 'concurrency'>,
): Promise<Omit<SeedResult, 'projectIds'>> {
  const api = new DemoApi(options.baseUrl);
  const token = await api.login('taskforce', DEMO_PASSWORD);
  const parallel = options.concurrency ?? 8;
  const ids = new Map<string, string>();
  const create = async (key: string, path: string, body: unknown) =>
    void ids.set(key, (await api.command('POST', path, token, body)).id);

  await inParallel(plan.enterprises, parallel, ({ key, body }) => create(key, '/api/enterprises', body));
  // Each enterprise's steps in order: a step may not be dated before the previous one.
  await inParallel([...new Set(plan.tierChanges.map((c) => c.enterpriseKey))], parallel, async (key) => {
    for (const change of plan.tierChanges.filter((c) => c.enterpriseKey === key))
      await api.command('POST', `/api/enterprises/${ids.get(key)}/tier`, token, change.body);
  });
  await inParallel(plan.events, parallel, ({ key, body }) => create(key, '/api/matchmaking-events', body));
  await inParallel(plan.demands, parallel, ({ key, publisherKey, eventKey, body }) =>
    create(key, '/api/demands', { ...body, publisherId: ids.get(publisherKey), eventId: ids.get(eventKey) }),
  );
  await inParallel(plan.cooperations, parallel, async ({ demandKey, enterpriseKey, body, stages, project }) => {
    const { id } = await api.command('POST', `/api/demands/${ids.get(demandKey)}/proposals`, token, {
      ...body,
      enterpriseId: ids.get(enterpriseKey),
    });
    for (const stage of stages) await api.command('POST', `/api/cooperations/${id}/stage`, token, stage);
    if (project) await api.command('POST', `/api/cooperations/${id}/project`, token, project);
  });
  return { calls: api.commands, lastPosition: api.lastPosition };
}

/** One project's calls in order; returns its id. */
async function seedProject(
  api: DemoApi,
  project: DemoProject,
  tokenOf: (username: string) => string,
  enterpriseIds: Map<string, string>,
  conferenceIds: Map<string, string>,
): Promise<string> {
  let id = '';
  // Need and milestone ids are made by the API; the project's current state has them, in order.
  let needIds: string[] = [];
  let milestoneIds: string[] = [];
  const reload = async () => {
    const state = await api.send<{
      needs: Array<{ needId: string }>;
      plan: { milestones: Array<{ milestoneId: string }> } | null;
    }>('GET', `/api/projects/${id}`, tokenOf('taskforce'));
    needIds = state.needs.map((n) => n.needId);
    milestoneIds = state.plan?.milestones.map((m) => m.milestoneId) ?? [];
  };

  for (const call of project.calls) {
    const token = tokenOf(call.as);
    const occurredAt = call.at;
    switch (call.kind) {
      case 'submit':
        id = (
          await api.command('POST', '/api/projects', token, {
            ...call.body,
            enterpriseId: enterpriseIds.get(call.enterpriseKey),
            occurredAt,
          })
        ).id;
        if (call.body.needs.length > 0) await reload();
        break;
      case 'review':
        await api.command('POST', `/api/projects/${id}/reviews`, token, { ...call.body, occurredAt });
        break;
      case 'presentation':
        await api.command('POST', `/api/projects/${id}/presentations`, token, {
          conferenceId: conferenceIds.get(call.conferenceKey),
          occurredAt,
        });
        break;
      case 'assignment':
        await api.command('POST', `/api/projects/${id}/assignments`, token, { ...call.body, occurredAt });
        await reload();
        break;
      case 'progress': {
        const milestoneId = call.milestoneIndex === undefined ? {} : { milestoneId: milestoneIds[call.milestoneIndex] };
        await api.command('POST', `/api/projects/${id}/progress`, token, { ...call.body, ...milestoneId, occurredAt });
        break;
      }
      case 'resolution':
        await api.command('POST', `/api/projects/${id}/needs/${needIds[call.needIndex]}/resolution`, token, {
          ...call.body,
          occurredAt,
        });
        break;
      case 'landing':
        await api.command('POST', `/api/projects/${id}/landing`, token, call.body);
        break;
      case 'withdrawal':
        await api.command('POST', `/api/projects/${id}/withdrawal`, token, { ...call.body, occurredAt });
        break;
    }
  }
  return id;
}

/** A minimal JSON client of the API that counts the commands it sends. */
class DemoApi {
  commands = 0;
  lastPosition = 0;

  constructor(private readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<string> {
    const session = await this.send<{ accessToken: string }>('POST', '/api/auth/login', undefined, {
      username,
      password,
    });
    return session.accessToken;
  }

  /** A write. Event-sourced commands answer `{id, version, position}`; the others what they created. */
  async command(
    method: 'POST',
    path: string,
    token: string,
    body: unknown,
  ): Promise<{ id: string; position?: number }> {
    const answer = await this.send<{ id: string; position?: number }>(method, path, token, body);
    this.commands += 1;
    if (typeof answer.position === 'number') this.lastPosition = Math.max(this.lastPosition, answer.position);
    return answer;
  }

  async send<T>(method: 'GET' | 'POST', path: string, token: string | undefined, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new DemoSeedError(`${method} ${path}`, response.status, text);
    return JSON.parse(text) as T;
  }
}

/** Runs `work` over the items, at most `limit` at a time; the first failure rejects. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
