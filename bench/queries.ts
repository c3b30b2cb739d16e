import { DISTRICTS, INDUSTRY_CHAINS } from '../apps/api/src/demo/demo-vocabulary';
import { distribution, Distribution, msSince } from './stats';

export interface QueryFigures {
  name: string;
  /** What was asked, with the parameters drawn at random for each request. */
  workload: string;
  /** false: the API does not serve this route (yet). */
  served: boolean;
  /** null: not served, or no request succeeded. */
  latencyMs: Distribution | null;
  failures: number;
  firstFailure?: string;
}

export interface QueryActors {
  leader: string;
  /** Department code -> token of a user of that department. */
  departments: Map<string, string>;
}

interface QueryKind {
  name: string;
  workload: string;
  request(): { path: string; token: string };
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
/** A business date (CST) `days` before today. */
export const daysAgo = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
const chains = INDUSTRY_CHAINS.map((c) => c.name);
const districts = DISTRICTS.map((d) => d.name);
const words = INDUSTRY_CHAINS.flatMap((c) => c.projects.map((p) => p.slice(0, 2)));

/** A third of the requests narrow the cohort by one filter, as the dashboard's filter bar does. */
function filter(departments: string[]): string {
  const r = Math.random();
  if (r < 0.67) return '';
  if (r < 0.78) return `industryChain=${encodeURIComponent(pick(chains))}`;
  if (r < 0.89) return `district=${encodeURIComponent(pick(districts))}`;
  return `department=${pick(departments)}`;
}

/** A query string of the non-empty parts. */
const query = (...parts: string[]) => parts.filter(Boolean).join('&');

/** The dashboard as of today or a past day within the two years of data. */
const asOf = () => (Math.random() < 0.5 ? '' : `asOf=${daysAgo(Math.floor(Math.random() * 700))}`);

/** A past day and the end of it (CST): the figures as a leader saw them that day. */
function asReportedThen(): string {
  const day = daysAgo(1 + Math.floor(Math.random() * 700));
  return `asOf=${day}&knownAt=${encodeURIComponent(`${day}T23:59:59.999+08:00`)}`;
}

/** A whole month before this one, within the two years, half of the requests as known at its end. */
function scorecardPeriod(): string {
  const day = daysAgo(31 + Math.floor(Math.random() * 670));
  const to = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const known = Math.random() < 0.5 ? `&knownAt=${encodeURIComponent(`${to}T23:59:59.999+08:00`)}` : '';
  return `from=${day.slice(0, 7)}-01&to=${to}${known}`;
}

export function queryKinds(actors: QueryActors): QueryKind[] {
  const departments = [...actors.departments.keys()];
  return [
    {
      name: 'dashboard summary',
      workload:
        'GET /api/dashboard/summary, asOf today or a random past day, 1/3 with an industryChain/district/department filter; as a leader',
      request: () => ({ path: `/api/dashboard/summary?${query(asOf(), filter(departments))}`, token: actors.leader }),
    },
    {
      name: 'dashboard landing-rate',
      workload:
        'GET /api/dashboard/landing-rate, groupBy conference|industryChain|department|district at random, asOf and filters as above; as a leader',
      request: () => ({
        path: `/api/dashboard/landing-rate?${query(`groupBy=${pick(['conference', 'industryChain', 'department', 'district'])}`, asOf(), filter(departments))}`,
        token: actors.leader,
      }),
    },
    {
      name: 'forecast',
      workload: 'GET /api/forecast/landing?horizonDays=365, asOf and filters as above; as a leader',
      request: () => ({
        path: `/api/forecast/landing?${query('horizonDays=365', asOf(), filter(departments))}`,
        token: actors.leader,
      }),
    },
    {
      name: 'dashboard summary knownAt',
      workload:
        'GET /api/dashboard/summary?asOf=<a random past day>&knownAt=<its end>, 1/3 filtered as above: as reported then; as a leader',
      request: () => ({
        path: `/api/dashboard/summary?${query(asReportedThen(), filter(departments))}`,
        token: actors.leader,
      }),
    },
    {
      name: 'forecast knownAt',
      workload: 'GET /api/forecast/landing?horizonDays=365&asOf=<a random past day>&knownAt=<its end>; as a leader',
      request: () => ({
        path: `/api/forecast/landing?${query('horizonDays=365', asReportedThen())}`,
        token: actors.leader,
      }),
    },
    {
      name: 'scorecards',
      workload:
        'GET /api/scorecards/departments for a random whole past month, half with knownAt = its end; as a leader',
      request: () => ({ path: `/api/scorecards/departments?${scorecardPeriod()}`, token: actors.leader }),
    },
    {
      name: 'backtest',
      workload:
        'GET /api/forecast/backtest over the last two years, monthly (25 as-of dates), horizonDays=180, known=then or now at random; as a leader',
      request: () => ({
        path: `/api/forecast/backtest?${query(`from=${daysAgo(730)}`, `to=${daysAgo(0)}`, 'every=month', 'horizonDays=180', `known=${pick(['then', 'now'])}`)}`,
        token: actors.leader,
      }),
    },
    {
      name: 'inbox',
      workload:
        'GET /api/departments/:code/assignments (all, overdue=true or done=false), page 1-3 of 20; as a user of that department',
      request: () => {
        const code = pick(departments);
        const only = pick(['', 'overdue=true', 'done=false']);
        return {
          path: `/api/departments/${code}/assignments?${query(`page=${1 + Math.floor(Math.random() * 3)}`, only)}`,
          token: actors.departments.get(code)!,
        };
      },
    },
    {
      name: 'project list',
      workload:
        'GET /api/projects, page 1-20 of 20, one of: no filter, status, industryChain, department, a search word (q), sort by investment; as a leader',
      request: () => {
        const narrow = pick([
          '',
          `status=${pick(['submitted', 'approved', 'presented', 'assigned', 'landed'])}`,
          `industryChain=${encodeURIComponent(pick(chains))}`,
          `department=${pick(departments)}`,
          `q=${encodeURIComponent(pick(words))}`,
          'sort=-investmentYuan',
        ]);
        return {
          path: `/api/projects?${query(`page=${1 + Math.floor(Math.random() * 20)}`, 'pageSize=20', narrow)}`,
          token: actors.leader,
        };
      },
    },
  ];
}

/**
 * Latency of the read side, one request at a time (the figure is how long one reader waits, not
 * how many the server can take): a few warm-up requests per kind, then the kinds in turn.
 */
export async function queryBench(baseUrl: string, actors: QueryActors, samples: number): Promise<QueryFigures[]> {
  const kinds = queryKinds(actors);
  const latencies = new Map(kinds.map((k) => [k.name, [] as number[]]));
  const failures = new Map(kinds.map((k) => [k.name, { count: 0, first: undefined as string | undefined }]));
  const missing = new Set<string>();

  const once = async (kind: QueryKind, record: boolean) => {
    const { path, token } = kind.request();
    const start = process.hrtime.bigint();
    const response = await fetch(baseUrl + path, { headers: { Authorization: `Bearer ${token}` } });
    const body = await response.text();
    const elapsed = msSince(start);
    if (response.status === 404 && /"code":"NOT_FOUND"/.test(body)) missing.add(kind.name);
    if (!record) return;
    if (response.status === 200) latencies.get(kind.name)!.push(elapsed);
    else {
      const f = failures.get(kind.name)!;
      f.count += 1;
      f.first ??= `${response.status} ${path}: ${body.slice(0, 300)}`;
    }
  };

  for (const kind of kinds) for (let i = 0; i < 5; i++) await once(kind, false);
  for (let i = 0; i < samples; i++) {
    for (const kind of kinds) if (!missing.has(kind.name)) await once(kind, true);
  }
  return kinds.map((kind) => {
    const f = failures.get(kind.name)!;
    const values = latencies.get(kind.name)!;
    return {
      name: kind.name,
      workload: kind.workload,
      served: !missing.has(kind.name),
      latencyMs: missing.has(kind.name) || values.length === 0 ? null : distribution(values),
      failures: f.count,
      ...(f.first ? { firstFailure: f.first } : {}),
    };
  });
}
