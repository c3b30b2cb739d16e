import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps credentials out of idempotency_keys (see IdempotencyInterceptor in apps/api/src/common). Rows stored so far are
 * dropped: their request_hash is a bare SHA-256 of bodies that held passwords, and some responses
 * held access tokens. `answer_status` is the status the route answers on success, recorded when
 * the key is claimed, so a claim left by a crash can be settled from its events. The key the
 * request hashes are made with lives in idempotency_settings (one row, written at first start).
 */
export class SecureIdempotencyKeys1764300000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query('DELETE FROM idempotency_keys');
    await db.query('ALTER TABLE idempotency_keys ADD COLUMN answer_status integer NOT NULL');
    await db.query('CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)');
    await db.query(`
      CREATE TABLE idempotency_settings (
        id       boolean PRIMARY KEY DEFAULT true CHECK (id),
        hmac_key bytea   NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_settings');
    await db.query('DROP INDEX idempotency_keys_created_at_idx');
    await db.query('ALTER TABLE idempotency_keys DROP COLUMN answer_status');
  }
}
