import { MigrationInterface, QueryRunner } from 'typeorm';
import { fillSearchGrams } from './search-grams-fill';

/**
 * project_list.search_grams (see project-search-grams.ts) and its GIN index, so a Chinese `q` (or
 * one with digits) reads the rows holding its characters instead of every row. Such a `q` needs
 * the grams of every row, so the existing rows get theirs here (computed as the projection does,
 * a batch at a time) before the index is built over them.
 */
export class AddProjectListSearchGrams1765300000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_list ADD COLUMN search_grams tsvector NOT NULL DEFAULT ''`);
    await fillSearchGrams(db);
    await db.query(`CREATE INDEX project_list_search_grams_idx ON project_list USING gin (search_grams)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_list DROP COLUMN search_grams`);
  }
}
