import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * See CreditCodeRegistry: one row per unified social credit code, naming the enterprise that
 * registered it. The primary key is what makes a second registration of a code fail, also when
 * two race. Filled from the enterprises the PostgreSQL event store already holds.
 */
export class CreateEnterpriseCreditCodes1764300000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE enterprise_credit_codes (
        credit_code   text        PRIMARY KEY,
        enterprise_id text        NOT NULL,
        reserved_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      INSERT INTO enterprise_credit_codes (credit_code, enterprise_id)
      SELECT data->>'creditCode', data->>'enterpriseId' FROM events
       WHERE type = 'EnterpriseRegistered' AND data->>'creditCode' IS NOT NULL
       ORDER BY global_position
      ON CONFLICT (credit_code) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE enterprise_credit_codes');
  }
}
