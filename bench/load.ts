import autocannon from 'autocannon';
import { randomBytes, randomUUID } from 'node:crypto';
import { Http } from './http';
import { round } from './stats';

export interface LoadWorld {
  taskforce: string;
  reviewer: string;
  /** Department code -> token of a user of that department. */
  departments: Map<string, string>;
  enterpriseIds: string[];
  conferenceIds: string[];
}

/**
 * The actors and reference data the workload needs, made through the API like any client would:
 * a task-force user, a reviewer, a user for each of four departments, enterprises, conferences.
 */
export async function createLoadWorld(http: Http, adminPassword: string): Promise<LoadWorld> {
  const admin = await http.login('admin', adminPassword);
  let codes = (await http.send<Array<{ code: string }>>('GET', '/api/departments', admin))
    .map((d) => d.code)
    .slice(0, 4);
  if (codes.length < 4) {
    codes = ['bench-industry', 'bench-land', 'bench-finance', 'bench-commerce'];
    for (const code of codes) await http.send('POST', '/api/departments', admin, { code, name: code }, [201, 409]);
  }
  const user = async (role: string, departmentCode?: string) => {
    const username = `bench-${role}-${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('base64url');
    await http.send('POST', '/api/users', admin, {
      username,
      password,
      role,
      ...(departmentCode ? { departmentCode } : {}),
    });
    return http.login(username, password);
  };
  const taskforce = await user('taskforce');
  const reviewer = await user('reviewer');
  const departments = new Map<string, string>();
  for (const code of codes) departments.set(code, await user('department', code));
  const enterpriseIds: string[] = [];
  for (let i = 0; i < 20; i++) {
    enterpriseIds.push(
      (
        await http.send<{ id: string }>('POST', '/api/enterprises', taskforce, {
          name: `压测企业${i + 1}有限公司`,
          district: '黄岛区',
          tier: 'municipal',
        })
      ).id,
    );
  }
  const conferenceIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    conferenceIds.push(
      (
        await http.send<{ id: string }>('POST', '/api/conferences', taskforce, {
          title: `压测创意会${i + 1}`,
          theme: '数字经济',
          heldOn: '2025-06-30',
        })
      ).id,
    );
  }
  return { taskforce, reviewer, departments, enterpriseIds, conferenceIds };
}

type Action =
  'approve' | 'revise' | 'reject' | 'present' | 'assign' | 'progress' | 'done0' | 'done1' | 'land' | 'withdraw';

/**
 * One lifecycle per project, drawn at submission: most projects are approved, presented, given a
 * plan with two milestones, reported on and landed; some are revised first, rejected, withdrawn
 * before review, or withdrawn after planning.
 */
function drawScript(): Action[] {
  const r = Math.random();
  if (r < 0.15) return ['reject'];
  if (r < 0.2) return ['withdraw'];
  const worked: Action[] = [
    'present',
    'assign',
    'done0',
    'progress',
    'done1',
    Math.random() < 0.85 ? 'land' : 'withdraw',
  ];
  return r < 0.3 ? ['revise', 'approve', ...worked] : ['approve', ...worked];
}

interface Lifecycle {
  id?: string;
  script?: Action[];
  failed?: boolean;
  department?: string;
  milestones?: string[];
}

export interface LoadFigures {
  connections: number;
  seconds: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  commandsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Commands sent, by kind, and how many of them failed. */
  byAction: Record<string, { sent: number; failed: number }>;
}

/**
 * Drives a mixed lifecycle workload with autocannon: `connections` keep-alive connections, each
 * running project lifecycles one command after the other (a command is sent when the previous
 * one has been answered). Every request is a command; a lifecycle whose command fails is dropped
 * and a new one started.
 */
export async function runLoad(
  baseUrl: string,
  world: LoadWorld,
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  const departmentCodes = [...world.departments.keys()];
  const byAction: LoadFigures['byAction'] = {};
  const count = (action: string, failed: boolean) => {
    const entry = (byAction[action] ??= { sent: 0, failed: 0 });
    entry.sent += 1;
    if (failed) entry.failed += 1;
  };
  const headers = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

  const request = (action: Action, ctx: Lifecycle) => {
    const project = `/api/projects/${ctx.id}`;
    const department = ctx.department!;
    switch (action) {
      case 'approve':
      case 'revise':
      case 'reject': {
        const verdict = { approve: 'approved', revise: 'revise', reject: 'rejected' }[action];
        return {
          method: 'POST',
          path: `${project}/reviews`,
          headers: headers(world.reviewer),
          body: JSON.stringify({
            verdict,
            scores: { idea: 85, validation: 80, feasibility: 78 },
            comment: '创意好，论证较充分',
          }),
        };
      }
      case 'present':
        return {
          method: 'POST',
          path: `${project}/presentations`,
          headers: headers(world.taskforce),
          body: JSON.stringify({ conferenceId: pick(world.conferenceIds) }),
        };
      case 'assign': {
        const supporting = departmentCodes.find((c) => c !== department)!;
        const milestone = (i: number, title: string, dueOn: string) => ({
          milestoneId: ctx.milestones![i],
          title,
          dueOn,
          departmentCode: department,
          owner: '王伟',
        });
        return {
          method: 'POST',
          path: `${project}/assignments`,
          headers: headers(world.taskforce),
          body: JSON.stringify({
            leadDepartment: department,
            supportingDepartments: [supporting],
            milestones: [milestone(0, '签订投资协议', '2030-03-31'), milestone(1, '开工建设', '2030-09-30')],
          }),
        };
      }
      case 'progress':
        return {
          method: 'POST',
          path: `${project}/progress`,
          headers: headers(world.departments.get(department)!),
          body: JSON.stringify({ note: '企业已完成项目备案，正在办理施工许可。' }),
        };
      case 'done0':
      case 'done1':
        return {
          method: 'POST',
          path: `${project}/progress`,
          headers: headers(world.departments.get(department)!),
          body: JSON.stringify({
            milestoneId: ctx.milestones![action === 'done0' ? 0 : 1],
            note: '节点已完成。',
            done: true,
          }),
        };
      case 'land':
        return {
          method: 'POST',
          path: `${project}/landing`,
          headers: headers(world.taskforce),
          body: JSON.stringify({
            landedOn: today,
            actualInvestmentYuan: 180_000_000,
            evidence: '项目已投产',
            confirmOpenItems: true,
          }),
        };
      case 'withdraw':
        return {
          method: 'POST',
          path: `${project}/withdrawal`,
          headers: headers(world.taskforce),
          body: JSON.stringify({ reason: '企业调整投资计划' }),
        };
    }
  };

  const submit = {
    method: 'POST' as const,
    path: '/api/projects',
    setupRequest: (req: Record<string, unknown>, ctx: Lifecycle) => {
      ctx.script = drawScript();
      ctx.department = pick(departmentCodes);
      ctx.milestones = [randomUUID(), randomUUID()];
      return {
        ...req,
        headers: headers(world.taskforce),
        body: JSON.stringify(submission(pick(world.enterpriseIds))),
      };
    },
    onResponse: (status: number, body: string, ctx: Lifecycle) => {
      count('submit', status !== 201);
      if (status === 201) ctx.id = (JSON.parse(body) as { id: string }).id;
      else ctx.failed = true;
    },
  };
  const longest = 1 + Math.max(...Array.from({ length: 200 }, () => drawScript().length), 8);
  const steps = Array.from({ length: longest - 1 }, (_, i) => ({
    // null ends the lifecycle: autocannon starts over with a fresh context at the submission.
    setupRequest: (req: Record<string, unknown>, ctx: Lifecycle) => {
      const action = ctx.failed || !ctx.id ? undefined : ctx.script![i];
      return action ? { ...req, ...request(action, ctx) } : null;
    },
    onResponse: (status: number, _body: string, ctx: Lifecycle) => {
      const action = ctx.script![i];
      count(action, status !== 200);
      if (status !== 200) ctx.failed = true;
    },
  }));

  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [submit, ...steps] as unknown as autocannon.Request[],
  });
  return { ...figuresOf(result, connections), byAction };
}

/** The body of a project submission, the API's first command of every lifecycle. */
function submission(enterpriseId: string) {
  return {
    enterpriseId,
    title: '智能港口装备',
    summary: '自动化岸桥与集卡调度系统',
    industryChain: '高端装备',
    district: '黄岛区',
    investmentYuan: 200_000_000,
    needs: [{ kind: 'land', description: '需要 50 亩工业用地' }],
  };
}

/**
 * The same autocannon settings on the baseline server (baseline-server.ts): every request a
 * project submission's body, each answered by a new stream with its first event.
 */
export async function runBaselineLoad(baseUrl: string, connections: number, seconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/commands',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(submission(randomUUID())) }),
      },
    ] as unknown as autocannon.Request[],
  });
  return {
    ...figuresOf(result, connections),
    byAction: { command: { sent: result.requests.total, failed: result.non2xx } },
  };
}

function figuresOf(result: autocannon.Result, connections: number): Omit<LoadFigures, 'byAction'> {
  const elapsed = result.duration;
  return {
    connections,
    seconds: round(elapsed, 1),
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    commandsPerSecond: result['2xx'] / elapsed,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
  };
}
