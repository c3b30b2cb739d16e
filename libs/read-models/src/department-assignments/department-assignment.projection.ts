import { ProjectDossierRow } from '../project-dossier/project-dossier.entity';
import { ProjectListRow } from '../project-list/project-list.entity';
import { DepartmentAssignmentRow } from './department-assignment.entity';

/**
 * A project's inbox rows follow from its list row (title, status, enterprise) and its dossier
 * row (the plan in force): no event logic of their own, so they cannot drift from either.
 */
export function departmentAssignmentsOf(project: ProjectListRow | null, dossier: ProjectDossierRow | null): DepartmentAssignmentRow[] {
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
