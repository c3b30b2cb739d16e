import { Project } from '@luodi/domain';
import { Actor } from '../auth/actor';
import { ApiError } from '../common/problem';

/**
 * Department users see and work only the projects their department is part of: it leads or
 * supports the current landing plan, or owns one of its milestones. Every other role sees all.
 */
export function assertProjectAccess(actor: Actor, project: Project): void {
  if (actor.role !== 'department') return;
  const plan = project.plan;
  const own = actor.departmentCode;
  const involved =
    plan !== null &&
    own !== undefined &&
    (plan.leadDepartment === own || plan.supportingDepartments.includes(own) || plan.milestones.some((m) => m.departmentCode === own));
  if (!involved) throw new ApiError('NOT_YOUR_PROJECT', 'Department users can only see and work on projects their department is assigned to.');
}

/**
 * The department whose projects a read covers: a department user's own (an empty code matches
 * none), or undefined for every other role, which sees all projects.
 */
export function departmentScopeOf(actor: Actor): string | undefined {
  return actor.role === 'department' ? (actor.departmentCode ?? '') : undefined;
}

/**
 * A project's facts as `actor` may read them: user ids (of reviewers and reporters, recorded in
 * the events) are for administrators only; other roles see usernames and roles. An id is half
 * of what a forged token needs, and no other role has a use for it.
 */
export function withoutUserIds<T>(actor: Actor, value: T): T {
  return actor.role === 'admin' ? value : (stripUserIds(value) as T);
}

function stripUserIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUserIds);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'userId').map(([key, v]) => [key, stripUserIds(v)]));
}
