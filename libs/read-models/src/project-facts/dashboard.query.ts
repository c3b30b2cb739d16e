import { endOfBusinessDay, type ProjectStatus } from '@luodi/domain';
import { DataSource } from 'typeorm';
import { cstDate } from '../business-date.sql';
import { Page } from '../paging';

/** The cohort filters of the dashboards and the forecast, each as of `asOf` (and as known at `knownAt`). */
export interface DashboardFilters {
  industryChain?: string;
  district?: string;
  /** Presented at this conference on or before asOf. */
  conferenceId?: string;
  /** Lead department of the plan in force at asOf. */
  department?: string;
  /** Count only facts recorded at or before this instant (default: everything recorded). */
  knownAt?: string;
}

export const PROJECT_STATUSES: readonly ProjectStatus[] = [
  'submitted',
  'approved',
  'rejected',
  'presented',
  'assigned',
  'landed',
  'withdrawn',
];

export interface DashboardSummary {
  asOf: string;
  /** Submitted on or before asOf. */
  projects: number;
  /** Approved on or before asOf (withdrawn ones included). */
  inLibrary: number;
  landed: number;
  /** Library projects withdrawn (so inLibrary = landed + withdrawn + open). */
  withdrawn: number;
  /** landed / inLibrary, 0 when the library is empty. */
  landingRate: number;
  /** Planned investment of the library projects. */
  investmentYuan: number;
  /** Actual (or else planned) investment of the landed projects. */
  landedInvestmentYuan: number;
  /** Every project by its status at asOf. */
  byStatus: Record<ProjectStatus, number>;
}

export const LANDING_RATE_GROUPS = ['conference', 'industryChain', 'department', 'district'] as const;
export type LandingRateGroup = (typeof LANDING_RATE_GROUPS)[number];

export interface LandingRateRow {
  /** null: library projects without one at asOf (not presented yet, no plan yet, no district). */
  key: string | null;
  label: string;
  /** Conference groups only: the conference's theme (its bars are told apart by it; titles repeat "第X期…"). */
  theme?: string | null;
  /** Conference groups only: the theme in English mode (null: English mode shows `theme`). */
  themeEn?: string | null;
  inLibrary: number;
  landed: number;
  landingRate: number;
}

/**
 * The projects as they stood at the end of `asOf` (CST), one row each, filtered: the CTE `cohort`
 * with the columns project_id, industry_chain, district, investment_yuan, landed_investment_yuan,
 * entered_on, withdrawn_on, status, in_library, conference, known_landed_on and department, and
 * `asOfDate`, the SQL of asOf as a date. The status at asOf follows from which status times lie on
 * or before it (a stream's business times never go backwards, so the latest one wins); the
 * conference and the lead department are those in force at asOf. Title, industry chain, district
 * and planned investment are the current ones: they can change only while a project is under
 * review, so library figures are exact and only `projects`/`byStatus.submitted` of the past can differ.
 *
 * The aggregates read the narrow project_cohort (the same facts, as business dates); the lists
 * behind the figures read project_facts (factsCohortQuery), the definition project_cohort is held
 * equal to (project-cohort.spec.ts).
 *
 * With `knownAt`, a fact counts only if it was also recorded by then (`…_recorded_at <= $7`):
 * what Luodi knew at that instant. Without it the conditions are left out of the SQL.
 */
interface Cohort {
  sql: string;
  params: unknown[];
  asOfDate: string;
}

/** Which table a cohort is read from: project_cohort, or project_facts (the lists, and the spec that holds them equal). */
export type CohortSource = 'cohort' | 'facts';

function cohortQuery(asOf: string, filters: DashboardFilters, source: CohortSource): Cohort {
  if (source === 'facts') return factsCohortQuery(asOf, filters);
  const { knownAt } = filters;
  const known = (recordedAt: string) => (knownAt === undefined ? '' : ` AND ${recordedAt} <= $7`);
  const at = (fact: string) => `f.${fact}_on <= $1${known(`f.${fact}_recorded_at`)}`;
  // A corrected landing keeps its versions (landing_on, NULL when revoked): the one known at $7 counts.
  const version = `(SELECT v.landed_on FROM unnest(f.landing_on, f.landing_recorded_at) AS v(landed_on, recorded_at)
                     WHERE v.recorded_at <= $7 ORDER BY v.recorded_at DESC LIMIT 1)`;
  const landed =
    knownAt === undefined
      ? 'f.landed_at_on <= $1'
      : `CASE WHEN NOT f.several_landings THEN f.landed_at_on <= $1 AND f.landed_recorded_at <= $7
              ELSE coalesce(${version} <= $1, false) END`;
  const landedOn =
    knownAt === undefined
      ? 'f.landed_on'
      : `CASE WHEN NOT f.several_landings THEN CASE WHEN f.landed_recorded_at <= $7 THEN f.landed_on END ELSE ${version} END`;
  return {
    sql: `
      WITH as_of AS (
        SELECT f.project_id, f.industry_chain, f.district, f.investment_yuan, f.landed_investment_yuan,
               f.entered_on, f.withdrawn_on,
               CASE WHEN ${at('withdrawn')} THEN 'withdrawn'
                    WHEN ${landed} THEN 'landed'
                    WHEN ${at('rejected')} THEN 'rejected'
                    WHEN ${at('assigned')} THEN 'assigned'
                    WHEN ${at('presented')} THEN 'presented'
                    WHEN ${at('entered')} THEN 'approved'
                    ELSE 'submitted' END AS status,
               ${at('entered')} AS in_library,
               CASE WHEN ${at('presented')} THEN f.conference_id END AS conference,
               ${landedOn} AS known_landed_on,
               -- Periods of a lead in the order they began, at the end of asOf ($6).
               CASE WHEN NOT f.several_leads THEN CASE WHEN ${at('lead')} THEN f.lead_department END
                    ELSE (SELECT l.department FROM unnest(f.lead_departments, f.lead_since, f.lead_periods_recorded_at) AS l(department, since, recorded_at)
                           WHERE l.since <= $6${known('l.recorded_at')} ORDER BY l.since DESC LIMIT 1) END AS department
          FROM project_cohort f
         WHERE ${at('submitted')}
           AND ($2::text IS NULL OR f.industry_chain = $2)
           AND ($3::text IS NULL OR f.district = $3)
      )${cohortFence}`,
    params: [asOf, ...filterParams(filters), endOfBusinessDay(asOf), ...(knownAt === undefined ? [] : [knownAt])],
    asOfDate: '$1::date',
  };
}

/**
 * The cohort from project_facts, with `entered_library_at` too (the lists order by it); knownAt
 * is `$6` here.
 */
function factsCohortQuery(asOf: string, filters: DashboardFilters): Cohort {
  const { knownAt } = filters;
  const known = (recordedAt: string) => (knownAt === undefined ? '' : ` AND ${recordedAt} <= $6`);
  const at = (fact: string) => `f.${fact}_at <= $1${known(`f.${fact}_recorded_at`)}`;
  // A corrected landing keeps its versions (landing_on, NULL when revoked): the one known at $6 counts.
  const landedOn =
    knownAt === undefined
      ? 'f.landed_on'
      : `CASE WHEN cardinality(f.landing_on) = 0 THEN CASE WHEN f.landed_recorded_at <= $6 THEN f.landed_on END
              ELSE (SELECT v.landed_on FROM unnest(f.landing_on, f.landing_recorded_at) AS v(landed_on, recorded_at)
                     WHERE v.recorded_at <= $6 ORDER BY v.recorded_at DESC LIMIT 1) END`;
  const landed =
    knownAt === undefined
      ? at('landed')
      : `CASE WHEN cardinality(f.landing_on) = 0 THEN ${at('landed')}
              ELSE coalesce((${landedOn}) <= ${cstDate('$1::timestamptz')}, false) END`;
  return {
    sql: `
      WITH as_of AS (
        -- Only the columns the figures read: every other one would be carried through the fence.
        SELECT f.project_id, f.industry_chain, f.district, f.investment_yuan,
               coalesce(f.actual_investment_yuan, f.investment_yuan) AS landed_investment_yuan,
               f.entered_library_at, ${cstDate('f.entered_library_at')} AS entered_on, ${cstDate('f.withdrawn_at')} AS withdrawn_on,
               CASE WHEN ${at('withdrawn')} THEN 'withdrawn'
                    WHEN ${landed} THEN 'landed'
                    WHEN ${at('rejected')} THEN 'rejected'
                    WHEN ${at('assigned')} THEN 'assigned'
                    WHEN ${at('presented')} THEN 'presented'
                    WHEN ${at('entered_library')} THEN 'approved'
                    ELSE 'submitted' END AS status,
               coalesce(${at('entered_library')}, false) AS in_library,
               CASE WHEN ${at('presented')} THEN f.conference_id END AS conference,
               ${landedOn} AS known_landed_on,
               -- Most projects had one lead department at most: read it without a subquery per row.
               CASE WHEN cardinality(f.lead_departments) <= 1 THEN CASE WHEN f.lead_since[1] <= $1${known('f.lead_recorded_at[1]')} THEN f.lead_departments[1] END
                    ELSE (SELECT l.department FROM unnest(f.lead_departments, f.lead_since, f.lead_recorded_at) AS l(department, since, recorded_at)
                           WHERE l.since <= $1${known('l.recorded_at')} ORDER BY l.since DESC LIMIT 1) END AS department
          FROM project_facts f
         WHERE ${at('submitted')}
           AND ($2::text IS NULL OR f.industry_chain = $2)
           AND ($3::text IS NULL OR f.district = $3)
      )${cohortFence}`,
    params: [endOfBusinessDay(asOf), ...filterParams(filters), ...(knownAt === undefined ? [] : [knownAt])],
    asOfDate: cstDate('$1::timestamptz'),
  };
}

const cohortFence = `, cohort AS (
        SELECT * FROM as_of
         WHERE ($4::text IS NULL OR conference = $4)
           AND ($5::text IS NULL OR department = $5)
        -- A fence: the planner then groups the cohort by hashing its few groups, where it would
        -- otherwise guess a group per row from the status CASE and sort every row (spilling to disk).
        OFFSET 0
      )`;

const filterParams = (filters: DashboardFilters) => [
  filters.industryChain ?? null,
  filters.district ?? null,
  filters.conferenceId ?? null,
  filters.department ?? null,
];

/** `GET /api/dashboard/summary` for the business date `asOf`. */
export async function dashboardSummary(
  dataSource: DataSource,
  asOf: string,
  filters: DashboardFilters,
  source: CohortSource = 'cohort',
): Promise<DashboardSummary> {
  const { sql, params } = cohortQuery(asOf, filters, source);
  const rows: Array<{
    status: ProjectStatus;
    projects: number;
    in_library: number;
    investment: string;
    landed_investment: string;
  }> = await dataSource.query(
    `${sql}
     SELECT status, count(*)::int AS projects, count(*) FILTER (WHERE in_library)::int AS in_library,
            coalesce(sum(investment_yuan) FILTER (WHERE in_library), 0)::bigint AS investment,
            coalesce(sum(landed_investment_yuan) FILTER (WHERE status = 'landed'), 0)::bigint AS landed_investment
       FROM cohort GROUP BY status`,
    params,
  );
  const byStatus = Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>;
  let projects = 0;
  let inLibrary = 0;
  let investmentYuan = 0;
  let landedInvestmentYuan = 0;
  for (const row of rows) {
    byStatus[row.status] = row.projects;
    projects += row.projects;
    inLibrary += row.in_library;
    investmentYuan += Number(row.investment);
    landedInvestmentYuan += Number(row.landed_investment);
  }
  const landed = byStatus.landed;
  const withdrawn = rows.find((r) => r.status === 'withdrawn')?.in_library ?? 0;
  return {
    asOf,
    projects,
    inLibrary,
    landed,
    withdrawn,
    landingRate: rate(landed, inLibrary),
    investmentYuan,
    landedInvestmentYuan,
    byStatus,
  };
}

const GROUP_KEY: Record<LandingRateGroup, string> = {
  conference: 'conference',
  industryChain: 'industry_chain',
  department: 'department',
  district: 'district',
};

/**
 * `GET /api/dashboard/landing-rate`: the library at asOf, grouped. Conferences come in the order
 * they were held, other groups by library size; the group without a key comes last.
 */
export async function landingRates(
  dataSource: DataSource,
  groupBy: LandingRateGroup,
  asOf: string,
  filters: DashboardFilters,
  source: CohortSource = 'cohort',
): Promise<LandingRateRow[]> {
  const { sql, params } = cohortQuery(asOf, filters, source);
  const rows: Array<{ key: string | null; in_library: number; landed: number }> = await dataSource.query(
    `${sql}
     SELECT ${GROUP_KEY[groupBy]} AS key, count(*)::int AS in_library, count(*) FILTER (WHERE status = 'landed')::int AS landed
       FROM cohort WHERE in_library GROUP BY 1`,
    params,
  );
  const labels = await labelsOf(
    dataSource,
    groupBy,
    rows.map((r) => r.key).filter((k): k is string => k !== null),
  );
  return rows
    .map((r) => ({
      key: r.key,
      label: r.key === null ? '—' : (labels.get(r.key)?.label ?? r.key),
      ...(groupBy === 'conference'
        ? {
            theme: r.key === null ? null : (labels.get(r.key)?.theme ?? null),
            themeEn: r.key === null ? null : (labels.get(r.key)?.themeEn ?? null),
          }
        : {}),
      inLibrary: r.in_library,
      landed: r.landed,
      landingRate: rate(r.landed, r.in_library),
    }))
    .sort((a, b) => {
      if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
      // The key breaks every tie, so the order never depends on the order the groups were hashed
      // in (a conference not in conference_list yet has no date to sort by).
      const first =
        groupBy === 'conference'
          ? (labels.get(a.key!)?.order ?? '').localeCompare(labels.get(b.key!)?.order ?? '')
          : b.inLibrary - a.inLibrary;
      return first || String(a.key).localeCompare(String(b.key));
    });
}

/** Display names: conference titles, department names (if the departments table exists); other keys are their own label. */
async function labelsOf(
  dataSource: DataSource,
  groupBy: LandingRateGroup,
  keys: string[],
): Promise<Map<string, { label: string; order: string; theme?: string | null; themeEn?: string | null }>> {
  if (keys.length === 0) return new Map();
  let rows: Array<{ key: string; label: string; sort: string; theme?: string | null; theme_en?: string | null }> = [];
  if (groupBy === 'conference') {
    rows = await dataSource.query(
      `SELECT id AS key, title AS label, theme, theme_en, held_on::text || id AS sort FROM conference_list WHERE id = ANY($1::text[])`,
      [keys],
    );
  } else if (groupBy === 'department') {
    const [{ exists }] = await dataSource.query(`SELECT to_regclass('departments') IS NOT NULL AS exists`);
    if (exists)
      rows = await dataSource.query(
        `SELECT code AS key, name AS label, code AS sort FROM departments WHERE code = ANY($1::text[])`,
        [keys],
      );
  }
  return new Map(rows.map((r) => [r.key, { label: r.label, order: r.sort, theme: r.theme, themeEn: r.theme_en }]));
}

/** A library project as the landing forecast sees it: business dates (CST) as of asOf. */
export interface LibrarySubject {
  enteredOn: string;
  landedOn?: string;
  withdrawnOn?: string;
}

/** The library at asOf with the same filters as the dashboards, for the landing forecast. */
export async function librarySubjects(
  dataSource: DataSource,
  asOf: string,
  filters: DashboardFilters,
): Promise<LibrarySubject[]> {
  const { sql, params } = factsCohortQuery(asOf, filters);
  const rows: Array<{ entered_on: string; landed_on: string | null; withdrawn_on: string | null }> =
    await dataSource.query(
      `${sql}
     SELECT entered_on::text AS entered_on,
            CASE WHEN status = 'landed' THEN known_landed_on::text END AS landed_on,
            CASE WHEN status = 'withdrawn' THEN withdrawn_on::text END AS withdrawn_on
       FROM cohort WHERE in_library ORDER BY entered_library_at, project_id`,
      params,
    );
  return rows.map((r) => ({
    enteredOn: r.entered_on,
    ...(r.landed_on ? { landedOn: r.landed_on } : {}),
    ...(r.withdrawn_on ? { withdrawnOn: r.withdrawn_on } : {}),
  }));
}

/**
 * What became of the library at `asOf`, as known now: how many projects it held and how many of
 * them had landed by `horizonEnd` — the outcome a backtest compares the forecast of `asOf` with.
 */
export async function libraryOutcome(
  dataSource: DataSource,
  asOf: string,
  horizonEnd: string,
  source: CohortSource = 'cohort',
): Promise<{ inLibrary: number; landed: number }> {
  const { sql, params, asOfDate } = cohortQuery(horizonEnd, {}, source);
  const entered = `entered_on <= $${params.length + 1}::date`;
  const [row]: Array<{ in_library: number; landed: number }> = await dataSource.query(
    `${sql}
     SELECT count(*) FILTER (WHERE ${entered})::int AS in_library,
            count(*) FILTER (WHERE ${entered} AND status = 'landed'
                               AND known_landed_on <= ${asOfDate})::int AS landed
       FROM cohort WHERE in_library`,
    [...params, asOf],
  );
  return { inLibrary: row.in_library, landed: row.landed };
}

/** Library projects of one follow-up and outcome, as the landing forecast counts them. */
export interface LibraryFollowUp {
  /** Days from library entry (CST date) to the outcome, or to asOf while open; below 0 if dated before entry. */
  time: number;
  event: 'landed' | 'withdrawn' | 'censored';
  count: number;
}

/**
 * {@link librarySubjects} counted in SQL by follow-up time and outcome: O(days) rows for the
 * forecast instead of one per project. Open groups come longest follow-up first, which is the
 * order of library entry (their follow-up is asOf − entry), the order librarySubjects returns.
 */
export async function libraryFollowUps(
  dataSource: DataSource,
  asOf: string,
  filters: DashboardFilters,
  source: CohortSource = 'cohort',
): Promise<LibraryFollowUp[]> {
  const { sql, params, asOfDate } = cohortQuery(asOf, filters, source);
  // No ORDER BY in SQL: it would make PostgreSQL sort every project to group them, where hashing
  // them and sorting the few groups here is far cheaper. A library project entered by the end of
  // asOf, so its entry date is never after asOf (librarySubjects' rows all pass followUp's check).
  const rows: LibraryFollowUp[] = await dataSource.query(
    `${sql}, outcomes AS (
       SELECT entered_on,
              CASE WHEN status = 'landed' AND known_landed_on <= ${asOfDate} THEN known_landed_on END AS landed_on,
              CASE WHEN status = 'withdrawn' THEN withdrawn_on END AS withdrawn_on
         FROM cohort WHERE in_library
     )
     SELECT (coalesce(landed_on, CASE WHEN withdrawn_on <= ${asOfDate} THEN withdrawn_on END, ${asOfDate}) - entered_on)::int AS time,
            CASE WHEN landed_on IS NOT NULL THEN 'landed' WHEN withdrawn_on <= ${asOfDate} THEN 'withdrawn' ELSE 'censored' END AS event,
            count(*)::int AS count
       FROM outcomes GROUP BY 1, 2`,
    params,
  );
  const order = { landed: 0, withdrawn: 1, censored: 2 };
  rows.sort((a, b) => order[a.event] - order[b.event] || b.time - a.time);
  return rows;
}

const rate = (landed: number, inLibrary: number): number => (inLibrary === 0 ? 0 : landed / inLibrary);

/** Which projects of the cohort a dashboard figure counts. */
export const DASHBOARD_OUTCOMES = ['library', 'landed', 'withdrawn', 'open'] as const;
export type DashboardOutcome = (typeof DASHBOARD_OUTCOMES)[number];

export interface DashboardProjectsRequest {
  outcome: DashboardOutcome;
  /** One bar of `GET /api/dashboard/landing-rate`: its grouping and key (null: the group without one). */
  group?: { by: LandingRateGroup; key: string | null };
  page: number;
  pageSize: number;
}

/** A project behind a dashboard figure, as it stood at asOf. */
export interface DashboardProject {
  projectId: string;
  title: string;
  enterpriseName: string;
  status: ProjectStatus;
  industryChain: string;
  district: string | null;
  /** Lead department at asOf. */
  department: string | null;
  /** Conference presented at, by asOf. */
  conferenceId: string | null;
  landedOn: string | null;
  investmentYuan: number;
}

/**
 * `GET /api/dashboard/projects`: the projects behind a KPI or a bar, from the very cohort the
 * figure was counted from (same asOf, knownAt and filters), so the list always adds up to it.
 */
export async function dashboardProjects(
  dataSource: DataSource,
  asOf: string,
  filters: DashboardFilters,
  request: DashboardProjectsRequest,
): Promise<Page<DashboardProject>> {
  const { sql, params } = factsCohortQuery(asOf, filters);
  const outcome: Record<DashboardOutcome, string> = {
    library: 'c.in_library',
    landed: `c.in_library AND c.status = 'landed'`,
    withdrawn: `c.in_library AND c.status = 'withdrawn'`,
    open: `c.in_library AND c.status NOT IN ('landed', 'withdrawn')`,
  };
  const values = [...params];
  let where = outcome[request.outcome];
  if (request.group) {
    const column = `c.${GROUP_KEY[request.group.by]}`;
    if (request.group.key === null) where += ` AND ${column} IS NULL`;
    else {
      values.push(request.group.key);
      where += ` AND ${column} = $${values.length}`;
    }
  }
  values.push(request.pageSize, (request.page - 1) * request.pageSize);
  const rows: Array<{
    project_id: string;
    title: string | null;
    enterprise_name: string | null;
    status: ProjectStatus;
    industry_chain: string;
    district: string | null;
    department: string | null;
    conference: string | null;
    known_landed_on: string | null;
    investment_yuan: string;
    total: number;
  }> = await dataSource.query(
    `${sql}
     SELECT c.project_id, l.title, l.enterprise_name, c.status, c.industry_chain, c.district, c.department,
            c.conference, CASE WHEN c.status = 'landed' THEN c.known_landed_on::text END AS known_landed_on,
            c.investment_yuan, count(*) OVER ()::int AS total
       FROM cohort c LEFT JOIN project_list l ON l.id = c.project_id
      WHERE ${where}
      ORDER BY c.entered_library_at, c.project_id
      LIMIT $${values.length - 1} OFFSET $${values.length}`,
    values,
  );
  return {
    items: rows.map((r) => ({
      projectId: r.project_id,
      title: r.title ?? r.project_id,
      enterpriseName: r.enterprise_name ?? '',
      status: r.status,
      industryChain: r.industry_chain,
      district: r.district,
      department: r.department,
      conferenceId: r.conference,
      landedOn: r.known_landed_on,
      investmentYuan: Number(r.investment_yuan),
    })),
    total: rows[0]?.total ?? (request.page > 1 ? await countOf(dataSource, sql, values, where) : 0),
    page: request.page,
    pageSize: request.pageSize,
  };
}

/** The total when the page asked for lies past the end (no row carries the window count). */
async function countOf(dataSource: DataSource, sql: string, values: unknown[], where: string): Promise<number> {
  const [{ total }] = await dataSource.query(
    `${sql} SELECT count(*)::int AS total FROM cohort c WHERE ${where}`,
    values.slice(0, -2),
  );
  return total;
}
