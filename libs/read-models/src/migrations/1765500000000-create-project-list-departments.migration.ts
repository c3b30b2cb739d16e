import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * project_list_departments (project-list-department.entity.ts); the index on project_id is for the
 * writer, which replaces a project's rows by it. Filled from the stored project_list rows by the
 * next projector to start (fillEmptyDerivedReadModels), or by a rebuild.
 */
export class CreateProjectListDepartments1765500000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE project_list_departments (
        department text NOT NULL,
        project_id text NOT NULL,
        PRIMARY KEY (department, project_id)
      )`);
    await db.query(`CREATE INDEX project_list_departments_project_idx ON project_list_departments (project_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE project_list_departments`);
  }
}
