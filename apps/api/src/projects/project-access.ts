import { mayActOn, Project, projectErrors } from '@luodi/domain';
import { Actor } from '../auth/actor';

/** Reading a project follows the rule for acting on it (@luodi/domain's mayActOn): department users see their department's projects. */
export function assertProjectAccess(actor: Actor, project: Project): void {
  if (!mayActOn(actor, project)) throw projectErrors.notYourProject();
}

/**
 * The department whose projects a read covers: a department user's own (an empty code matches
 * none), or undefined for every other role, which sees all projects. The queries match it
 * against project_list.departments, which holds departmentsActingOn (@luodi/domain).
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
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'userId')
      .map(([key, v]) => [key, stripUserIds(v)]),
  );
}
