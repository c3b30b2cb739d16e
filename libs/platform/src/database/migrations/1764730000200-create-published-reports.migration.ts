import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published reports (通报): each row the frozen figures of one publication, written once. Not a
 * read model: a rebuild never touches it, and a trigger refuses UPDATE, DELETE and TRUNCATE, so
 * what was published stays what it was. `seq` orders the list (newest first).
 */
export class CreatePublishedReports1764730000200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE published_reports (
        id           uuid        PRIMARY KEY,
        seq          bigserial   NOT NULL UNIQUE,
        kind         text        NOT NULL CHECK (kind IN ('monthly', 'quarterly')),
        period       text        NOT NULL,
        period_start date        NOT NULL,
        period_end   date        NOT NULL,
        known_at     timestamptz NOT NULL,
        published_by text        NOT NULL,
        figures      jsonb       NOT NULL
      )`);
    await db.query(`
      CREATE FUNCTION published_reports_are_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'a published report is never changed'; END $$`);
    await db.query(`
      CREATE TRIGGER published_reports_frozen BEFORE UPDATE OR DELETE ON published_reports
      FOR EACH STATEMENT EXECUTE FUNCTION published_reports_are_frozen()`);
    await db.query(`
      CREATE TRIGGER published_reports_no_truncate BEFORE TRUNCATE ON published_reports
      FOR EACH STATEMENT EXECUTE FUNCTION published_reports_are_frozen()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE published_reports');
    await db.query('DROP FUNCTION published_reports_are_frozen()');
  }
}
