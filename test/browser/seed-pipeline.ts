/**
 * A pipeline of many projects written straight into the API's event store with the project
 * decider — what the API's command handlers do, without HTTP, token checks and idempotency
 * bookkeeping per call — so a test can have a thousand projects in seconds. The API's projector
 * picks the events up like any others.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ProjectCommand, projectDecider, projectStream } from '@luodi/domain';
import { handleCommand, PostgresEventStore } from '@luodi/event-store';

const DAY = 86_400_000;

export interface PipelineFacts {
  enterprises: { id: string; name: string }[];
  conferences: { id: string; title: string; heldOn: string }[];
  departments: string[];
  reviewer: { userId: string; username: string };
}

/** What the pipeline holds, for the test to check the screens against. */
export interface SeededPipeline {
  projects: number;
  inLibrary: number;
  landed: number;
  /** Projects whose title holds the keyword. */
  withKeyword: number;
  /** The highest global position written: a read with this `minPosition` sees the whole pipeline. */
  lastPosition: number;
}

/** Titles cycle through these; the first is the keyword a search can narrow the list to. */
export const TOPICS = [
  '氢能重卡示范',
  '海洋牧场',
  '工业互联网平台',
  '智能家电产线',
  '生物医药中试',
  '新材料研发',
  '港口自动化',
  '文旅综合体',
  '集成电路封装',
  '食品冷链',
];
export const KEYWORD = TOPICS[0];
const CHAINS = [
  '新能源汽车',
  '现代海洋',
  '工业互联网',
  '智能家电',
  '生物医药',
  '新材料',
  '船舶海工装备',
  '文化旅游',
  '集成电路',
  '食品饮料',
];
const DISTRICTS = ['黄岛区', '崂山区', '城阳区', '即墨区', '胶州市'];

/**
 * `count` projects, every 16th of them by the first enterprise (so its dossier is long), the rest
 * spread over the others. Out of every 20: 10 stay submitted, 1 is rejected, 2 approved,
 * 1 presented, 2 assigned, 3 landed, 1 withdrawn after approval — spread over about 16 months
 * of business time, each step a few weeks after the one before.
 */
export async function seedPipeline(
  databaseUrl: string,
  facts: PipelineFacts,
  count: number,
  concurrency = 8,
): Promise<SeededPipeline> {
  const pool = new Pool({ connectionString: databaseUrl, max: concurrency });
  const store = new PostgresEventStore(pool);
  const start = Date.now() - 500 * DAY;
  const now = new Date().toISOString();
  const at = (millis: number) => new Date(millis).toISOString();
  const cst = (millis: number) => new Date(millis + 8 * 3_600_000).toISOString().slice(0, 10);
  const seeded: SeededPipeline = { projects: count, inLibrary: 0, landed: 0, withKeyword: 0, lastPosition: 0 };

  const seedOne = async (i: number) => {
    const id = randomUUID();
    const stream = projectStream(id);
    const run = async (command: Omit<ProjectCommand, 'metadata'>) => {
      const { position } = await handleCommand(store, stream, projectDecider, {
        ...command,
        metadata: { now },
      } as ProjectCommand);
      seeded.lastPosition = Math.max(seeded.lastPosition, position);
    };
    const t0 = start + (i % 300) * DAY;
    const stage = i % 20;
    const enterprise =
      i % 16 === 0 ? facts.enterprises[0] : facts.enterprises[1 + (i % (facts.enterprises.length - 1))];
    await run({
      type: 'SubmitProject',
      data: {
        projectId: id,
        enterprise,
        title: `${TOPICS[i % TOPICS.length]}项目 ${String(i + 1).padStart(4, '0')}`,
        industryChain: CHAINS[i % CHAINS.length],
        district: DISTRICTS[i % DISTRICTS.length],
        investmentYuan: (5 + (i % 40) * 5) * 1_000_000,
        needs: [{ needId: randomUUID(), kind: 'land', description: '需要工业用地' }],
        occurredAt: at(t0),
      },
    });
    if (i % TOPICS.length === 0) seeded.withKeyword += 1;
    if (stage < 10) return;
    const approved = stage !== 10;
    await run({
      type: 'ReviewProject',
      data: {
        reviewId: randomUUID(),
        reviewer: facts.reviewer,
        verdict: approved ? 'approved' : 'rejected',
        scores: { idea: 80, validation: 75, feasibility: approved ? 85 : 40 },
        occurredAt: at(t0 + 7 * DAY),
      },
    });
    if (!approved) return;
    seeded.inLibrary += 1;
    if (stage === 19) {
      await run({ type: 'WithdrawProject', data: { reason: '企业调整投资计划', occurredAt: at(t0 + 30 * DAY) } });
      return;
    }
    if (stage < 13) return;
    await run({
      type: 'PresentProject',
      data: { conference: facts.conferences[i % facts.conferences.length], occurredAt: at(t0 + 20 * DAY) },
    });
    if (stage < 14) return;
    // By blocks of 20, so every department leads plans at every stage.
    const lead = facts.departments[Math.floor(i / 20) % facts.departments.length];
    await run({
      type: 'AssignLandingPlan',
      data: {
        planId: randomUUID(),
        leadDepartment: lead,
        supportingDepartments: [],
        milestones: [
          {
            milestoneId: randomUUID(),
            title: '签订投资协议',
            dueOn: cst(t0 + 60 * DAY),
            departmentCode: lead,
            owner: '王明',
          },
        ],
        knownDepartments: facts.departments,
        occurredAt: at(t0 + 25 * DAY),
      },
    });
    if (stage < 16) return;
    await run({ type: 'LandProject', data: { landedOn: cst(t0 + (40 + (i % 100)) * DAY), confirmOpenItems: true } });
    seeded.landed += 1;
  };

  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) await seedOne(next++);
      }),
    );
  } finally {
    await store.close();
    await pool.end();
  }
  return seeded;
}
