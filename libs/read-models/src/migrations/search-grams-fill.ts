import { QueryRunner } from 'typeorm';
import { searchGramsOf } from '../project-list/project-search-grams';

const BATCH = 2_000;

/**
 * Gives every stored project_list row its search_grams as the projection computes them (from
 * title, enterprise name, summary and the stored search_pinyin), a batch at a time: a change to
 * what the grams hold needs them for the rows stored before it.
 */
export async function fillSearchGrams(db: QueryRunner): Promise<void> {
  for (let after = ''; ;) {
    const rows: Array<{
      id: string;
      title: string;
      enterprise_name: string;
      summary: string | null;
      search_pinyin: string;
    }> = await db.query(
      `SELECT id, title, enterprise_name, summary, search_pinyin FROM project_list WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    const grams = rows.map((r) => ({
      id: r.id,
      grams: searchGramsOf(r.title, r.enterprise_name, r.summary, r.search_pinyin),
    }));
    await db.query(
      `UPDATE project_list p SET search_grams = g.grams
         FROM jsonb_to_recordset($1::jsonb) AS g(id text, grams tsvector) WHERE p.id = g.id`,
      [JSON.stringify(grams)],
    );
    after = rows[rows.length - 1].id;
  }
}
