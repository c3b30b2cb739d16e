import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * project_cohort (project-cohort.entity.ts): the narrow copy of project_facts the dashboards'
 * aggregates scan. Column order matters: the fixed-width, never-null columns come first, so each
 * is read at a fixed offset in every row, the 8-byte ones before the 4-byte ones (no padding
 * between them). Filled from the stored project_facts rows by the next projector to start
 * (fillEmptyDerivedReadModels), or by a rebuild.
 */
export class CreateProjectCohort1765400000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE project_cohort (
        submitted_recorded_at    timestamptz NOT NULL,
        entered_recorded_at      timestamptz NOT NULL,
        rejected_recorded_at     timestamptz NOT NULL,
        presented_recorded_at    timestamptz NOT NULL,
        assigned_recorded_at     timestamptz NOT NULL,
        landed_recorded_at       timestamptz NOT NULL,
        withdrawn_recorded_at    timestamptz NOT NULL,
        lead_recorded_at         timestamptz NOT NULL,
        investment_yuan          bigint      NOT NULL,
        landed_investment_yuan   bigint      NOT NULL,
        submitted_on             date        NOT NULL,
        entered_on               date        NOT NULL,
        rejected_on              date        NOT NULL,
        presented_on             date        NOT NULL,
        assigned_on              date        NOT NULL,
        landed_at_on             date        NOT NULL,
        landed_on                date        NOT NULL,
        withdrawn_on             date        NOT NULL,
        lead_on                  date        NOT NULL,
        several_leads            boolean     NOT NULL,
        several_landings         boolean     NOT NULL,
        industry_chain           text        NOT NULL,
        district                 text,
        conference_id            text,
        lead_department          text,
        lead_departments         text[],
        lead_since               timestamptz[],
        lead_periods_recorded_at timestamptz[],
        landing_on               date[],
        landing_recorded_at      timestamptz[],
        project_id               text        NOT NULL PRIMARY KEY
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE project_cohort`);
  }
}
