import { MigrationInterface, QueryRunner } from 'typeorm';

/** conference_list: the English theme, shown in English mode (null: the Chinese theme is shown). */
export class AddConferenceListThemeEn1765119400000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conference_list ADD COLUMN theme_en text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conference_list DROP COLUMN theme_en`);
  }
}
