import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which notifications (read model `notifications`, by position) a user has read: the user's own
 * act, not derived from events, so it lives beside the read models and outlasts their rebuilds.
 */
export class CreateNotificationReads1764803300100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_reads (
        user_id  uuid        NOT NULL REFERENCES users (id),
        position bigint      NOT NULL,
        read_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, position)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification_reads');
  }
}
