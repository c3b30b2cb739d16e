import { Pool } from 'pg';
import { createWorld, dateDaysAgo, daysAgo, get, post, projectAt, World } from './projects.helpers';
import { SupervisionSchedulerService } from '../../apps/api/src/supervision/supervision-scheduler.service';
import { RunningApi, startApi, startApiOn } from '../support/start-api';

/**
 * The 督办 scheduler with two API instances on one database, then a restart: every automatic
 * notice exactly once, and the catch-up after "downtime" (the projects' due dates passed while no
 * scheduler ran) dates each notice the day it fell due.
 */

let api: RunningApi;
let world: World;
let pool: Pool;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  pool = new Pool({ connectionString: api.databaseUrl, max: 2 });
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await api?.stop();
});

const PLANNED_DAYS_AGO = 26;
const startOf = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

/** A project planned 26 days ago (its needs resolved then): industry's contract due 20 days ago, resources' land due in 3 days. */
async function overdueProject(): Promise<string> {
  const { id } = await projectAt(world, 'presented');
  const planned = daysAgo(PLANNED_DAYS_AGO);
  const assigned = await post(api, `/api/projects/${id}/assignments`, world.taskforce, {
    leadDepartment: 'industry',
    supportingDepartments: ['resources'],
    milestones: [
      { title: '签订投资协议', dueOn: dateDaysAgo(20), departmentCode: 'industry', owner: '王伟' },
      { title: '完成用地供应', dueOn: dateDaysAgo(-3), departmentCode: 'resources', owner: '李娜' },
      { title: '竣工投产', dueOn: dateDaysAgo(-300), departmentCode: 'industry', owner: '王伟' },
    ],
    occurredAt: planned,
  });
  expect(assigned.status).toBe(200);
  const { needs } = (await get(api, `/api/projects/${id}`, world.taskforce)).body;
  for (const need of needs) {
    const resolved = await post(api, `/api/projects/${id}/needs/${need.needId}/resolution`, world.industry, {
      resolution: '已解决',
      occurredAt: planned,
    });
    expect(resolved.status).toBe(200);
  }
  return id;
}

interface SchedulerEvent {
  stream: string;
  type: string;
  item: string | null;
  step: string | null;
  occurredAt: string;
}

async function schedulerEvents(): Promise<SchedulerEvent[]> {
  const { rows } = await pool.query<SchedulerEvent>(
    `SELECT stream_id AS stream, type, data->>'milestoneId' AS item, data->>'step' AS step, data->>'occurredAt' AS "occurredAt"
       FROM events WHERE metadata->'actor'->>'userId' = 'supervision-scheduler' ORDER BY global_position`,
  );
  return rows;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The scheduler finds the projects being worked in the read model: wait until it shows them. */
async function projected(count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  const assigned = async () =>
    (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM project_list WHERE status = 'assigned'`)).rows[0]
      .n;
  while ((await assigned()) < count && Date.now() < deadline) await sleep(100);
}

/** Waits until the scheduler events number `count`, then some passes longer (1 s each) for any duplicate to show. */
async function settle(count: number): Promise<SchedulerEvent[]> {
  const deadline = Date.now() + 60_000;
  while ((await schedulerEvents()).length < count && Date.now() < deadline) await sleep(200);
  await sleep(3_000);
  return schedulerEvents();
}

it('two instances and a restart issue each notice once, dated when it fell due', async () => {
  const projects = [await overdueProject(), await overdueProject(), await overdueProject()];
  const { milestones } = (await get(api, `/api/projects/${projects[0]}`, world.taskforce)).body.plan;
  const [contract, land] = milestones.map((m: { milestoneId: string }) => m.milestoneId);
  // Per project: the contract went yellow (when planned), red, escalated; its yellow and red
  // reminders went unanswered past their respondBy; the land milestone went yellow 4 days ago.
  const perProject = 6;
  expect(await schedulerEvents()).toEqual([]);
  await projected(projects.length);

  // Two instances run a pass at the same moment, twice: together they issue each notice once.
  const pair = await Promise.all([startApiOn(api.databaseUrl), startApiOn(api.databaseUrl)]);
  try {
    const runs = await Promise.all(pair.map((i) => i.app.get(SupervisionSchedulerService).runOnce()));
    expect(runs.reduce((sum, run) => sum + run.events, 0)).toBe(projects.length * perProject);
    const again = await Promise.all(pair.map((i) => i.app.get(SupervisionSchedulerService).runOnce()));
    expect(again.map((run) => run.events)).toEqual([0, 0]);
  } finally {
    await Promise.all(pair.map((i) => i.stop()));
  }

  // Two more projects, and two instances whose scheduler runs every second on its own.
  projects.push(await overdueProject(), await overdueProject());
  const env = { LUODI_SUPERVISION_SCHEDULER: 'on', LUODI_SUPERVISION_INTERVAL_SECONDS: '1' };
  const instances = await Promise.all([startApiOn(api.databaseUrl, env), startApiOn(api.databaseUrl, env)]);
  let events: SchedulerEvent[];
  try {
    events = await settle(projects.length * perProject);
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
  }
  expect(events).toHaveLength(projects.length * perProject);

  const restarted = await startApiOn(api.databaseUrl, env);
  try {
    // Nothing more is owed: several passes of the restarted instance add nothing.
    await sleep(4_000);
    expect(await schedulerEvents()).toEqual(events);
  } finally {
    await restarted.stop();
  }

  const issued = events.filter((e) => e.type === 'SupervisionNoticeIssued');
  const keys = issued.map((e) => `${e.stream} ${e.item} ${e.step}`);
  expect(new Set(keys).size).toBe(keys.length);

  const first = events.filter((e) => e.stream === `project-${projects[0]}`);
  const planned = (await get(api, `/api/projects/${projects[0]}`, world.taskforce)).body.plan.assignedAt;
  expect(first.map(({ type, item, step, occurredAt }) => ({ type, item, step, occurredAt }))).toEqual(
    [
      // Already yellow when planned: dated the plan (nothing on a stream may precede its last event).
      { type: 'SupervisionNoticeIssued', item: contract, step: 'yellow', occurredAt: planned },
      { type: 'SupervisionNoticeIssued', item: contract, step: 'red', occurredAt: startOf(dateDaysAgo(19)) },
      // The yellow reminder's respondBy was 5 days after the plan.
      {
        type: 'SupervisionNoticeEscalated',
        item: null,
        step: null,
        occurredAt: startOf(dateDaysAgo(PLANNED_DAYS_AGO - 6)),
      },
      // The red reminder's respondBy was 5 days after it.
      { type: 'SupervisionNoticeEscalated', item: null, step: null, occurredAt: startOf(dateDaysAgo(13)) },
      // Overdue by more than 14 days.
      { type: 'SupervisionNoticeIssued', item: contract, step: 'escalated', occurredAt: startOf(dateDaysAgo(5)) },
      { type: 'SupervisionNoticeIssued', item: land, step: 'yellow', occurredAt: startOf(dateDaysAgo(4)) },
    ].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)),
  );
}, 180_000);
