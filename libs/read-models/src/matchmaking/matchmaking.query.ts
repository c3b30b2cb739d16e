import { endOfBusinessDay, type CooperationStage, type DemandCategory, type EnterpriseTier } from '@luodi/domain';
import { DataSource, In } from 'typeorm';
import { containing, offsetOf, Page, PageRequest } from '../paging';
import {
  CooperationFactsRow,
  DemandBoardRow,
  EnterpriseTiersRow,
  MatchmakingEventRow,
  TierFactStep,
} from './matchmaking.entity';

export interface DemandFilters {
  q?: string;
  category?: DemandCategory;
  publisherId?: string;
  eventId?: string;
}

export type DemandBoardItem = Omit<DemandBoardRow, 'recordedAt' | 'position'> & {
  eventTitle: string | null;
  proposals: number;
  signed: number;
};

const SIGNED_STAGES: readonly CooperationStage[] = ['signed', 'delivering'];

/** `GET /api/demands`: the demand board, newest first; `q` matches title, description or publisher. */
export async function listDemands(
  dataSource: DataSource,
  filters: DemandFilters,
  page: PageRequest,
): Promise<Page<DemandBoardItem>> {
  const where = `WHERE ($1::text IS NULL OR d.title ILIKE $1 OR d.description ILIKE $1 OR d.publisher_name ILIKE $1)
       AND ($2::text IS NULL OR d.category = $2) AND ($3::text IS NULL OR d.publisher_id = $3) AND ($4::text IS NULL OR d.event_id = $4)`;
  const params = [
    filters.q?.trim() ? containing(filters.q.trim()) : null,
    filters.category ?? null,
    filters.publisherId ?? null,
    filters.eventId ?? null,
  ];
  const [{ total }] = await dataSource.query(`SELECT count(*)::int AS total FROM demand_board d ${where}`, params);
  const rows = await dataSource.query(
    `SELECT d.*, d.deadline::text AS deadline_text, e.title AS event_title,
            (SELECT count(*)::int FROM cooperation_facts c WHERE c.demand_id = d.id) AS proposals,
            (SELECT count(*)::int FROM cooperation_facts c WHERE c.demand_id = d.id AND c.stage = ANY($7)) AS signed
       FROM demand_board d LEFT JOIN matchmaking_events e ON e.id = d.event_id
       ${where}
      ORDER BY d.published_at DESC, d.id LIMIT $5 OFFSET $6`,
    [...params, page.pageSize, offsetOf(page), SIGNED_STAGES],
  );
  const items = rows.map((r: Record<string, never>) => ({
    id: r.id,
    publisherId: r.publisher_id,
    publisherName: r.publisher_name,
    category: r.category,
    title: r.title,
    description: r.description,
    budgetYuan: r.budget_yuan === null ? null : Number(r.budget_yuan),
    deadline: r.deadline_text,
    eventId: r.event_id,
    eventTitle: r.event_title,
    publishedAt: new Date(r.published_at).toISOString(),
    version: r.version,
    proposals: r.proposals,
    signed: r.signed,
  }));
  return { items, total, ...page };
}

export type MatchmakingEventItem = Omit<MatchmakingEventRow, 'position'> & {
  demands: number;
  proposals: number;
  signed: number;
};

/** `GET /api/matchmaking-events`, the latest first. */
export async function listMatchmakingEvents(dataSource: DataSource): Promise<MatchmakingEventItem[]> {
  const rows = await dataSource.query(
    `SELECT e.*, e.held_on::text AS held_on_text,
            (SELECT count(*)::int FROM demand_board d WHERE d.event_id = e.id) AS demands,
            (SELECT count(*)::int FROM cooperation_facts c WHERE c.event_id = e.id) AS proposals,
            (SELECT count(*)::int FROM cooperation_facts c WHERE c.event_id = e.id AND c.stage = ANY($1)) AS signed
       FROM matchmaking_events e ORDER BY e.held_on DESC, e.id`,
    [SIGNED_STAGES],
  );
  return rows.map((r: Record<string, never>) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    heldOn: r.held_on_text,
    hosts: r.hosts,
    district: r.district,
    version: r.version,
    demands: r.demands,
    proposals: r.proposals,
    signed: r.signed,
  }));
}

export type CooperationItem = Omit<CooperationFactsRow, 'position'>;

export interface CooperationFilters {
  demandId?: string;
  eventId?: string;
  enterpriseId?: string;
  publisherId?: string;
  stage?: CooperationStage;
  /** Only the cooperations this department follows. */
  department?: string;
}

/** `GET /api/cooperations` and the event page: the proposals, oldest first. */
export async function listCooperations(
  dataSource: DataSource,
  filters: CooperationFilters,
  page: PageRequest,
): Promise<Page<CooperationItem>> {
  const where = `WHERE ($1::text IS NULL OR c.demand_id = $1) AND ($2::text IS NULL OR c.event_id = $2) AND ($3::text IS NULL OR c.enterprise_id = $3)
       AND ($4::text IS NULL OR c.publisher_id = $4) AND ($5::text IS NULL OR c.stage = $5) AND ($6::text IS NULL OR c.departments @> ARRAY[$6::text])`;
  const params = [
    filters.demandId,
    filters.eventId,
    filters.enterpriseId,
    filters.publisherId,
    filters.stage,
    filters.department,
  ].map((v) => v ?? null);
  const [{ total }] = await dataSource.query(`SELECT count(*)::int AS total FROM cooperation_facts c ${where}`, params);
  const ids: Array<{ id: string }> = await dataSource.query(
    `SELECT c.id FROM cooperation_facts c ${where} ORDER BY c.proposed_at, c.id LIMIT $7 OFFSET $8`,
    [...params, page.pageSize, offsetOf(page)],
  );
  const rows = await dataSource.getRepository(CooperationFactsRow).findBy({ id: In(ids.map((r) => r.id)) });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.map(({ id }) => {
    const { position: _position, ...item } = byId.get(id)!;
    return item;
  });
  return { items, total, ...page };
}

/** An enterprise's part in matchmaking, for its dossier (一企一策). */
export interface EnterpriseMatchmaking {
  /** Demands it published (as a chain leader). */
  demands: DemandBoardItem[];
  /** Cooperations it proposed (as an SME). */
  proposals: CooperationItem[];
  /** Cooperations others proposed on its demands. */
  cooperations: CooperationItem[];
  /** since null: the registered tier, held before any recorded change. */
  tierHistory: Array<{ tier: EnterpriseTier; since: string | null }>;
}

/** `department`: only the cooperations that department follows. */
export async function enterpriseMatchmaking(
  dataSource: DataSource,
  enterpriseId: string,
  department?: string,
): Promise<EnterpriseMatchmaking> {
  const all = { page: 1, pageSize: 1000 };
  const [demands, proposals, cooperations, tiers] = await Promise.all([
    listDemands(dataSource, { publisherId: enterpriseId }, all),
    listCooperations(dataSource, { enterpriseId, department }, all),
    listCooperations(dataSource, { publisherId: enterpriseId, department }, all),
    dataSource.getRepository(EnterpriseTiersRow).findOneBy({ enterpriseId }),
  ]);
  return {
    demands: demands.items,
    proposals: proposals.items,
    cooperations: cooperations.items,
    tierHistory: (tiers?.steps ?? []).map(({ tier, since }) => ({ tier, since })),
  };
}

export const MATCHMAKING_GROUPS = ['event', 'category', 'publisher', 'tier'] as const;
export type MatchmakingGroup = (typeof MATCHMAKING_GROUPS)[number];

export interface MatchmakingCounts {
  /** Demands published on or before asOf (for `tier`: the distinct demands that tier's enterprises proposed on). */
  demands: number;
  /** Cooperations proposed on or before asOf. */
  proposals: number;
  /** Of those, signed on or before asOf (still counted when delivering, or dropped later). */
  signed: number;
  /** Sum of the signed amounts. */
  signedAmountYuan: number;
  /** Median days from a proposal to the publisher's first response (its next stage), over those answered by asOf; null when none. */
  medianResponseDays: number | null;
  /** Proposals answered by asOf. */
  responded: number;
}

export interface MatchmakingGroupRow extends MatchmakingCounts {
  /** null: none at asOf (no event, or for `tier` an enterprise without a tier row). */
  key: string | null;
  label: string;
}

export interface MatchmakingDashboardCounts {
  asOf: string;
  knownAt: string;
  groupBy: MatchmakingGroup;
  totals: MatchmakingCounts;
  /** Proposals at or past each stage by asOf (a skipped stage counts as passed); dropped: ended there. */
  funnel: Record<CooperationStage, number>;
  rows: MatchmakingGroupRow[];
}

export interface MatchmakingFacts {
  demands: DemandBoardRow[];
  cooperations: CooperationFactsRow[];
  tiers: EnterpriseTiersRow[];
  events: MatchmakingEventRow[];
}

export async function matchmakingFacts(dataSource: DataSource): Promise<MatchmakingFacts> {
  const [demands, cooperations, tiers, events] = await Promise.all([
    dataSource.getRepository(DemandBoardRow).find(),
    dataSource.getRepository(CooperationFactsRow).find(),
    dataSource.getRepository(EnterpriseTiersRow).find(),
    dataSource.getRepository(MatchmakingEventRow).find(),
  ]);
  return { demands, cooperations, tiers, events };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The tier an enterprise held at the end of `asOfDate`, as known at `knownAt`. */
export function tierAsOf(steps: readonly TierFactStep[], asOfDate: string, knownAtMs: number): EnterpriseTier | null {
  let tier: EnterpriseTier | null = null;
  for (const step of steps)
    if ((step.since === null || step.since <= asOfDate) && Date.parse(step.recordedAt) <= knownAtMs) tier = step.tier;
  return tier;
}

/**
 * The matchmaking dashboard at the end of `asOf` (CST) as the log stood at `knownAt`: a fact
 * counts when it happened by asOf and was recorded by knownAt. Pure, so a hand computation can
 * check it; rates and intervals are the caller's (conversion = signed / proposals).
 */
export function matchmakingDashboardOf(
  facts: MatchmakingFacts,
  asOf: string,
  knownAt: string,
  groupBy: MatchmakingGroup,
): MatchmakingDashboardCounts {
  const endMs = Date.parse(endOfBusinessDay(asOf));
  const knownMs = Date.parse(knownAt);
  const counted = (occurredAt: string, recordedAt: string) =>
    Date.parse(occurredAt) <= endMs && Date.parse(recordedAt) <= knownMs;
  const demands = facts.demands.filter((d) => counted(d.publishedAt, d.recordedAt));
  const cooperations = facts.cooperations
    .map((c) => ({ ...c, steps: c.steps.filter((s) => counted(s.occurredAt, s.recordedAt)) }))
    .filter((c) => c.steps.length > 0 && c.steps[0].stage === 'intent');
  const tierOf = new Map(facts.tiers.map((t) => [t.enterpriseId, tierAsOf(t.steps, asOf, knownMs)]));
  const eventTitle = new Map(facts.events.map((e) => [e.id, e.title]));
  const publisherName = new Map([...facts.demands, ...facts.cooperations].map((d) => [d.publisherId, d.publisherName]));

  const demandKey = (d: DemandBoardRow): string | null =>
    groupBy === 'event' ? d.eventId : groupBy === 'category' ? d.category : d.publisherId;
  const cooperationKey = (c: CooperationFactsRow): string | null =>
    groupBy === 'event'
      ? c.eventId
      : groupBy === 'category'
        ? c.category
        : groupBy === 'publisher'
          ? c.publisherId
          : (tierOf.get(c.enterpriseId) ?? null);
  const labelOf = (key: string | null): string => {
    if (key === null) return groupBy === 'event' ? '(no event)' : '(none)';
    if (groupBy === 'event') return eventTitle.get(key) ?? key;
    if (groupBy === 'publisher') return publisherName.get(key) ?? key;
    return key;
  };

  const groups = new Map<string | null, { demands: Set<string>; cooperations: typeof cooperations }>();
  const groupOf = (key: string | null) =>
    groups.get(key) ?? groups.set(key, { demands: new Set(), cooperations: [] }).get(key)!;
  if (groupBy !== 'tier') for (const d of demands) groupOf(demandKey(d)).demands.add(d.id);
  for (const c of cooperations) {
    const group = groupOf(cooperationKey(c));
    group.cooperations.push(c);
    if (groupBy === 'tier') group.demands.add(c.demandId);
  }

  const countsOf = (demandCount: number, list: typeof cooperations): MatchmakingCounts => {
    const signedSteps = list.flatMap((c) => c.steps.filter((s) => s.stage === 'signed'));
    const responseDays = list
      .filter((c) => c.steps.length > 1)
      .map((c) => (Date.parse(c.steps[1].occurredAt) - Date.parse(c.steps[0].occurredAt)) / DAY_MS);
    return {
      demands: demandCount,
      proposals: list.length,
      signed: signedSteps.length,
      signedAmountYuan: signedSteps.reduce((sum, s) => sum + (s.amountYuan ?? 0), 0),
      medianResponseDays: median(responseDays),
      responded: responseDays.length,
    };
  };

  const funnel = Object.fromEntries(
    ['intent', 'negotiating', 'trial', 'signed', 'delivering', 'dropped'].map((s) => [s, 0]),
  ) as Record<CooperationStage, number>;
  const order: CooperationStage[] = ['intent', 'negotiating', 'trial', 'signed', 'delivering'];
  for (const c of cooperations) {
    const reached = Math.max(...c.steps.filter((s) => s.stage !== 'dropped').map((s) => order.indexOf(s.stage)));
    for (let i = 0; i <= reached; i++) funnel[order[i]]++;
    if (c.steps[c.steps.length - 1].stage === 'dropped') funnel.dropped++;
  }

  const rows = [...groups.entries()]
    .map(([key, group]) => ({ key, label: labelOf(key), ...countsOf(group.demands.size, group.cooperations) }))
    .sort((a, b) => b.proposals - a.proposals || b.demands - a.demands || String(a.key).localeCompare(String(b.key)));
  const totalDemands = groupBy === 'tier' ? new Set(cooperations.map((c) => c.demandId)).size : demands.length;
  return {
    asOf,
    knownAt: new Date(knownMs).toISOString(),
    groupBy,
    totals: countsOf(totalDemands, cooperations),
    funnel,
    rows,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value * 10) / 10;
}

export interface TierLadderCounts {
  asOf: string;
  /** Enterprises per tier at asOf, per district (null: no district). */
  rows: Array<{ key: string | null; counts: Record<EnterpriseTier, number> }>;
  /** Steps up the ladder per year (by `since`), up to asOf. */
  upgradesByYear: Array<{ year: number; upgrades: number }>;
}

const TIER_ORDER: readonly EnterpriseTier[] = ['none', 'municipal', 'provincial', 'national'];

/** The tier ladder at the end of `asOf`, per district. */
export async function tierLadder(dataSource: DataSource, asOf: string): Promise<TierLadderCounts> {
  const tiers = await dataSource.getRepository(EnterpriseTiersRow).find();
  const now = Date.now();
  const rows = new Map<string | null, Record<EnterpriseTier, number>>();
  const upgrades = new Map<number, number>();
  for (const t of tiers) {
    const tier = tierAsOf(t.steps, asOf, now);
    if (tier === null) continue;
    const counts =
      rows.get(t.district) ??
      rows.set(t.district, { none: 0, municipal: 0, provincial: 0, national: 0 }).get(t.district)!;
    counts[tier]++;
    const held = t.steps.filter((s) => s.since === null || s.since <= asOf);
    for (let i = 1; i < held.length; i++) {
      if (TIER_ORDER.indexOf(held[i].tier) > TIER_ORDER.indexOf(held[i - 1].tier)) {
        const year = Number(held[i].since!.slice(0, 4));
        upgrades.set(year, (upgrades.get(year) ?? 0) + 1);
      }
    }
  }
  return {
    asOf,
    rows: [...rows.entries()]
      .map(([key, counts]) => ({ key, counts }))
      .sort((a, b) => String(a.key).localeCompare(String(b.key))),
    upgradesByYear: [...upgrades.entries()].map(([year, n]) => ({ year, upgrades: n })).sort((a, b) => a.year - b.year),
  };
}
