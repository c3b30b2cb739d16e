import { conferenceStream, enterpriseStream, projectStream } from '@luodi/domain';
import type { EventData, EventStore } from '@luodi/event-store';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Realistic event histories for tests and benchmarks: enterprises, quarterly conferences and
 * projects that go through review, presentation, plans, progress and land or stall, with business
 * times between `from` and `to`. Deterministic for a seed (except event ids).
 */

export interface HistoryOptions {
  seed: number;
  projects: number;
  /** First and last business date (CST) of the history; `to` must not lie in the future. */
  from: string;
  to: string;
  departments?: string[];
}

export interface HistoryEvent {
  streamId: string;
  type: string;
  data: EventData;
  /** Record time for insertHistory (a late report, a past snapshot); default: when inserted. */
  recordedAt?: string;
}

const DAY = 86_400_000;
const CHAINS = ['marine', 'advanced-equipment', 'new-materials', 'biomedicine', 'digital-economy', 'green-energy'];
const DISTRICTS = ['黄岛区', '崂山区', '城阳区', '即墨区', '胶州市', '市南区'];
const WORDS = [
  '智慧',
  '海洋',
  '牧场',
  '港口',
  '装备',
  '芯片',
  '新材料',
  '生物',
  '医药',
  '氢能',
  '储能',
  '工业互联网',
  '机器人',
  '冷链',
  '航运',
];
const DEFAULT_DEPARTMENTS = ['industry', 'commerce', 'natural-resources', 'science', 'finance'];

/** Every event of the history, in business-time order. */
export function generateHistory(options: HistoryOptions): HistoryEvent[] {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const uuid = () => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(random() * 16).toString(16));
  const departments = options.departments ?? DEFAULT_DEPARTMENTS;
  const start = Date.parse(`${options.from}T00:00:00+08:00`);
  const end = Date.parse(`${options.to}T23:59:59.999+08:00`);
  const iso = (ms: number) => new Date(ms).toISOString();
  const cstDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const events: Array<HistoryEvent & { at: number; seq: number }> = [];
  const emit = (streamId: string, at: number, type: string, data: Record<string, unknown>) => {
    if (at <= end) events.push({ streamId, type, data: { ...data, occurredAt: iso(at) }, at, seq: events.length });
    return at <= end;
  };

  const conferences: Array<{ id: string; title: string; heldOn: string; at: number }> = [];
  for (let at = start + 60 * DAY, n = 1; at <= end; at += 91 * DAY, n++) {
    const conference = { id: uuid(), title: `第${n}届民营经济创意会`, heldOn: cstDate(at), at: at + 2 * 3_600_000 };
    conferences.push(conference);
    emit(conferenceStream(conference.id), start, 'ConferenceScheduled', {
      conferenceId: conference.id,
      title: conference.title,
      theme: pick(WORDS),
      heldOn: conference.heldOn,
    });
  }

  const enterprises = Array.from({ length: Math.max(1, Math.ceil(options.projects / 3)) }, (_, i) => ({
    id: uuid(),
    name: `青岛${pick(WORDS)}${pick(WORDS)}有限公司${i}`,
  }));
  for (const enterprise of enterprises) {
    emit(enterpriseStream(enterprise.id), start, 'EnterpriseRegistered', {
      enterpriseId: enterprise.id,
      name: enterprise.name,
      district: pick(DISTRICTS),
      tier: pick(['none', 'municipal', 'provincial', 'national']),
    });
    if (random() < 0.1) {
      enterprise.name = `${enterprise.name}（集团）`;
      emit(enterpriseStream(enterprise.id), between(start, end), 'EnterpriseUpdated', { name: enterprise.name });
    }
  }

  for (let p = 0; p < options.projects; p++) {
    const projectId = uuid();
    const stream = projectStream(projectId);
    const enterprise = pick(enterprises);
    let at = between(start, end - 10 * DAY);
    const next = (minDays: number, maxDays: number) => (at += between(minDays * DAY, maxDays * DAY));
    const needs = Array.from({ length: between(0, 3) }, (_, i) => ({
      needId: `need-${i}`,
      kind: pick(['land', 'talent', 'financing', 'orders', 'policy', 'other']),
      description: `${pick(WORDS)}需求`,
    }));
    const title = `${pick(WORDS)}${pick(WORDS)}项目${p}`;
    emit(stream, at, 'ProjectSubmitted', {
      projectId,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      title,
      summary: `${title}：${pick(WORDS)}与${pick(WORDS)}`,
      industryChain: pick(CHAINS),
      district: pick(DISTRICTS),
      investmentYuan: between(1, 500) * 1_000_000,
      needs,
    });
    const review = (verdict: string) =>
      emit(stream, next(2, 30), 'ProjectReviewed', {
        reviewId: uuid(),
        reviewer: { userId: 'u-expert', username: 'expert' },
        verdict,
        scores: { idea: between(50, 100), validation: between(50, 100), feasibility: between(50, 100) },
      });
    if (
      random() < 0.2 &&
      !emit(stream, next(1, 5), 'SubmissionRevised', { investmentYuan: between(1, 500) * 1_000_000 })
    )
      continue;
    if (random() < 0.15 && !review('revise')) continue;
    if (random() < 0.05) {
      emit(stream, next(1, 20), 'ProjectWithdrawn', { reason: '企业撤回' });
      continue;
    }
    const verdict = random() < 0.82 ? 'approved' : 'rejected';
    if (!review(verdict) || verdict === 'rejected') continue;
    for (const need of needs)
      if (
        random() < 0.5 &&
        !emit(stream, next(1, 30), 'NeedResolved', { needId: need.needId, resolution: '已协调解决' })
      )
        break;

    const conference = conferences.find((c) => c.at >= at);
    if (!conference || random() < 0.1) {
      if (random() < 0.2) emit(stream, next(10, 200), 'ProjectWithdrawn', { reason: '未能发布' });
      continue;
    }
    at = conference.at;
    if (
      !emit(stream, at, 'ProjectPresented', {
        conferenceId: conference.id,
        conferenceTitle: conference.title,
        heldOn: conference.heldOn,
      })
    )
      continue;

    const plan = (revision: number) => {
      const lead = pick(departments);
      const supporting = departments.filter((d) => d !== lead && random() < 0.3);
      const milestones = Array.from({ length: between(1, 4) }, (_, i) => ({
        milestoneId: `m-${revision}-${i}`,
        title: `${pick(WORDS)}节点${i + 1}`,
        dueOn: cstDate(at + between(20, 300) * DAY),
        departmentCode: pick([lead, ...supporting]),
        owner: pick(['王伟', '李娜', '张强', '刘洋']),
      }));
      return { planId: uuid(), leadDepartment: lead, supportingDepartments: supporting, milestones };
    };
    const current = plan(1);
    next(2, 20);
    if (!emit(stream, at, 'LandingPlanAssigned', current)) continue;
    let open = true;
    for (const milestone of current.milestones) {
      if (random() < 0.6) {
        const progressId = uuid();
        const reporter = {
          userId: 'u-dept',
          username: 'dept',
          role: 'department',
          departmentCode: milestone.departmentCode,
        };
        const done = random() < 0.8;
        open = emit(stream, next(5, 60), 'ProgressReported', {
          progressId,
          milestoneId: milestone.milestoneId,
          note: '推进中',
          done,
          reporter,
        });
        if (open && done) emit(stream, at, 'MilestoneCompleted', { milestoneId: milestone.milestoneId, progressId });
        if (!open) break;
      }
    }
    if (!open) continue;
    if (random() < 0.15) {
      const revised = plan(2);
      next(5, 60);
      if (!emit(stream, at, 'LandingPlanRevised', { ...revised, revision: 2, replacesPlanId: current.planId }))
        continue;
    }
    const outcome = random();
    if (outcome < 0.6) {
      const landedOn = cstDate(next(30, 400));
      emit(stream, Date.parse(`${landedOn}T23:59:59.999+08:00`), 'ProjectLanded', {
        landedOn,
        ...(random() < 0.7 ? { actualInvestmentYuan: between(1, 600) * 1_000_000 } : {}),
      });
    } else if (outcome < 0.72) {
      emit(stream, next(30, 400), 'ProjectWithdrawn', { reason: '项目停滞' });
    }
  }

  return events
    .sort((a, b) => a.at - b.at || a.seq - b.seq)
    .map(({ streamId, type, data }) => ({ streamId, type, data }));
}

/**
 * Appends the events as the API would: each stream's events in their order, many streams at
 * once. Returns the global position of the last event written.
 */
export async function appendHistory(
  store: EventStore,
  events: readonly HistoryEvent[],
  concurrency = 8,
): Promise<number> {
  const byStream = new Map<string, HistoryEvent[]>();
  for (const event of events) {
    const list = byStream.get(event.streamId) ?? [];
    list.push(event);
    byStream.set(event.streamId, list);
  }
  const streams = [...byStream];
  let last = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let entry = streams.shift(); entry; entry = streams.shift()) {
        const [streamId, streamEvents] = entry;
        const { position } = await store.appendToStream(
          streamId,
          streamEvents.map((e) => ({
            eventId: randomUUID(),
            type: e.type,
            schemaVersion: 1,
            data: e.data,
            metadata: {},
          })),
        );
        last = Math.max(last, position);
      }
    }),
  );
  return last;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A shortcut for benchmarks and tests that need a large log fast: writes the events straight into
 * the PostgreSQL events table in the given order (so streams interleave as they do over time),
 * `perTransaction` events per transaction. The store's own append is far slower per event.
 */
export async function insertHistory(
  pool: Pool,
  events: readonly HistoryEvent[],
  perTransaction = 2000,
): Promise<number> {
  const versions = new Map<string, number>();
  const { rows } = await pool.query<{ stream_id: string; version: number }>(
    `SELECT stream_id, max(stream_position) AS version FROM events WHERE stream_id = ANY($1::text[]) GROUP BY stream_id`,
    [[...new Set(events.map((e) => e.streamId))]],
  );
  for (const row of rows) versions.set(row.stream_id, row.version);
  let last = 0;
  for (let i = 0; i < events.length; i += perTransaction) {
    const chunk = events.slice(i, i + perTransaction);
    const positions = chunk.map((e) => {
      const version = (versions.get(e.streamId) ?? 0) + 1;
      versions.set(e.streamId, version);
      return version;
    });
    const inserted = await pool.query<{ last: string }>(
      `INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at)
       SELECT e.stream_id, e.stream_position, e.event_id, e.type, 1, e.data, '{}', coalesce(e.recorded_at, now())
         FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::jsonb[], $6::timestamptz[])
              WITH ORDINALITY AS e(stream_id, stream_position, event_id, type, data, recorded_at, ord)
        ORDER BY e.ord
       RETURNING global_position AS last`,
      [
        chunk.map((e) => e.streamId),
        positions,
        chunk.map(() => randomUUID()),
        chunk.map((e) => e.type),
        chunk.map((e) => JSON.stringify(e.data)),
        chunk.map((e) => e.recordedAt ?? null),
      ],
    );
    last = Math.max(last, ...inserted.rows.map((r) => Number(r.last)));
  }
  return last;
}
