import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSupervisionNotices1764722000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE supervision_notices (
        notice_id text PRIMARY KEY,
        project_id text NOT NULL,
        milestone_id text,
        need_id text,
        department_code text NOT NULL,
        level text NOT NULL,
        message text NOT NULL,
        respond_by date NOT NULL,
        source text NOT NULL,
        step text,
        issued_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        answered_at timestamptz,
        note text,
        late boolean NOT NULL,
        escalated_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX supervision_notices_department_idx ON supervision_notices (department_code, respond_by)`,
    );
    await db.query(`CREATE INDEX supervision_notices_project_idx ON supervision_notices (project_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE supervision_notices`);
  }
}
