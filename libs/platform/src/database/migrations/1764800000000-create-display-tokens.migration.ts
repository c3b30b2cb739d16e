import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Display tokens: the credentials of wall screens (挂图作战). Only a SHA-256 of each token is
 * kept (the token itself is shown once, at creation); a revoked one stays, for the record.
 */
export class CreateDisplayTokens1764800000000 implements MigrationInterface {
  name = 'CreateDisplayTokens1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE display_tokens (
        id            uuid        PRIMARY KEY,
        name          text        NOT NULL,
        token_sha256  text        NOT NULL UNIQUE,
        created_at    timestamptz NOT NULL,
        created_by    text        NOT NULL,
        revoked_at    timestamptz,
        revoked_by    text,
        last_used_at  timestamptz
      )`);
    await runner.query('REVOKE ALL ON display_tokens FROM PUBLIC');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE display_tokens');
  }
}
