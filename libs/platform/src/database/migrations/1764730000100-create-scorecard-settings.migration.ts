import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scorecard's composite weights, set by an admin: one row at most (no row: the published
 * defaults). Settings, not facts, so a plain table rather than an event stream; who changed them
 * and when is kept on the row and in the audit log.
 */
export class CreateScorecardSettings1764730000100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scorecard_settings (
        id         smallint    PRIMARY KEY CHECK (id = 1),
        weights    jsonb       NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text        NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE scorecard_settings');
  }
}
