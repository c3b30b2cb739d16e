import { MigrationInterface, QueryRunner } from 'typeorm';

/** See IdempotencyInterceptor. One row per (user, key); `status` is null while the request runs. */
export class CreateIdempotencyKeys1763900000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        user_id       text        NOT NULL,
        key           text        NOT NULL,
        request       text        NOT NULL,
        request_hash  text        NOT NULL,
        status        integer,
        response_body json,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_keys');
  }
}
