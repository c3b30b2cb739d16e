import type { ProjectStatus } from '@luodi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { dateColumn, instantColumn, textColumn } from '../column-types';

/**
 * A department's inbox: one row per milestone of a landing plan in force, filed under the
 * department responsible for it. Overdue and due-soon are worked out when read (they depend on
 * today), so the rows depend on the events alone.
 */
@Entity({ name: 'department_assignments' })
export class DepartmentAssignmentRow {
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  @PrimaryColumn({ name: 'milestone_id', type: 'text' })
  milestoneId: string;

  @Column(textColumn('department_code'))
  departmentCode: string;

  /** `lead` when the department leads the project's plan, else `supporting`. */
  @Column(textColumn('role'))
  role: 'lead' | 'supporting';

  @Column(textColumn('project_title'))
  projectTitle: string;

  @Column(textColumn('project_status'))
  projectStatus: ProjectStatus;

  @Column(textColumn('enterprise_id'))
  enterpriseId: string;

  @Column(textColumn('enterprise_name'))
  enterpriseName: string;

  @Column(textColumn('title'))
  title: string;

  @Column(dateColumn('due_on', false))
  dueOn: string;

  @Column(textColumn('owner'))
  owner: string;

  @Column({ name: 'done', type: 'boolean' })
  done: boolean;

  @Column(instantColumn('done_at'))
  doneAt: string | null;
}
