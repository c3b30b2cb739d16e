import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrets the service makes for itself on first start (the token signing key when
 * LUODI_JWT_SECRET is unset), kept in the database so that every instance on it signs alike.
 * Only the table's owner — the service's own database user — may read it.
 */
export class CreateServerSecrets1764300000100 implements MigrationInterface {
  name = 'CreateServerSecrets1764300000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE server_secrets (
        name        text        PRIMARY KEY,
        value       text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('REVOKE ALL ON server_secrets FROM PUBLIC');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE server_secrets');
  }
}
