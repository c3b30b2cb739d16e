import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * project_work_facts: milestones, needs, lead departments, supervision notices and 回访 of each project with both time
 * axes, for the department scorecards. Filled by a rebuild after deploying. No index beyond the
 * key: a scorecard reads the whole table once.
 */
export class CreateProjectWorkFacts1764730000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE project_work_facts (
        project_id         text  PRIMARY KEY,
        title              text  NOT NULL,
        milestones         jsonb NOT NULL,
        needs              jsonb NOT NULL,
        leads              jsonb NOT NULL,
        notices            jsonb NOT NULL,
        follow_ups         jsonb NOT NULL,
        closed_at          timestamptz,
        closed_recorded_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE project_work_facts');
  }
}
