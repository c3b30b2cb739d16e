import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * project_list.search_pinyin: the full pinyin and the initials of the title and of the enterprise
 * name (lowercase, toneless, space-separated), so `q=gangsheng` or `q=gs` finds 港晟. The
 * projection computes it (pinyin-pro), SQL cannot. Existing rows get '' here and are filled by the
 * next rebuild (POST /api/admin/rebuild or npm run rebuild); until then pinyin finds only new rows.
 */
export class AddProjectListSearchPinyin1765000000002 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_list ADD COLUMN search_pinyin text NOT NULL DEFAULT ''`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_list DROP COLUMN search_pinyin`);
  }
}
