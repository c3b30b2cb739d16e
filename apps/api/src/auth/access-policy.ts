import { Role, ROLES } from './actor';

/**
 * Who may call what: every route of the API, in one table a reader can check at a glance.
 * The auth guard refuses any route missing here (so a new endpoint without a rule fails the
 * authorization matrix test). Finer rules — a department user sees only their department — are
 * applied where the data is (handlers, deciders, queries) and are named in a comment here.
 */
export const PUBLIC = 'public' as const;

export const ALL_ROLES: readonly Role[] = ROLES;

export const ACCESS_POLICY: Record<string, typeof PUBLIC | readonly Role[]> = {
  'GET /api/health': PUBLIC,
};
