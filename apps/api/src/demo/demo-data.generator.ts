import { EnterpriseTier, NeedKind, ReviewVerdict, UserRole, endOfBusinessDay } from '@luodi/domain';
import {
  BANKS,
  BRANDS,
  CHINESE_ORDINALS,
  COMPANY_SUFFIXES,
  CONFERENCE_THEMES,
  DemoDepartment,
  DISTRICT_DEPARTMENTS,
  DISTRICTS,
  DemoDistrict,
  GIVEN_NAMES,
  INDUSTRY_CHAINS,
  IndustryChain,
  LANDING_EVIDENCE,
  MIDDLE_MILESTONES,
  MUNICIPAL_DEPARTMENTS,
  NEED_DEPARTMENTS,
  NEED_DESCRIPTIONS,
  NEED_RESOLUTIONS,
  PROGRESS_NOTES,
  REVIEW_COMMENTS,
  SURNAMES,
  TIERS,
  WITHDRAWAL_REASONS,
} from './demo-vocabulary';
import { SeededRandom } from './seeded-random';

/**
 * The demo data set as the ordered list of API calls that builds it: a two-year story of eight
 * quarterly creativity conferences ending shortly before `today`. Pure and deterministic: the same
 * seed, size and day give the same calls. Business times are in the past (never after the day
 * before `today`, China Standard Time) and never decrease within a project, and each project's
 * calls follow the lifecycle, so every call is one the API accepts.
 *
 * Ids are assigned by the API, so calls name what they refer to by key (`enterpriseKey`,
 * `conferenceKey`) or by position (`needIndex`, `milestoneIndex`); the seeder resolves them.
 */

export const DEMO_PASSWORD = 'luodi-demo';

export interface DemoUser {
  username: string;
  role: UserRole;
  departmentCode?: string;
  /** Who this login stands for, for the list printed at start. */
  label: string;
}

export interface DemoEnterprise {
  key: string;
  body: { name: string; creditCode: string; district: string; tier: EnterpriseTier };
}

export interface DemoConference {
  key: string;
  body: { title: string; theme: string; themeEn: string; heldOn: string };
}

export interface MilestoneBody {
  title: string;
  dueOn: string;
  departmentCode: string;
  owner: string;
}

interface CallBase {
  /** The username the call is made as. */
  as: string;
  /**
   * The business time of the event: sent as `occurredAt`, except for a landing, whose time
   * follows from `landedOn` (the end of that day, CST).
   */
  at: string;
}

export type ProjectCall = CallBase &
  (
    | {
        kind: 'submit';
        enterpriseKey: string;
        body: {
          title: string;
          summary: string;
          industryChain: string;
          district: string;
          investmentYuan: number;
          needs: Array<{ kind: NeedKind; description: string }>;
        };
      }
    | {
        kind: 'review';
        body: {
          verdict: ReviewVerdict;
          scores: { idea: number; validation: number; feasibility: number };
          comment: string;
        };
      }
    | { kind: 'presentation'; conferenceKey: string; body: Record<string, never> }
    | {
        kind: 'assignment';
        body: { leadDepartment: string; supportingDepartments: string[]; milestones: MilestoneBody[] };
      }
    | { kind: 'progress'; milestoneIndex?: number; body: { note: string; done?: boolean } }
    | { kind: 'resolution'; needIndex: number; body: { resolution: string } }
    | {
        kind: 'landing';
        /** `confirmOpenItems` only when a need is still unresolved (the milestones are all done by then). */
        body: { landedOn: string; actualInvestmentYuan: number; evidence: string; confirmOpenItems?: true };
      }
    | { kind: 'withdrawal'; body: { reason: string } }
  );

export type ProjectStatus = 'submitted' | 'approved' | 'rejected' | 'presented' | 'assigned' | 'landed' | 'withdrawn';

export interface DemoProject {
  key: string;
  /** The status the calls leave the project in. */
  status: ProjectStatus;
  /** Ever approved in review: in the key-project library. */
  inLibrary: boolean;
  presented: boolean;
  investmentYuan: number;
  calls: ProjectCall[];
}

export interface DemoPlan {
  seed: number;
  /** The moment the plan was made for; every business time lies before its day. */
  today: string;
  departments: DemoDepartment[];
  users: DemoUser[];
  enterprises: DemoEnterprise[];
  conferences: DemoConference[];
  /** In the order they were submitted. */
  projects: DemoProject[];
}

export interface DemoPlanOptions {
  seed?: number;
  today: Date;
  /** How many projects; enterprises are about two thirds of that. */
  projects?: number;
  /**
   * The eight conferences' days (YYYY-MM-DD) instead of drawn ones: the bench tells many stories
   * (one per seed) around one set of conferences, so each must be presented after those days.
   */
  conferencesHeldOn?: readonly string[];
}

export const DEFAULT_DEMO_SEED = 20240601;
export const DEFAULT_DEMO_PROJECTS = 300;

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;
const CONFERENCES = 8;
/** Submissions per cohort: the mechanism drew more projects as it became known; the last cohort is still under review. */
const COHORT_WEIGHTS = [8, 9, 10, 11, 11, 12, 12, 13, 14];

export function generateDemoPlan(options: DemoPlanOptions): DemoPlan {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const size = options.projects ?? DEFAULT_DEMO_PROJECTS;
  if (!Number.isInteger(size) || size < 1) throw new Error(`projects must be a positive whole number (got ${size})`);
  const random = new SeededRandom(seed);
  const todayDay = Math.floor((options.today.getTime() + CST_OFFSET_MS) / DAY_MS);
  const lastDay = todayDay - 1;

  const departments = [...MUNICIPAL_DEPARTMENTS, ...Object.values(DISTRICT_DEPARTMENTS)];
  const staff = new Map(departments.map((d) => [d.code, [personName(random), personName(random), personName(random)]]));

  const drawnDays = Array.from({ length: CONFERENCES }, (_, k) => workday(todayDay - 700 + 91 * k + random.int(-4, 4)));
  // Drawn either way, so every later draw is the same with or without given days.
  const conferenceDays = options.conferencesHeldOn?.map((d) => Date.parse(`${d}T00:00:00Z`) / DAY_MS) ?? drawnDays;
  const conferences: DemoConference[] = conferenceDays.map((day, k) => ({
    key: `c${k + 1}`,
    body: {
      title: `第${CHINESE_ORDINALS[k]}期民营经济创意会·${CONFERENCE_THEMES[k].theme}专场`,
      theme: CONFERENCE_THEMES[k].theme,
      themeEn: CONFERENCE_THEMES[k].themeEn,
      heldOn: dateOf(day),
    },
  }));

  const skeletons = Array.from({ length: size }, () => {
    const cohort = random.weighted(COHORT_WEIGHTS.map((w, k) => [k, w] as const));
    const themeChains = CONFERENCE_THEMES[cohort]?.chains ?? [];
    const chainName =
      themeChains.length > 0 && random.chance(0.55)
        ? random.pick(themeChains)
        : random.weighted(INDUSTRY_CHAINS.map((c) => [c.name, c.weight] as const));
    return { cohort, chain: INDUSTRY_CHAINS.find((c) => c.name === chainName)! };
  });

  // Two thirds of the projects bring a new enterprise; the others are a further project of an
  // enterprise, of the same chain where there is one. Earlier cohorts first, so that an
  // enterprise's 二期 comes after its first project.
  const enterpriseCount = Math.max(1, Math.round((size * 2) / 3));
  const enterprises: Array<DemoEnterprise & { chain: IndustryChain; brand: string; projects: number }> = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  skeletons.sort((a, b) => a.cohort - b.cohort);
  const owners = skeletons.map((skeleton, index) => {
    const sameChain = enterprises.filter((e) => e.chain === skeleton.chain);
    const openSlots = enterpriseCount - enterprises.length;
    if (openSlots > 0 && (sameChain.length === 0 || random.chance(openSlots / (size - index)))) {
      enterprises.push(newEnterprise(random, skeleton.chain, enterprises.length, names, codes));
      return enterprises[enterprises.length - 1];
    }
    // A project then follows its enterprise's chain.
    return random.pick(sameChain.length > 0 ? sameChain : enterprises);
  });

  const projects = skeletons
    .map((skeleton, index) => {
      const enterprise = owners[index];
      enterprise.projects += 1;
      return planProject(random, {
        cohort: skeleton.cohort,
        chain: enterprise.chain,
        enterprise,
        conferenceDays,
        lastDay,
        staff,
      });
    })
    .sort((a, b) => Date.parse(a.calls[0].at) - Date.parse(b.calls[0].at))
    .map((project, i) => ({ ...project, key: `p${String(i + 1).padStart(3, '0')}` }));

  const users: DemoUser[] = [
    { username: 'taskforce', role: 'taskforce', label: '民营企业创意工作专班' },
    { username: 'reviewer', role: 'reviewer', label: '评审专家' },
    { username: 'leader', role: 'leader', label: '市领导' },
    ...departments.map((d): DemoUser => ({
      username: d.code,
      role: 'department',
      departmentCode: d.code,
      label: d.name,
    })),
  ];

  return {
    seed,
    today: options.today.toISOString(),
    departments: [...departments],
    users,
    enterprises: enterprises.map(({ key, body }) => ({ key, body })),
    conferences,
    projects,
  };
}

export interface DemoPlanSummary {
  departments: number;
  users: number;
  enterprises: number;
  conferences: number;
  projects: number;
  calls: number;
  inLibrary: number;
  presented: number;
  landed: number;
  withdrawn: number;
  rejected: number;
  /** landed / inLibrary, as the dashboards define it. */
  landingRate: number;
  /** landed / presented. */
  presentedLandingRate: number;
  /** Planned investment of the library projects. */
  investmentYuan: number;
}

export function summarizeDemoPlan(plan: DemoPlan): DemoPlanSummary {
  const count = (test: (p: DemoProject) => boolean) => plan.projects.filter(test).length;
  const inLibrary = count((p) => p.inLibrary);
  const presented = count((p) => p.presented);
  const landed = count((p) => p.status === 'landed');
  return {
    departments: plan.departments.length,
    users: plan.users.length,
    enterprises: plan.enterprises.length,
    conferences: plan.conferences.length,
    projects: plan.projects.length,
    calls: countDemoCalls(plan),
    inLibrary,
    presented,
    landed,
    withdrawn: count((p) => p.status === 'withdrawn'),
    rejected: count((p) => p.status === 'rejected'),
    landingRate: inLibrary === 0 ? 0 : landed / inLibrary,
    presentedLandingRate: presented === 0 ? 0 : landed / presented,
    investmentYuan: plan.projects.filter((p) => p.inLibrary).reduce((sum, p) => sum + p.investmentYuan, 0),
  };
}

/** Every API call the plan makes (logins not counted). */
export function countDemoCalls(plan: DemoPlan): number {
  const projectCalls = plan.projects.reduce((sum, p) => sum + p.calls.length, 0);
  return plan.departments.length + plan.users.length + plan.enterprises.length + plan.conferences.length + projectCalls;
}

// ---------------------------------------------------------------------------------------------
// One project's story
// ---------------------------------------------------------------------------------------------

interface ProjectContext {
  /** 0..7: aimed at that conference; 8: submitted after the last one. */
  cohort: number;
  chain: IndustryChain;
  enterprise: DemoEnterprise & { brand: string; projects: number };
  conferenceDays: number[];
  lastDay: number;
  staff: Map<string, string[]>;
}

/** A call before its business time is fixed; `minute` counts from the epoch, CST. */
type Draft = { minute: number } & DistributiveOmit<ProjectCall, 'at'>;
type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;

function planProject(random: SeededRandom, ctx: ProjectContext): Omit<DemoProject, 'key'> {
  const { chain, enterprise, conferenceDays, lastDay } = ctx;
  const district = enterprise.body.district;
  const investmentYuan = investment(random, enterprise.body.tier);
  const needs = random
    .sample(
      ['land', 'talent', 'financing', 'orders', 'policy', 'other'] as const,
      random.weighted([
        [0, 10],
        [1, 35],
        [2, 35],
        [3, 20],
      ] as const),
    )
    .map((kind) => ({
      kind,
      description: fill(random, random.pick(NEED_DESCRIPTIONS[kind]), district, investmentYuan),
    }));
  const title = `${enterprise.brand}${random.pick(chain.projects)}${enterprise.projects > 1 ? `（${CHINESE_ORDINALS[enterprise.projects - 1]}期）` : ''}`;

  const drafts: Draft[] = [];
  const at = (day: number, fromMinute = 9 * 60, toMinute = 17 * 60 + 30) =>
    workday(day) * 1440 + random.int(fromMinute, toMinute);

  const submitDay =
    ctx.cohort < CONFERENCES ? conferenceDays[ctx.cohort] - random.int(45, 120) : lastDay - random.int(3, 85);
  drafts.push({
    minute: at(submitDay),
    kind: 'submit',
    as: 'taskforce',
    enterpriseKey: enterprise.key,
    body: {
      title,
      summary: summaryOf(random, chain, investmentYuan),
      industryChain: chain.name,
      district,
      investmentYuan,
      needs,
    },
  });

  const fate = random.weighted([
    ['approve', 78],
    ['revise-approve', 10],
    ['revise-reject', 2],
    ['reject', 8],
    ['withdraw', 2],
  ] as const);
  if (fate === 'withdraw') {
    drafts.push({
      minute: at(submitDay + random.int(15, 60)),
      kind: 'withdrawal',
      as: 'taskforce',
      body: { reason: random.pick(WITHDRAWAL_REASONS.beforeReview) },
    });
    return finish(drafts, lastDay, investmentYuan);
  }
  let reviewDay = submitDay + random.int(10, 30);
  if (fate.startsWith('revise')) {
    drafts.push(review(random, at(reviewDay), 'revise'));
    reviewDay += random.int(14, 35);
  }
  const verdict = fate.endsWith('reject') ? 'rejected' : 'approved';
  drafts.push(review(random, at(reviewDay), verdict));
  if (verdict === 'rejected') return finish(drafts, lastDay, investmentYuan);

  // Presented at the first conference that leaves a few days to prepare.
  const approvedDay = workday(reviewDay);
  const conference = conferenceDays.findIndex((day, k) => k >= ctx.cohort && day >= approvedDay + 5);
  if (conference < 0) return finish(drafts, lastDay, investmentYuan);
  const heldOn = conferenceDays[conference];
  drafts.push({
    minute: heldOn * 1440 + random.int(9 * 60 + 30, 11 * 60 + 30),
    kind: 'presentation',
    as: 'taskforce',
    conferenceKey: `c${conference + 1}`,
    body: {},
  });

  // 一项目一策: the plan, its milestones spread over the planned time to landing.
  const assignDay = workday(heldOn + random.int(7, 25));
  const horizon = Math.round(clamp(random.logNormal(160, 0.4), 90, 480));
  const middle = MIDDLE_MILESTONES.filter((m) => !m.needsLand || needs.some((n) => n.kind === 'land'));
  const chosen = random.sample(middle, random.int(1, Math.min(3, middle.length)));
  const steps = [
    { title: '投资协议签订', department: 'lead' },
    ...chosen,
    { title: chain.finalMilestone, department: 'lead' },
  ].map((step) => ({
    title: step.title,
    department: step.department === 'lead' ? chain.lead : step.department,
  }));
  const dueDays: number[] = [];
  steps.forEach((_, i) => {
    const planned = workday(
      assignDay + Math.round((horizon * (i + 1)) / steps.length) - (i < steps.length - 1 ? random.int(0, 10) : 0),
    );
    dueDays.push(Math.max(planned, (dueDays[i - 1] ?? assignDay) + 1));
  });
  const milestones = steps.map((step, i): MilestoneBody => ({
    title: step.title,
    dueOn: dateOf(dueDays[i]),
    departmentCode: step.department,
    owner: random.pick(ctx.staff.get(step.department)!),
  }));
  const districtDepartment = DISTRICT_DEPARTMENTS[district]?.code;
  const involved = [
    ...steps.map((s) => s.department),
    ...needs.map((n) => NEED_DEPARTMENTS[n.kind]),
    ...(districtDepartment ? [districtDepartment] : []),
  ];
  const supportingDepartments = [...new Set(involved)].filter((code) => code !== chain.lead);
  const assignMinute = at(assignDay);
  drafts.push({
    minute: assignMinute,
    kind: 'assignment',
    as: 'taskforce',
    body: { leadDepartment: chain.lead, supportingDepartments, milestones },
  });

  // How it ends: most land, somewhat later or earlier than planned; some stall or withdraw.
  const outcome = random.weighted([
    ['land', 90],
    ['stall', 4],
    ['withdraw', 6],
  ] as const);
  const lateness = clamp(random.logNormal(1.05, 0.25), 0.7, 2);
  const completed = outcome === 'stall' ? random.int(1, steps.length - 2) : steps.length;
  let previous = assignDay;
  steps.forEach((step, i) => {
    if (i >= completed) return;
    const doneDay = workday(
      Math.max(previous + 2, assignDay + Math.round((dueDays[i] - assignDay) * lateness * (0.9 + 0.2 * random.next()))),
    );
    if (random.chance(0.5) && doneDay - previous > 4) {
      drafts.push({
        minute: at(random.int(previous + 1, doneDay - 2)),
        kind: 'progress',
        as: step.department,
        milestoneIndex: i,
        body: { note: random.pick(PROGRESS_NOTES).replace('{milestone}', step.title) },
      });
    }
    drafts.push({
      minute: at(doneDay),
      kind: 'progress',
      as: step.department,
      milestoneIndex: i,
      body: { note: `${step.title}已完成`, done: true },
    });
    previous = doneDay;
  });
  if (outcome === 'stall') {
    drafts.push({
      minute: at(previous + random.int(20, 60)),
      kind: 'progress',
      as: chain.lead,
      body: { note: '项目推进放缓，企业资金安排调整，专班已约谈企业了解情况' },
    });
  }

  const landingDay = workday(previous + random.int(0, 5));
  needs.forEach((need, needIndex) => {
    if (!random.chance(0.85)) return;
    const day = Math.min(assignDay + random.int(5, Math.max(6, Math.round(horizon * 0.7))), landingDay);
    drafts.push({
      minute: Math.max(assignMinute + 1, at(day)),
      kind: 'resolution',
      as: NEED_DEPARTMENTS[need.kind],
      needIndex,
      body: { resolution: fill(random, random.pick(NEED_RESOLUTIONS[need.kind]), district, investmentYuan) },
    });
  });

  if (outcome === 'withdraw') {
    drafts.push({
      minute: at(assignDay + random.int(40, Math.max(60, horizon))),
      kind: 'withdrawal',
      as: 'taskforce',
      body: { reason: random.pick(WITHDRAWAL_REASONS.afterPlan) },
    });
  } else if (outcome === 'land') {
    drafts.push({
      // The end of the day: landing is recorded by date (see ProjectLanded).
      minute: landingDay * 1440 + 1439,
      kind: 'landing',
      as: 'taskforce',
      body: {
        landedOn: dateOf(landingDay),
        actualInvestmentYuan: roundYuan(investmentYuan * (0.6 + 0.45 * random.next())),
        evidence: random.pick(LANDING_EVIDENCE).replace('{final}', chain.finalMilestone),
      },
    });
  }
  return finish(drafts, lastDay, investmentYuan);
}

/**
 * Puts the drafts in time order, keeps what has happened by `lastDay` (nothing after a
 * withdrawal), fixes each call's business time and works out where the project stands.
 */
function finish(drafts: Draft[], lastDay: number, investmentYuan: number): Omit<DemoProject, 'key'> {
  const ordered = [...drafts].sort((a, b) => a.minute - b.minute);
  const calls: ProjectCall[] = [];
  let previousMinute = -Infinity;
  for (const draft of ordered) {
    // Two calls in the same minute would still be in order, but distinct times read better.
    const minute = draft.kind === 'landing' ? draft.minute : Math.max(draft.minute, previousMinute + 1);
    if (Math.floor(minute / 1440) > lastDay) break;
    previousMinute = minute;
    const { minute: _planned, ...call } = draft;
    if (call.kind === 'landing' && hasOpenItems(calls)) call.body = { ...call.body, confirmOpenItems: true };
    calls.push({ ...call, at: draft.kind === 'landing' ? endOfBusinessDay(draft.body.landedOn) : instantOf(minute) });
    if (draft.kind === 'withdrawal' || draft.kind === 'landing') break;
  }

  let status: ProjectStatus = 'submitted';
  let inLibrary = false;
  let presented = false;
  for (const call of calls) {
    if (call.kind === 'review' && call.body.verdict !== 'revise') status = call.body.verdict;
    if (call.kind === 'review' && call.body.verdict === 'approved') inLibrary = true;
    if (call.kind === 'presentation') [status, presented] = ['presented', true];
    if (call.kind === 'assignment') status = 'assigned';
    if (call.kind === 'landing') status = 'landed';
    if (call.kind === 'withdrawal') status = 'withdrawn';
  }
  return { status, inLibrary, presented, investmentYuan, calls };
}

/** Whether the calls so far leave a milestone of the plan not done or a need not resolved. */
function hasOpenItems(calls: readonly ProjectCall[]): boolean {
  let needs = 0;
  let milestones = 0;
  const resolved = new Set<number>();
  const done = new Set<number>();
  for (const call of calls) {
    if (call.kind === 'submit') needs = call.body.needs.length;
    if (call.kind === 'assignment') milestones = call.body.milestones.length;
    if (call.kind === 'resolution') resolved.add(call.needIndex);
    if (call.kind === 'progress' && call.body.done && call.milestoneIndex !== undefined) done.add(call.milestoneIndex);
  }
  return resolved.size < needs || done.size < milestones;
}

function review(random: SeededRandom, minute: number, verdict: ReviewVerdict): Draft {
  const range = { approved: [72, 96], revise: [58, 80], rejected: [35, 64] }[verdict];
  const score = () => random.int(range[0], range[1]);
  return {
    minute,
    kind: 'review',
    as: 'reviewer',
    body: {
      verdict,
      scores: { idea: score(), validation: score(), feasibility: score() },
      comment: random.pick(REVIEW_COMMENTS[verdict]),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Enterprises, money and words
// ---------------------------------------------------------------------------------------------

function newEnterprise(
  random: SeededRandom,
  chain: IndustryChain,
  index: number,
  names: Set<string>,
  codes: Set<string>,
) {
  let brand: string;
  let name: string;
  do {
    brand = random.pick(BRANDS);
    name = `青岛${brand}${random.pick(chain.enterpriseWords)}${random.weighted(COMPANY_SUFFIXES)}`;
  } while (names.has(name));
  names.add(name);
  const district: DemoDistrict = random.weighted(DISTRICTS.map((d) => [d, d.weight] as const));
  let creditCode: string;
  do creditCode = unifiedSocialCreditCode(random, district.regionCode);
  while (codes.has(creditCode));
  codes.add(creditCode);
  return {
    key: `e${String(index + 1).padStart(3, '0')}`,
    body: { name, creditCode, district: district.name, tier: random.weighted(TIERS) },
    chain,
    brand,
    projects: 0,
  };
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * 统一社会信用代码 of a Qingdao company: 9 (registered by market regulation), 1 (enterprise),
 * the district's region code, a 9-character organisation code with its GB 11714 check
 * character, and the GB 32100 check character.
 */
function unifiedSocialCreditCode(random: SeededRandom, regionCode: string): string {
  // Codes issued since 2015 mostly start with MA; older ones are the old organisation code.
  const body = random.chance(0.6)
    ? `MA${Array.from({ length: 6 }, () => random.pick([...USCC_CHARSET])).join('')}`
    : Array.from({ length: 8 }, () => String(random.int(0, 9))).join('');
  const orgSum = [...body].reduce((sum, char, i) => sum + parseInt(char, 36) * ORG_CODE_WEIGHTS[i], 0);
  const orgCheck = 11 - (orgSum % 11);
  const organisation = body + (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
  const first17 = `91${regionCode}${organisation}`;
  const sum = [...first17].reduce((total, char, i) => total + USCC_CHARSET.indexOf(char) * (3 ** i % 31), 0);
  return first17 + USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Planned investment: log-normal from 500万 to 50亿, larger for higher 专精特新 tiers. */
function investment(random: SeededRandom, tier: EnterpriseTier): number {
  const scale = { none: 0.75, municipal: 1, provincial: 1.5, national: 2.5 }[tier];
  return roundYuan(clamp(random.logNormal(38_000_000 * scale, 1.25), 5_000_000, 5_000_000_000));
}

/** Two significant figures, as investment plans are written (3700万, 12亿). */
function roundYuan(yuan: number): number {
  const unit = 10 ** Math.max(4, Math.floor(Math.log10(yuan)) - 1);
  return Math.round(yuan / unit) * unit;
}

function formatYuan(yuan: number): string {
  return yuan >= 100_000_000 ? `${Number((yuan / 100_000_000).toFixed(2))}亿元` : `${Math.round(yuan / 10_000)}万元`;
}

function summaryOf(random: SeededRandom, chain: IndustryChain, investmentYuan: number): string {
  const output = roundYuan(investmentYuan * (0.8 + 1.7 * random.next()));
  const jobs = Math.max(20, Math.round((investmentYuan / 1_000_000) * (0.6 + random.next())));
  return `项目拟总投资${formatYuan(investmentYuan)}，建设${random.pick(chain.builds)}，达产后预计年产值${formatYuan(output)}，新增就业${jobs}人。`;
}

function fill(random: SeededRandom, template: string, district: string, investmentYuan: number): string {
  return template
    .replace('{n}', String(random.pick([10, 20, 30, 50, 80, 120, 200])))
    .replace('{amount}', formatYuan(roundYuan(investmentYuan * (0.1 + 0.3 * random.next()))))
    .replace('{district}', district)
    .replace('{bank}', random.pick(BANKS));
}

function personName(random: SeededRandom): string {
  return random.pick(SURNAMES) + random.pick(GIVEN_NAMES);
}

// ---------------------------------------------------------------------------------------------
// Days: whole days since 1970-01-01 in China Standard Time
// ---------------------------------------------------------------------------------------------

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function instantOf(minute: number): string {
  const day = Math.floor(minute / 1440);
  const m = minute - day * 1440;
  return `${dateOf(day)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`;
}

/** The day itself, or the Monday after a weekend: government offices work Monday to Friday. */
export function workday(day: number): number {
  const weekday = (day + 3) % 7; // 1970-01-01 was a Thursday; 0 is Monday
  return weekday === 5 ? day + 2 : weekday === 6 ? day + 1 : day;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
