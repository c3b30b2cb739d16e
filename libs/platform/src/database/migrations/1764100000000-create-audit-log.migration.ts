import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of security-relevant actions. Like the event log it is never rewritten: a
 * trigger refuses UPDATE, DELETE and TRUNCATE, so a stolen admin session or a buggy query
 * cannot erase its own traces through the service's connection.
 */
export class CreateAuditLog1764100000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_log (
        id              bigserial   PRIMARY KEY,
        occurred_at     timestamptz NOT NULL DEFAULT now(),
        actor_username  text,
        actor_role      text,
        action          text        NOT NULL,
        target          text,
        client_address  text,
        correlation_id  text,
        details         jsonb       NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query('CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at)');
    await db.query('CREATE INDEX audit_log_action_idx ON audit_log (action, id)');
    await db.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the audit_log table is append-only'; END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_log');
    await db.query('DROP FUNCTION audit_log_is_append_only()');
  }
}
