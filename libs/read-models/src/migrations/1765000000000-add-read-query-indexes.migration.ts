import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes in the order the pages are read, so a page is a short index walk instead of a sort of
 * every row: the project list by investment (`sort=-investmentYuan`; by update time it already
 * has project_list_updated_idx), and a department's inbox of projects being worked (done, due,
 * title, milestone: the inbox's ORDER BY), partial on the one status the inbox lists.
 */
export class AddReadQueryIndexes1765000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX project_list_investment_idx ON project_list (investment_yuan DESC, id)`);
    await db.query(
      `CREATE INDEX department_assignments_inbox_idx ON department_assignments (department_code, done, due_on, project_title, milestone_id) WHERE project_status = 'assigned'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX department_assignments_inbox_idx`);
    await db.query(`DROP INDEX project_list_investment_idx`);
  }
}
