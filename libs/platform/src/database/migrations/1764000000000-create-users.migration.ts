import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users are reference data, not event-sourced; every change to one is still attributed (who,
 * when, in which request) in `user_changes`, written in the same transaction as the change.
 */
export class CreateUsers1764000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id                  uuid        PRIMARY KEY,
        username            text        NOT NULL,
        password_hash       text        NOT NULL,
        role                text        NOT NULL CHECK (role IN ('admin', 'taskforce', 'reviewer', 'department', 'leader')),
        department_code     text,
        disabled            boolean     NOT NULL DEFAULT false,
        token_version       integer     NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL DEFAULT now(),
        created_by          uuid        REFERENCES users (id),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        updated_by          uuid        REFERENCES users (id),
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_department_code_check CHECK ((role = 'department') = (department_code IS NOT NULL))
      )`);
    // Case-insensitive uniqueness: "Admin" and "admin" are one user.
    await db.query('CREATE UNIQUE INDEX users_username_key ON users (lower(username))');
    await db.query(`
      CREATE TABLE user_changes (
        id             bigserial   PRIMARY KEY,
        user_id        uuid        NOT NULL REFERENCES users (id),
        change         text        NOT NULL,
        changed_at     timestamptz NOT NULL DEFAULT now(),
        changed_by     uuid        REFERENCES users (id),
        correlation_id text
      )`);
    await db.query('CREATE INDEX user_changes_user_idx ON user_changes (user_id, id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE user_changes');
    await db.query('DROP TABLE users');
  }
}
