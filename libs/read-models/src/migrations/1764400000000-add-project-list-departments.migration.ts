import { departmentsActingOn } from '@luodi/domain';
import type { PlanDepartments } from '@luodi/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * project_list.departments: the departments that may act on the project, as @luodi/domain's
 * departmentsActingOn answers for the plan in force, so the department filters of the queries
 * match one column instead of restating the rule in SQL. Existing rows are filled from the
 * dossiers' plans with that same function (in a rebuild's shadow schema the tables are empty).
 */
export class AddProjectListDepartments1764400000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_list ADD COLUMN departments text[] NOT NULL DEFAULT '{}'`);
    const plans: Array<{ id: string; plan: PlanDepartments }> = await db.query(
      `SELECT project_id AS id, plan FROM project_dossiers WHERE plan IS NOT NULL`,
    );
    if (plans.length > 0) {
      const departments = Object.fromEntries(plans.map(({ id, plan }) => [id, departmentsActingOn(plan)]));
      await db.query(
        `UPDATE project_list p SET departments = ARRAY(SELECT jsonb_array_elements_text(v.value)) FROM jsonb_each($1::jsonb) v WHERE p.id = v.key`,
        [JSON.stringify(departments)],
      );
    }
    await db.query(`ALTER TABLE project_list ALTER COLUMN departments DROP DEFAULT`);
    await db.query(`CREATE INDEX project_list_departments_idx ON project_list USING gin (departments)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE project_list DROP COLUMN departments`);
  }
}
