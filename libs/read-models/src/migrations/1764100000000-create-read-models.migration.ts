import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read-model tables. Like every read-model migration it names tables without a schema: a
 * rebuild replays these migrations in a shadow schema to create fresh tables (see rebuild.ts).
 */
export class CreateReadModels1764100000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE project_list (
        id                     text        PRIMARY KEY,
        title                  text        NOT NULL,
        summary                text,
        enterprise_id          text        NOT NULL,
        enterprise_name        text        NOT NULL,
        industry_chain         text        NOT NULL,
        district               text,
        investment_yuan        bigint      NOT NULL,
        status                 text        NOT NULL,
        lead_department        text,
        supporting_departments text[]      NOT NULL,
        conference_id          text,
        conference_title       text,
        submitted_at           timestamptz NOT NULL,
        entered_library_at     timestamptz,
        landed_on              date,
        withdrawn_at           timestamptz,
        version                integer     NOT NULL,
        position               bigint      NOT NULL,
        updated_at             timestamptz NOT NULL,
        -- Word search for Latin text; CJK text has no spaces, so queries add an ILIKE fallback.
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || enterprise_name || ' ' || coalesce(summary, ''))) STORED
      )`);
    await db.query(`CREATE INDEX project_list_search_idx ON project_list USING gin (search)`);
    await db.query(`CREATE INDEX project_list_status_idx ON project_list (status)`);
    await db.query(`CREATE INDEX project_list_industry_chain_idx ON project_list (industry_chain)`);
    await db.query(`CREATE INDEX project_list_conference_idx ON project_list (conference_id)`);
    await db.query(`CREATE INDEX project_list_enterprise_idx ON project_list (enterprise_id)`);
    await db.query(`CREATE INDEX project_list_lead_department_idx ON project_list (lead_department)`);
    await db.query(
      `CREATE INDEX project_list_supporting_departments_idx ON project_list USING gin (supporting_departments)`,
    );
    await db.query(`CREATE INDEX project_list_updated_idx ON project_list (updated_at DESC, id)`);

    await db.query(`
      CREATE TABLE project_dossiers (
        project_id    text  PRIMARY KEY,
        enterprise_id text  NOT NULL,
        needs         jsonb NOT NULL,
        plan          jsonb,
        landing       jsonb,
        withdrawal    jsonb
      )`);
    await db.query(`CREATE INDEX project_dossiers_enterprise_idx ON project_dossiers (enterprise_id)`);

    await db.query(`
      CREATE TABLE department_assignments (
        project_id      text        NOT NULL,
        milestone_id    text        NOT NULL,
        department_code text        NOT NULL,
        role            text        NOT NULL,
        project_title   text        NOT NULL,
        project_status  text        NOT NULL,
        enterprise_id   text        NOT NULL,
        enterprise_name text        NOT NULL,
        title           text        NOT NULL,
        due_on          date        NOT NULL,
        owner           text        NOT NULL,
        done            boolean     NOT NULL,
        done_at         timestamptz,
        PRIMARY KEY (project_id, milestone_id)
      )`);
    await db.query(
      `CREATE INDEX department_assignments_department_idx ON department_assignments (department_code, due_on)`,
    );

    await db.query(`
      CREATE TABLE project_facts (
        project_id             text          PRIMARY KEY,
        enterprise_id          text          NOT NULL,
        industry_chain         text          NOT NULL,
        district               text,
        investment_yuan        bigint        NOT NULL,
        actual_investment_yuan bigint,
        submitted_at           timestamptz   NOT NULL,
        entered_library_at     timestamptz,
        rejected_at            timestamptz,
        presented_at           timestamptz,
        conference_id          text,
        assigned_at            timestamptz,
        lead_departments       text[]        NOT NULL,
        lead_since             timestamptz[] NOT NULL,
        landed_on              date,
        landed_at              timestamptz,
        withdrawn_at           timestamptz
      )`);

    await db.query(`
      CREATE TABLE enterprise_list (
        id            text        PRIMARY KEY,
        name          text        NOT NULL,
        credit_code   text,
        district      text,
        tier          text        NOT NULL,
        registered_at timestamptz NOT NULL,
        version       integer     NOT NULL,
        position      bigint      NOT NULL
      )`);

    await db.query(`
      CREATE TABLE conference_list (
        id       text    PRIMARY KEY,
        title    text    NOT NULL,
        theme    text,
        held_on  date    NOT NULL,
        version  integer NOT NULL,
        position bigint  NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'conference_list',
      'enterprise_list',
      'project_facts',
      'department_assignments',
      'project_dossiers',
      'project_list',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
