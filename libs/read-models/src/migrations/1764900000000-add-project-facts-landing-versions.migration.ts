import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * project_facts: every version of a corrected landing (its date, NULL when revoked, and when it
 * was recorded), so `knownAt` finds the landing as it was known then. Empty for a landing never
 * corrected: landed_on and landed_recorded_at say all there is, so existing rows need nothing.
 */
export class AddProjectFactsLandingVersions1764900000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE project_facts ADD COLUMN landing_on date[] NOT NULL DEFAULT '{}', ADD COLUMN landing_recorded_at timestamptz[] NOT NULL DEFAULT '{}'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_facts DROP COLUMN landing_on, DROP COLUMN landing_recorded_at`);
  }
}
