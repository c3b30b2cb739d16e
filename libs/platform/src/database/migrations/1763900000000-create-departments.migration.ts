import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDepartments1763900000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE departments (
        code       text        PRIMARY KEY,
        name       text        NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE departments');
  }
}
