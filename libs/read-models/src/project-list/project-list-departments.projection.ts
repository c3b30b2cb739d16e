import { CreateProjectListDepartments1765500000000 } from '../migrations/1765500000000-create-project-list-departments.migration';
import { DerivedProjection } from '../projector/projection';
import { ProjectListDepartmentRow } from './project-list-department.entity';
import { projectList } from './project-list.projection';

/** Each department that may act on a project (project_list.departments: departmentsActingOn, no repeats), a row each. */
export const projectListDepartments: DerivedProjection<ProjectListDepartmentRow, readonly [typeof projectList]> = {
  kind: 'derived',
  name: 'project-list-departments',
  entity: ProjectListDepartmentRow,
  groupBy: 'projectId',
  migrations: [CreateProjectListDepartments1765500000000],
  sources: [projectList],
  derive: (row) => (row ? row.departments.map((department) => ({ department, projectId: row.id })) : []),
};
