import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * project_work_facts: three columns that let a scorecard read only the projects that can count
 * in its period (see projectWorkFactsFor), kept by a trigger from the jsonb facts so the
 * projection's rows stay as they are:
 * - `activity`: every business date at which a fact can count (a milestone's due dates, a need
 *   resolved, a notice issued, a 回访) and, for each need, the days it can be open (from raising to
 *   the earliest of resolution, removal and closing; unbounded while none happened);
 * - `open_recorded`: for each need, the record times from its raising to the last record of what
 *   ended it: a `knownAt` in there may not know the end yet, so the need may be open longer then;
 * - `departments`: every department named (milestone spells, leads, notices), for one department's items.
 * Business dates are China Standard Time (UTC+08:00, as businessDate in libs/domain; an
 * interval, since a zone named '+08:00' would be POSIX, i.e. west of Greenwich). The function
 * lives in `public`, not in the schema the migration runs in: a rebuild replays the migrations in a
 * shadow schema and drops that schema after moving only its tables out.
 */
export class AddProjectWorkFactsScope1765100000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE project_work_facts ADD COLUMN activity datemultirange, ADD COLUMN open_recorded tstzmultirange, ADD COLUMN departments text[] NOT NULL DEFAULT '{}'`,
    );
    await db.query(`
      CREATE OR REPLACE FUNCTION public.project_work_facts_scope() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH spans(lo, hi) AS (
          SELECT (s->>'dueOn')::date, (s->>'dueOn')::date
            FROM jsonb_array_elements(NEW.milestones) m, jsonb_array_elements(m->'spells') s
           WHERE s->>'dueOn' IS NOT NULL
          UNION ALL
          SELECT ((n->>'raisedAt')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date,
                 COALESCE(LEAST(((n->>'resolvedAt')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date,
                                ((n->>'removedAt')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date,
                                (NEW.closed_at AT TIME ZONE INTERVAL '+08:00')::date), 'infinity')
            FROM jsonb_array_elements(NEW.needs) n
          UNION ALL
          SELECT d, d FROM (
            SELECT ((n->>'resolvedAt')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date FROM jsonb_array_elements(NEW.needs) n
            UNION ALL
            SELECT ((n->>'issuedAt')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date FROM jsonb_array_elements(NEW.notices) n
            UNION ALL
            SELECT ((f->>'at')::timestamptz AT TIME ZONE INTERVAL '+08:00')::date FROM jsonb_array_elements(NEW.follow_ups) f
          ) points(d) WHERE d IS NOT NULL
        )
        SELECT range_agg(daterange(spans.lo, GREATEST(spans.lo, spans.hi), '[]')) INTO NEW.activity FROM spans;
        NEW.open_recorded := COALESCE((
          SELECT range_agg(tstzrange(raised, ended))
            FROM (SELECT (n->>'raisedRecordedAt')::timestamptz AS raised,
                         GREATEST((n->>'resolvedRecordedAt')::timestamptz, (n->>'removedRecordedAt')::timestamptz,
                                  NEW.closed_recorded_at) AS ended
                    FROM jsonb_array_elements(NEW.needs) n) e
           WHERE raised < ended), '{}');
        NEW.departments := ARRAY(
          SELECT DISTINCT d FROM (
            SELECT s->>'departmentCode'
              FROM jsonb_array_elements(NEW.milestones) m, jsonb_array_elements(m->'spells') s
            UNION ALL SELECT l->>'department' FROM jsonb_array_elements(NEW.leads) l
            UNION ALL SELECT n->>'departmentCode' FROM jsonb_array_elements(NEW.notices) n
          ) named(d) WHERE d IS NOT NULL ORDER BY d);
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER project_work_facts_scope BEFORE INSERT OR UPDATE ON project_work_facts
        FOR EACH ROW EXECUTE FUNCTION public.project_work_facts_scope()`);
    // Existing rows: the trigger computes their columns.
    await db.query(`UPDATE project_work_facts SET project_id = project_id`);
    await db.query(`CREATE INDEX project_work_facts_activity_idx ON project_work_facts USING gist (activity)`);
    await db.query(
      `CREATE INDEX project_work_facts_open_recorded_idx ON project_work_facts USING gist (open_recorded)`,
    );
    await db.query(`CREATE INDEX project_work_facts_departments_idx ON project_work_facts USING gin (departments)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER project_work_facts_scope ON project_work_facts`);
    await db.query(`DROP FUNCTION public.project_work_facts_scope()`);
    await db.query(
      `ALTER TABLE project_work_facts DROP COLUMN activity, DROP COLUMN open_recorded, DROP COLUMN departments`,
    );
  }
}
