import { DataSource } from 'typeorm';
import { WorkFactsScope } from './project-work-facts.query';

/**
 * One department's counts behind its scorecard, with the values its medians are taken over
 * (unsorted). The same numbers libs/forecast/src/scorecard.ts `tallyWork` makes of
 * `departmentWork`: that stays the definition, this is it done where the rows are.
 */
export interface DepartmentTally {
  department: string;
  onTime: number;
  late: number;
  overdue: number;
  open: number;
  /** Days late of each milestone completed late or overdue. */
  daysLate: number[];
  /** Days to resolve of each resolved need. */
  daysToResolve: number[];
  openNeeds: number;
  noticesReceived: number;
  /** Hours from issue to signature of each notice signed for. */
  hoursToAcknowledge: number[];
  satisfied: number;
  basically: number;
  unsatisfied: number;
}

/*
 * Business dates are China Standard Time (as businessDate in libs/domain); `known` is a fact
 * is known if it happened by the end of evaluatedOn ($4) and was recorded by knownAt ($5, 'infinity'
 * without one); the period is [$1, $2], read from $3 (see projectWorkFactsFor);
 * a lead is the last one in the list recorded by knownAt that had begun by the instant asked.
 * Instants are stored with milliseconds, so comparing them as timestamptz equals comparing
 * Date.parse values, and a signature's delay is whole milliseconds.
 */
const TALLIES = `
WITH items(department, kind, value) AS (
  SELECT i.* FROM project_work_facts f
   CROSS JOIN LATERAL (SELECT (f.closed_at <= $4 AND f.closed_recorded_at <= $5) IS TRUE AS closed) c
   CROSS JOIN LATERAL (
  SELECT s->>'departmentCode',
         CASE WHEN done IS NOT NULL THEN CASE WHEN done <= due THEN 'onTime' ELSE 'late' END
              WHEN due < $7::date THEN 'overdue' ELSE 'open' END,
         CASE WHEN done IS NOT NULL THEN GREATEST(0, done - due) WHEN due < $7::date THEN $7::date - due ELSE 0 END::float8
    FROM jsonb_array_elements(f.milestones) m
   CROSS JOIN LATERAL (
     SELECT s FROM jsonb_array_elements(m->'spells') WITH ORDINALITY AS x(s, i)
      WHERE (s->>'since')::timestamptz <= $4 AND (s->>'recordedAt')::timestamptz <= $5
      ORDER BY i DESC LIMIT 1) spell
   CROSS JOIN LATERAL (SELECT (s->>'dueOn')::date AS due,
     CASE WHEN (m->>'completedAt')::timestamptz <= $4 AND (m->>'completedRecordedAt')::timestamptz <= $5
          THEN ((m->>'completedAt')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date END AS done) d
   WHERE s->>'dueOn' IS NOT NULL AND s->>'departmentCode' IS NOT NULL AND d.due BETWEEN $1::date AND $2::date
     AND (d.done IS NOT NULL OR NOT c.closed)
     -- Most rows are read for a need alone: skip their milestones unless a spell is due in the period.
     AND jsonb_path_exists(f.milestones, '$[*].spells[*] ? (@.dueOn >= $from && @.dueOn <= $to)',
                           jsonb_build_object('from', $8::text, 'to', $9::text))
  UNION ALL
  SELECT lead.department,
         CASE WHEN r.resolved THEN 'resolved' ELSE 'openNeed' END,
         CASE WHEN r.resolved THEN GREATEST(0, ((n->>'resolvedAt')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date
           - (GREATEST(lead.since, (n->>'raisedAt')::timestamptz) AT TIME ZONE INTERVAL '+08:00')::date) END::float8
    FROM jsonb_array_elements(f.needs) n
   CROSS JOIN LATERAL (SELECT ((n->>'resolvedAt')::timestamptz <= $4
                               AND (n->>'resolvedRecordedAt')::timestamptz <= $5) IS TRUE AS resolved) r
   CROSS JOIN LATERAL (
     SELECT l->>'department' AS department, (l->>'since')::timestamptz AS since
       FROM jsonb_array_elements(f.leads) WITH ORDINALITY AS x(l, i)
      WHERE (l->>'recordedAt')::timestamptz <= $5
        AND (l->>'since')::timestamptz <= CASE WHEN r.resolved THEN (n->>'resolvedAt')::timestamptz ELSE $4 END
      ORDER BY i DESC LIMIT 1) lead
   WHERE (n->>'raisedAt')::timestamptz <= $4 AND (n->>'raisedRecordedAt')::timestamptz <= $5
     AND NOT ((n->>'removedAt')::timestamptz <= $4 AND (n->>'removedRecordedAt')::timestamptz <= $5) IS TRUE
     AND (r.resolved OR NOT c.closed)
     AND (NOT r.resolved OR ((n->>'resolvedAt')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date >= $1::date)
  UNION ALL
  SELECT n->>'departmentCode', 'notice',
         CASE WHEN (n->>'acknowledgedAt')::timestamptz <= $4 AND (n->>'acknowledgedRecordedAt')::timestamptz <= $5
              THEN round(extract(epoch FROM (n->>'acknowledgedAt')::timestamptz - (n->>'issuedAt')::timestamptz) * 1000)::float8 END
    FROM jsonb_array_elements(f.notices) n
   WHERE (n->>'issuedAt')::timestamptz <= $4 AND (n->>'issuedRecordedAt')::timestamptz <= $5
     AND ((n->>'issuedAt')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date BETWEEN $1::date AND $2::date
  UNION ALL
  SELECT lead.department, u->>'satisfaction', NULL::float8
    FROM jsonb_array_elements(f.follow_ups) u
   CROSS JOIN LATERAL (
     SELECT l->>'department' AS department
       FROM jsonb_array_elements(f.leads) WITH ORDINALITY AS x(l, i)
      WHERE (l->>'recordedAt')::timestamptz <= $5 AND (l->>'since')::timestamptz <= (u->>'at')::timestamptz
      ORDER BY i DESC LIMIT 1) lead
   WHERE (u->>'at')::timestamptz <= $4 AND (u->>'recordedAt')::timestamptz <= $5
     AND ((u->>'at')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date BETWEEN $1::date AND $2::date
  ) i
   WHERE f.activity && daterange($3::date, $2::date, '[]') OR ($6::boolean AND f.open_recorded @> $5::timestamptz)
)
SELECT department,
       count(*) FILTER (WHERE kind = 'onTime')::int AS "onTime",
       count(*) FILTER (WHERE kind = 'late')::int AS late,
       count(*) FILTER (WHERE kind = 'overdue')::int AS overdue,
       count(*) FILTER (WHERE kind = 'open')::int AS open,
       COALESCE(array_agg(value) FILTER (WHERE kind IN ('late', 'overdue') AND value > 0), '{}') AS "daysLate",
       COALESCE(array_agg(value) FILTER (WHERE kind = 'resolved'), '{}') AS "daysToResolve",
       count(*) FILTER (WHERE kind = 'openNeed')::int AS "openNeeds",
       count(*) FILTER (WHERE kind = 'notice')::int AS "noticesReceived",
       COALESCE(array_agg(value) FILTER (WHERE kind = 'notice' AND value IS NOT NULL), '{}') AS "ackMs",
       count(*) FILTER (WHERE kind = 'satisfied')::int AS satisfied,
       count(*) FILTER (WHERE kind = 'basically')::int AS basically,
       count(*) FILTER (WHERE kind = 'unsatisfied')::int AS unsatisfied
  FROM items
 GROUP BY department`;

/**
 * Every department's tally for a period as known at `knownAt`, computed in the database: the
 * projects that can count (see projectWorkFactsFor) are many, their tallies are one row per department.
 */
export async function departmentTallies(dataSource: DataSource, scope: WorkFactsScope): Promise<DepartmentTally[]> {
  const start = scope.evaluatedOn < scope.from ? scope.evaluatedOn : scope.from;
  const cut = new Date(Date.parse(`${scope.evaluatedOn}T23:59:59.999+08:00`)).toISOString();
  const params = [
    scope.from,
    scope.to,
    start,
    cut,
    scope.knownAt ?? 'infinity',
    Boolean(scope.knownAt),
    scope.evaluatedOn,
    scope.from,
    scope.to,
  ];
  // The planner takes every jsonb array for 100 elements, so the cost passes jit_above_cost and
  // compiling the query (seconds) would take far longer than running it (milliseconds).
  const rows: (Omit<DepartmentTally, 'hoursToAcknowledge'> & { ackMs: number[] })[] =
    await dataSource.manager.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      return manager.query(TALLIES, params);
    });
  return rows.map(({ ackMs, ...tally }) => ({
    ...tally,
    hoursToAcknowledge: ackMs.map((ms) => ms / 3_600_000),
  }));
}
