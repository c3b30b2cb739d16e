import { CreateReadModels1764100000000 } from '../migrations/1764100000000-create-read-models.migration';
import { AddReadQueryIndexes1765000000000 } from '../migrations/1765000000000-add-read-query-indexes.migration';
import { ProjectDossierRow } from '../project-dossier/project-dossier.entity';
import { projectDossier } from '../project-dossier/project-dossier.projection';
import { ProjectListRow } from '../project-list/project-list.entity';
import { projectList } from '../project-list/project-list.projection';
import { DerivedProjection } from '../projector/projection';
import { DepartmentAssignmentRow } from './department-assignment.entity';

/**
 * A project's inbox rows follow from its list row (title, status, enterprise) and its dossier
 * row (the plan in force): no event logic of their own, so they cannot drift from either.
 */
export function departmentAssignmentsOf(
  project: ProjectListRow | null,
  dossier: ProjectDossierRow | null,
): DepartmentAssignmentRow[] {
  if (!project || !dossier?.plan) return [];
  const { plan } = dossier;
  return plan.milestones.map((m) => ({
    projectId: project.id,
    milestoneId: m.milestoneId,
    departmentCode: m.departmentCode,
    role: m.departmentCode === plan.leadDepartment ? 'lead' : 'supporting',
    projectTitle: project.title,
    projectStatus: project.status,
    enterpriseId: project.enterpriseId,
    enterpriseName: project.enterpriseName,
    title: m.title,
    dueOn: m.dueOn,
    owner: m.owner,
    done: m.done,
    doneAt: m.doneAt,
  }));
}

/** `department_assignments`: rewritten for a project whenever its list or dossier row changes. */
export const departmentAssignments: DerivedProjection<
  DepartmentAssignmentRow,
  readonly [typeof projectList, typeof projectDossier]
> = {
  kind: 'derived',
  name: 'department-assignments',
  entity: DepartmentAssignmentRow,
  groupBy: 'projectId',
  migrations: [CreateReadModels1764100000000, AddReadQueryIndexes1765000000000],
  sources: [projectList, projectDossier],
  derive: departmentAssignmentsOf,
};
