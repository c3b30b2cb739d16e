import { DataSource } from 'typeorm';
import { cstDate } from '../business-date.sql';
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
 * Business dates are China Standard Time (as businessDate in libs/domain); a fact is known if it
 * happened by the cut $7 (the end of evaluatedOn, $3) and was recorded by knownAt ($4, 'infinity'
 * without one); the period is [$1, $2], its first instant $5. Each part reads its rows through an
 * index of migration 1765200000000: spells due in the period; needs resolved in it or open at the
 * cut (by open_span, or with a knownAt, $6, also by open_recorded_span); notices and 回访 in it.
 * A milestone's spell is the last one in its list that is known; a lead is the last one in the list
 * recorded by knownAt that had begun by the instant asked (for a need its resolution or the cut,
 * for a 回访 its time). Instants are stored with milliseconds, so comparing them as timestamptz
 * equals comparing Date.parse values, and a signature's delay is whole milliseconds.
 */
const TALLIES = `
WITH items(department, kind, value, n) AS (
  SELECT s.department_code,
         CASE WHEN done IS NOT NULL THEN CASE WHEN done <= s.due_on THEN 'onTime' ELSE 'late' END
              WHEN s.due_on < $3::date THEN 'overdue' ELSE 'open' END,
         CASE WHEN done IS NOT NULL THEN GREATEST(0, done - s.due_on)
              WHEN s.due_on < $3::date THEN $3::date - s.due_on ELSE 0 END::float8, 1
    FROM work_milestone_spells s
   CROSS JOIN LATERAL (SELECT CASE WHEN s.completed_at <= $7::timestamptz AND s.completed_recorded_at <= $4
                                   THEN ${cstDate('s.completed_at')} END AS done) d
   WHERE s.due_on BETWEEN $1::date AND $2::date AND s.department_code IS NOT NULL
     AND s.since <= $7::timestamptz AND s.recorded_at <= $4
     AND (s.last OR NOT EXISTS (
       SELECT FROM work_milestone_spells l
        WHERE l.project_id = s.project_id AND l.milestone_id = s.milestone_id AND l.spell > s.spell
          AND l.since <= $7::timestamptz AND l.recorded_at <= $4))
     AND (d.done IS NOT NULL OR NOT (s.closed_at <= $7::timestamptz AND s.closed_recorded_at <= $4) IS TRUE)
  UNION ALL
  SELECT n.department, 'resolved',
         GREATEST(0, ${cstDate('n.resolved_at')}
           - ${cstDate('GREATEST(n.lead_since, n.raised_at)')})::float8, 1
    FROM work_needs n
   WHERE n.resolved_at BETWEEN $5::timestamptz AND $7::timestamptz AND n.resolved_recorded_at <= $4
     AND n.raised_at <= $7::timestamptz AND n.raised_recorded_at <= $4
     AND NOT (n.removed_at <= $7::timestamptz AND n.removed_recorded_at <= $4) IS TRUE
     -- The row's lead spell is the one in force at the resolution.
     AND n.lead_since <= n.resolved_at AND n.lead_recorded_at <= $4
     AND (n.last OR NOT EXISTS (
       SELECT FROM work_needs l
        WHERE l.project_id = n.project_id AND l.need_id = n.need_id AND l.lead > n.lead
          AND l.lead_since <= n.resolved_at AND l.lead_recorded_at <= $4))
  UNION ALL
  -- Open needs are many and only counted: counted here, per department. Known now, a row counts
  -- if and only if its open_span holds the cut (read from the index alone); as known at a past
  -- instant each end, and each later lead spell, may not be known yet: they are checked.
  SELECT n.department, 'openNeed', NULL::float8, count(*)
    FROM work_needs n
   WHERE (n.open_span @> $7::timestamptz OR $6::boolean AND n.open_recorded_span @> $4::timestamptz)
     AND (NOT $6::boolean OR n.raised_at <= $7::timestamptz AND n.raised_recorded_at <= $4
       AND NOT (n.removed_at <= $7::timestamptz AND n.removed_recorded_at <= $4) IS TRUE
       AND NOT (n.resolved_at <= $7::timestamptz AND n.resolved_recorded_at <= $4) IS TRUE
       AND NOT (n.closed_at <= $7::timestamptz AND n.closed_recorded_at <= $4) IS TRUE
       -- The row's lead spell is the one in force at the cut.
       AND n.lead_since <= $7::timestamptz AND n.lead_recorded_at <= $4
       AND (n.last OR NOT EXISTS (
         SELECT FROM work_needs l
          WHERE l.project_id = n.project_id AND l.need_id = n.need_id AND l.lead > n.lead
            AND l.lead_since <= $7::timestamptz AND l.lead_recorded_at <= $4)))
   GROUP BY n.department
  UNION ALL
  SELECT n.department_code, 'notice',
         CASE WHEN n.acknowledged_at <= $7::timestamptz AND n.acknowledged_recorded_at <= $4
              THEN round(extract(epoch FROM n.acknowledged_at - n.issued_at) * 1000)::float8 END, 1
    FROM work_notices n
   WHERE n.issued_at >= $5::timestamptz AND n.issued_at <= $7::timestamptz AND n.issued_recorded_at <= $4
     AND ${cstDate('n.issued_at')} <= $2::date
  UNION ALL
  SELECT lead.department, u.satisfaction, NULL::float8, 1
    FROM work_follow_ups u
   CROSS JOIN LATERAL (
     SELECT l.department FROM work_leads l
      WHERE l.project_id = u.project_id AND l.recorded_at <= $4 AND l.since <= u.at
      ORDER BY l.lead DESC LIMIT 1) lead
   WHERE u.at >= $5::timestamptz AND u.at <= $7::timestamptz AND u.recorded_at <= $4
     AND ${cstDate('u.at')} <= $2::date
)
SELECT department,
       COALESCE(sum(n) FILTER (WHERE kind = 'onTime'), 0)::int AS "onTime",
       COALESCE(sum(n) FILTER (WHERE kind = 'late'), 0)::int AS late,
       COALESCE(sum(n) FILTER (WHERE kind = 'overdue'), 0)::int AS overdue,
       COALESCE(sum(n) FILTER (WHERE kind = 'open'), 0)::int AS open,
       COALESCE(array_agg(value) FILTER (WHERE kind IN ('late', 'overdue') AND value > 0), '{}') AS "daysLate",
       COALESCE(array_agg(value) FILTER (WHERE kind = 'resolved'), '{}') AS "daysToResolve",
       COALESCE(sum(n) FILTER (WHERE kind = 'openNeed'), 0)::int AS "openNeeds",
       COALESCE(sum(n) FILTER (WHERE kind = 'notice'), 0)::int AS "noticesReceived",
       COALESCE(array_agg(value) FILTER (WHERE kind = 'notice' AND value IS NOT NULL), '{}') AS "ackMs",
       COALESCE(sum(n) FILTER (WHERE kind = 'satisfied'), 0)::int AS satisfied,
       COALESCE(sum(n) FILTER (WHERE kind = 'basically'), 0)::int AS basically,
       COALESCE(sum(n) FILTER (WHERE kind = 'unsatisfied'), 0)::int AS unsatisfied
  FROM items
 GROUP BY department`;

/**
 * Every department's tally for a period as known at `knownAt`, computed in the database from the
 * typed work items (work-items.entity.ts): the items that can count are many, their tallies are one
 * row per department.
 */
export async function departmentTallies(dataSource: DataSource, scope: WorkFactsScope): Promise<DepartmentTally[]> {
  const cut = new Date(Date.parse(`${scope.evaluatedOn}T23:59:59.999+08:00`)).toISOString();
  const params = [
    scope.from,
    scope.to,
    scope.evaluatedOn,
    scope.knownAt ?? 'infinity',
    new Date(Date.parse(`${scope.from}T00:00:00+08:00`)).toISOString(),
    Boolean(scope.knownAt),
    cut,
  ];
  // The planner prices the look-ups of later spells for every row read (most rows are a last
  // spell and skip them), so the cost passes jit_above_cost and compiling the query would take far
  // longer than running it (tens of milliseconds).
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
