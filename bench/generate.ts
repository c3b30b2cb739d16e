import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  conferenceDecider,
  ConferenceState,
  conferenceStream,
  enterpriseDecider,
  EnterpriseState,
  enterpriseStream,
  ProjectCommand,
  projectDecider,
  ProjectState,
  projectStream,
  UserRole,
} from '@luodi/domain';
import { DemoPlan, generateDemoPlan, ProjectCall } from '../apps/api/src/demo/demo-data.generator';
import { SeededRandom } from '../apps/api/src/demo/seeded-random';
import { round } from './stats';

/** Projects per generated chunk: a whole two-year demo story of its own (see generateDemoPlan). */
const CHUNK_PROJECTS = 1000;
const FIRST_SEED = 20240601;

export interface GenerateOptions {
  /** Stop once at least this many events and this many projects are stored. */
  events: number;
  projects: number;
  log(message: string): void;
}

export interface Generated {
  events: number;
  projects: number;
  enterprises: number;
  conferences: number;
  departments: string[];
  byStatus: Record<string, number>;
  byType: Record<string, number>;
  seconds: number;
}

interface Row {
  streamId: string;
  position: number;
  type: string;
  data: string;
  metadata: string;
  /** Record time in ms: a chunk is stored in the order it was recorded. */
  recordedAt: number;
}

type Actor = { userId: string; username: string; role: UserRole; departmentCode?: string };

/**
 * Fills the events table with realistic history, fast: the demo data set's generator
 * (generateDemoPlan) tells each project's story as API calls; every call is turned into the
 * command its HTTP handler would build and decided by the real deciders, so every stream is one
 * the API could have written. Chunks of 1,000 projects (each its own two-year story over the
 * same eight conferences and departments, with enterprises of its own) are stored in record-
 * time order with one multi-row INSERT each, while the next chunk is being generated. Each event
 * is recorded a little after it happened (see recordDelay), so the history as known at a past
 * instant is the history up to about then, as in a system that was in use all along.
 */
export async function generateEvents(databaseUrl: string, options: GenerateOptions): Promise<Generated> {
  return eventGenerator(databaseUrl).grow(options);
}

export interface EventGenerator {
  /** Adds chunks until at least `events` and `projects` are stored (in this and earlier calls). */
  grow(options: GenerateOptions): Promise<Generated>;
}

/** {@link generateEvents} in steps: the bench measures at 10,000 projects, then grows the log. */
export function eventGenerator(databaseUrl: string): EventGenerator {
  const now = new Date();
  const first = generateDemoPlan({ today: now, projects: CHUNK_PROJECTS, seed: FIRST_SEED });
  // Every chunk is presented at the first chunk's conferences, so it is told around their days.
  const conferencesHeldOn = first.conferences.map((c) => c.body.heldOn);
  const actors = new Map(
    first.users.map((u) => [
      u.username,
      { userId: randomUUID(), username: u.username, role: u.role, departmentCode: u.departmentCode } as Actor,
    ]),
  );
  const generator = new ChunkWriter(
    now.toISOString(),
    actors,
    first.departments.map((d) => d.code),
  );
  const result: Generated = {
    events: 0,
    projects: 0,
    enterprises: 0,
    conferences: 0,
    departments: first.departments.map((d) => d.code),
    byStatus: {},
    byType: {},
    seconds: 0,
  };
  let chunk = 0;

  const grow = async (options: GenerateOptions): Promise<Generated> => {
    const started = Date.now();
    const pool = new Pool({ connectionString: databaseUrl, max: 1, options: '-c synchronous_commit=off' });
    pool.on('error', () => undefined);
    try {
      await pool.query(
        `INSERT INTO departments (code, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
        [first.departments.map((d) => d.code), first.departments.map((d) => d.name)],
      );
      let pending: Promise<unknown> = Promise.resolve();
      let lastLog = 0;
      for (; result.events < options.events || result.projects < options.projects; chunk++) {
        const plan =
          chunk === 0
            ? first
            : generateDemoPlan({ today: now, projects: CHUNK_PROJECTS, seed: FIRST_SEED + chunk, conferencesHeldOn });
        const rows = generator.chunk(plan, result);
        await pending; // the previous chunk's INSERT ran while this one was generated
        pending = insert(pool, rows);
        result.events += rows.length;
        for (const row of rows) result.byType[row.type] = (result.byType[row.type] ?? 0) + 1;
        if (Date.now() - lastLog > 10_000) {
          lastLog = Date.now();
          options.log(
            `  generated ${result.events.toLocaleString('en')} events, ${result.projects.toLocaleString('en')} projects`,
          );
        }
      }
      await pending;
    } finally {
      await pool.end();
    }
    result.seconds = round(result.seconds + (Date.now() - started) / 1000, 1);
    return structuredClone(result);
  };
  return { grow };
}

async function insert(pool: Pool, rows: Row[]): Promise<void> {
  await pool.query(
    `INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at)
     SELECT s, p, gen_random_uuid(), t, 1, d, m, a
       FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[]) AS r(s, p, t, d, m, a)`,
    [
      rows.map((r) => r.streamId),
      rows.map((r) => r.position),
      rows.map((r) => r.type),
      rows.map((r) => r.data),
      rows.map((r) => r.metadata),
      rows.map((r) => new Date(r.recordedAt).toISOString()),
    ],
  );
}

class ChunkWriter {
  /** The first chunk's conferences, shared by all chunks (conference keys c1..c8). */
  private conferences = new Map<string, NonNullable<ConferenceState>>();
  private readonly random = new SeededRandom(FIRST_SEED);
  private readonly nowMs: number;

  constructor(
    private readonly now: string,
    private readonly actors: Map<string, Actor>,
    private readonly departments: string[],
  ) {
    this.nowMs = Date.parse(now);
  }

  chunk(plan: DemoPlan, totals: Generated): Row[] {
    const rows: Row[] = [];
    const taskforce = this.actor('taskforce');
    // Reference data first: it is registered before the projects that name it.
    if (this.conferences.size === 0) {
      for (const { key, body } of plan.conferences) {
        const conferenceId = randomUUID();
        const events = conferenceDecider.decide(
          { type: 'ScheduleConference', data: { conferenceId, ...body }, metadata: { now: this.now } },
          null,
        );
        rows.push(...this.rows(conferenceStream(conferenceId), 0, events, taskforce, -Infinity));
        this.conferences.set(key, events.reduce(conferenceDecider.evolve, null as ConferenceState)!);
        totals.conferences += 1;
      }
    }
    const enterprises = new Map<string, NonNullable<EnterpriseState>>();
    for (const { key, body } of plan.enterprises) {
      const enterpriseId = randomUUID();
      const events = enterpriseDecider.decide(
        { type: 'RegisterEnterprise', data: { enterpriseId, ...body }, metadata: { now: this.now } },
        null,
      );
      rows.push(...this.rows(enterpriseStream(enterpriseId), 0, events, taskforce, -Infinity));
      enterprises.set(key, events.reduce(enterpriseDecider.evolve, null as EnterpriseState)!);
      totals.enterprises += 1;
    }

    for (const project of plan.projects) {
      const projectId = randomUUID();
      const streamId = projectStream(projectId);
      let state: ProjectState = null;
      let version = 0;
      let recordedAt = -Infinity;
      for (const call of project.calls) {
        const actor = this.actor(call.as);
        const command = this.command(call, projectId, state, actor, enterprises);
        const events = projectDecider.decide(command, state);
        // A stream is appended in order: a call is recorded no earlier than the one before it.
        recordedAt = Math.min(this.nowMs, Math.max(recordedAt, Date.parse(call.at) + this.recordDelay()));
        rows.push(...this.rows(streamId, version, events, actor, recordedAt));
        state = events.reduce(projectDecider.evolve, state);
        version += events.length;
      }
      totals.projects += 1;
      totals.byStatus[state!.status] = (totals.byStatus[state!.status] ?? 0) + 1;
    }
    // Reference data is recorded before the first project that names it.
    const first = rows.reduce(
      (min, r) => (r.recordedAt > -Infinity && r.recordedAt < min ? r.recordedAt : min),
      Infinity,
    );
    for (const row of rows) if (row.recordedAt === -Infinity) row.recordedAt = first;
    // Stable: a stream's events keep their order (their record times never decrease).
    return rows.sort((a, b) => a.recordedAt - b.recordedAt);
  }

  /** How long after it happened a call is recorded: mostly within hours, one in ten days late. */
  private recordDelay(): number {
    return this.random.chance(0.1)
      ? 86_400_000 * (1 + 29 * this.random.next())
      : 3_600_000 * 8 * this.random.next() ** 2;
  }

  /** The command the call's HTTP handler would build (ids made here, facts looked up here). */
  private command(
    call: ProjectCall,
    projectId: string,
    state: ProjectState,
    actor: Actor,
    enterprises: Map<string, NonNullable<EnterpriseState>>,
  ): ProjectCommand {
    const metadata = { now: this.now };
    const occurredAt = call.at;
    switch (call.kind) {
      case 'submit': {
        const enterprise = enterprises.get(call.enterpriseKey)!;
        const needs = call.body.needs.map((n) => ({ needId: randomUUID(), ...n }));
        return {
          type: 'SubmitProject',
          data: {
            projectId,
            enterprise: { id: enterprise.id, name: enterprise.name },
            ...call.body,
            needs,
            occurredAt,
          },
          metadata,
        };
      }
      case 'review':
        return {
          type: 'ReviewProject',
          data: {
            reviewId: randomUUID(),
            reviewer: { userId: actor.userId, username: actor.username },
            ...call.body,
            occurredAt,
          },
          metadata,
        };
      case 'presentation': {
        const { id, title, heldOn } = this.conferences.get(call.conferenceKey)!;
        return { type: 'PresentProject', data: { conference: { id, title, heldOn }, occurredAt }, metadata };
      }
      case 'assignment': {
        const milestones = call.body.milestones.map((m) => ({ milestoneId: randomUUID(), ...m }));
        return {
          type: 'AssignLandingPlan',
          data: { planId: randomUUID(), ...call.body, milestones, knownDepartments: this.departments, occurredAt },
          metadata,
        };
      }
      case 'progress': {
        const milestoneId =
          call.milestoneIndex === undefined ? undefined : state!.plan!.milestones[call.milestoneIndex].milestoneId;
        return {
          type: 'ReportProgress',
          data: { progressId: randomUUID(), milestoneId, ...call.body, reporter: actor, occurredAt },
          metadata,
        };
      }
      case 'resolution':
        return {
          type: 'ResolveNeed',
          data: { needId: state!.needs[call.needIndex].needId, ...call.body, resolvedBy: actor, occurredAt },
          metadata,
        };
      case 'landing':
        return { type: 'LandProject', data: call.body, metadata };
      case 'withdrawal':
        return { type: 'WithdrawProject', data: { ...call.body, occurredAt }, metadata };
    }
  }

  private rows(
    streamId: string,
    version: number,
    events: Array<{ type: string; data: { occurredAt: string } }>,
    actor: Actor,
    recordedAt: number,
  ): Row[] {
    const metadata = JSON.stringify({
      actor: { userId: actor.userId, username: actor.username, role: actor.role },
      correlationId: randomUUID(),
    });
    return events.map((event, i) => ({
      streamId,
      position: version + i + 1,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata,
      recordedAt,
    }));
  }

  private actor(username: string): Actor {
    const actor = this.actors.get(username);
    if (!actor) throw new Error(`the demo plan names an unknown user ${username}`);
    return actor;
  }
}
