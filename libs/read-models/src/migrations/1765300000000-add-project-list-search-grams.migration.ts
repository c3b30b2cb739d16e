import { MigrationInterface, QueryRunner } from 'typeorm';
import { searchGramsOf } from '../project-list/project-search-grams';

const BATCH = 2_000;

/**
 * project_list.search_grams (see project-search-grams.ts) and its GIN index, so a Chinese `q` (or
 * one with digits) reads the rows holding its characters instead of every row. Such a `q` needs
 * the grams of every row, so the existing rows get theirs here (computed as the projection does,
 * a batch at a time) before the index is built over them.
 */
export class AddProjectListSearchGrams1765300000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_list ADD COLUMN search_grams tsvector NOT NULL DEFAULT ''`);
    for (let after = ''; ;) {
      const rows: Array<{ id: string; title: string; enterprise_name: string; summary: string | null }> =
        await db.query(
          `SELECT id, title, enterprise_name, summary FROM project_list WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
          [after],
        );
      if (rows.length === 0) break;
      const grams = rows.map((r) => ({ id: r.id, grams: searchGramsOf(r.title, r.enterprise_name, r.summary) }));
      await db.query(
        `UPDATE project_list p SET search_grams = g.grams
           FROM jsonb_to_recordset($1::jsonb) AS g(id text, grams tsvector) WHERE p.id = g.id`,
        [JSON.stringify(grams)],
      );
      after = rows[rows.length - 1].id;
    }
    await db.query(`CREATE INDEX project_list_search_grams_idx ON project_list USING gin (search_grams)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_list DROP COLUMN search_grams`);
  }
}
