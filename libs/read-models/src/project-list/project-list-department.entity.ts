import { Entity, PrimaryColumn } from 'typeorm';

/**
 * project_list.departments one row each (project-list-departments.projection.ts), so a
 * department's projects are counted from this table's primary key alone: through the array's GIN
 * index every one of them is a row of the wide project_list to read (a large department's total
 * took over 100 ms at 100,000 projects, against a few here).
 */
@Entity({ name: 'project_list_departments' })
export class ProjectListDepartmentRow {
  @PrimaryColumn({ name: 'department', type: 'text' })
  department: string;

  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;
}
