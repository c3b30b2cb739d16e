import { MigrationInterface, QueryRunner } from 'typeorm';

const FACTS = ['submitted', 'entered_library', 'rejected', 'presented', 'assigned', 'landed', 'withdrawn'];

/**
 * project_facts: the record time of each fact, for `knownAt`. Existing rows get their business
 * times as record times (the read model may not read the event log); a rebuild after deploying
 * fills the true ones. No index: every dashboard query reads the whole table, and the record
 * times are conditions inside that one scan (see dashboard.query.ts).
 */
export class AddProjectFactsRecordedAt1764716000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE project_facts ${FACTS.map((fact) => `ADD COLUMN ${fact}_recorded_at timestamptz`).join(', ')}, ADD COLUMN lead_recorded_at timestamptz[]`,
    );
    await db.query(
      `UPDATE project_facts SET ${FACTS.map((fact) => `${fact}_recorded_at = ${fact}_at`).join(', ')}, lead_recorded_at = lead_since`,
    );
    await db.query(
      `ALTER TABLE project_facts ALTER COLUMN submitted_recorded_at SET NOT NULL, ALTER COLUMN lead_recorded_at SET NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE project_facts ${[...FACTS.map((fact) => `DROP COLUMN ${fact}_recorded_at`), 'DROP COLUMN lead_recorded_at'].join(', ')}`,
    );
  }
}
