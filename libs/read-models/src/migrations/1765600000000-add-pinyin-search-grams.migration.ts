import { MigrationInterface, QueryRunner } from 'typeorm';
import { fillSearchGrams } from './search-grams-fill';

/**
 * project_list.search_grams gains the grams of search_pinyin (see project-search-grams.ts), so a
 * `q` of letters only (maybe pinyin) reads the rows holding its pairs instead of every row: the
 * stored rows get theirs here.
 */
export class AddPinyinSearchGrams1765600000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await fillSearchGrams(db);
  }

  async down(): Promise<void> {
    // The grams of the pinyin do no harm to a version that does not search by them.
  }
}
