import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each projection stands in the event log. The projector writes a projection's checkpoint
 * in the same transaction as the read-model rows of that batch.
 */
export class CreateProjectionCheckpoints1764100000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projection_checkpoints (
        name       text        PRIMARY KEY,
        checkpoint text,
        position   bigint      NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE projection_checkpoints');
  }
}
