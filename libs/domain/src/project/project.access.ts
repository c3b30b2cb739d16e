import { UserRole } from '../kernel/user-role';
import { LandingPlan, PlannedMilestone } from './project.events';
import { Project } from './project.state';

/** Who a plan names: the landing plan in force as the events, the state or a read model hold it. */
export type PlanDepartments = Pick<LandingPlan, 'leadDepartment' | 'supportingDepartments'> & {
  milestones: readonly Pick<PlannedMilestone, 'departmentCode'>[];
};

/** The user asking to act; only a department user's department matters. */
export interface ActingUser {
  role: UserRole;
  departmentCode?: string;
}

/**
 * The departments that may act on a project (see it, resolve its needs, report on it): those
 * the landing plan in force names as lead, as supporting, or as the owner of a milestone; none
 * before a plan. The one statement of this rule: the deciders call it, and the read models store
 * its answer (project_list.departments) for the queries to filter on.
 */
export function departmentsActingOn(plan: PlanDepartments | null): string[] {
  if (plan === null) return [];
  return [
    ...new Set([plan.leadDepartment, ...plan.supportingDepartments, ...plan.milestones.map((m) => m.departmentCode)]),
  ];
}

/** Department users act only on their department's projects (see departmentsActingOn); every other role on all. */
export function mayActOn(user: ActingUser, project: Project): boolean {
  if (user.role !== 'department') return true;
  return user.departmentCode !== undefined && departmentsActingOn(project.plan).includes(user.departmentCode);
}
