import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The work facts one row each (work-items.entity.ts), for the scorecard counts. Indexes let a
 * period's query read only its rows: spells by due date, needs resolved in it by resolution, needs
 * open at its end by their spans (below), notices and 回访 by date.
 * Filled from the stored project_work_facts rows by the next projector to start
 * (fillEmptyDerivedReadModels), or by a rebuild.
 */
export class CreateWorkItems1765200000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE work_milestone_spells (
        project_id            text        NOT NULL,
        milestone_id          text        NOT NULL,
        spell                 integer     NOT NULL,
        last                  boolean     NOT NULL,
        since                 timestamptz NOT NULL,
        recorded_at           timestamptz NOT NULL,
        due_on                date,
        department_code       text,
        completed_at          timestamptz,
        completed_recorded_at timestamptz,
        closed_at             timestamptz,
        closed_recorded_at    timestamptz,
        PRIMARY KEY (project_id, milestone_id, spell)
      )`);
    await db.query(`CREATE INDEX work_milestone_spells_due_on_idx ON work_milestone_spells (due_on)`);
    // open_span: the business time the row's department is answerable for the need, from the later
    // of raising and the lead spell's start to the first end (ended_at: resolution, removal,
    // closing or a later spell's start). As known at an instant before that end's record
    // (ended_recorded_at) the need may count past it; an earlier end in business time recorded
    // earlier is known: open_recorded_span holds the record times a row can count outside open_span.
    // With the department in the index, the needs open now are counted from the index alone.
    await db.query(`
      CREATE TABLE work_needs (
        project_id           text        NOT NULL,
        need_id              text        NOT NULL,
        lead                 integer     NOT NULL,
        last                 boolean     NOT NULL,
        department           text        NOT NULL,
        lead_since           timestamptz NOT NULL,
        lead_recorded_at     timestamptz NOT NULL,
        ended_at             timestamptz,
        ended_recorded_at    timestamptz,
        raised_at            timestamptz NOT NULL,
        raised_recorded_at   timestamptz NOT NULL,
        removed_at           timestamptz,
        removed_recorded_at  timestamptz,
        resolved_at          timestamptz,
        resolved_recorded_at timestamptz,
        closed_at            timestamptz,
        closed_recorded_at   timestamptz,
        open_span            tstzrange GENERATED ALWAYS AS (tstzrange(GREATEST(raised_at, lead_since),
          GREATEST(raised_at, lead_since, COALESCE(ended_at, 'infinity')))) STORED,
        open_recorded_span   tstzrange GENERATED ALWAYS AS (tstzrange(GREATEST(raised_recorded_at, lead_recorded_at),
          GREATEST(raised_recorded_at, lead_recorded_at, ended_recorded_at))) STORED,
        PRIMARY KEY (project_id, need_id, lead)
      )`);
    await db.query(`CREATE INDEX work_needs_resolved_at_idx ON work_needs (resolved_at)`);
    await db.query(`CREATE INDEX work_needs_open_span_idx ON work_needs USING gist (open_span) INCLUDE (department)`);
    await db.query(`CREATE INDEX work_needs_open_recorded_span_idx ON work_needs USING gist (open_recorded_span)`);
    await db.query(`
      CREATE TABLE work_leads (
        project_id  text        NOT NULL,
        lead        integer     NOT NULL,
        department  text        NOT NULL,
        since       timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (project_id, lead)
      )`);
    await db.query(`
      CREATE TABLE work_notices (
        project_id               text        NOT NULL,
        notice_id                text        NOT NULL,
        department_code          text        NOT NULL,
        issued_at                timestamptz NOT NULL,
        issued_recorded_at       timestamptz NOT NULL,
        acknowledged_at          timestamptz,
        acknowledged_recorded_at timestamptz,
        PRIMARY KEY (project_id, notice_id)
      )`);
    await db.query(`CREATE INDEX work_notices_issued_at_idx ON work_notices (issued_at)`);
    await db.query(`
      CREATE TABLE work_follow_ups (
        project_id   text        NOT NULL,
        follow_up    integer     NOT NULL,
        satisfaction text        NOT NULL,
        at           timestamptz NOT NULL,
        recorded_at  timestamptz NOT NULL,
        PRIMARY KEY (project_id, follow_up)
      )`);
    await db.query(`CREATE INDEX work_follow_ups_at_idx ON work_follow_ups (at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['work_follow_ups', 'work_notices', 'work_leads', 'work_needs', 'work_milestone_spells'])
      await db.query(`DROP TABLE ${table}`);
  }
}
