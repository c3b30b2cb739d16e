import { Role, ROLES } from './actor';

/**
 * Who may call what: every route of the API, in one table a reader can check at a glance.
 *
 * Key: `'<METHOD> <full path pattern>'` exactly as Nest routes it, global prefix included, e.g.
 * `'POST /api/projects/:id/reviews'`. Value, one of:
 * - `PUBLIC`: anyone, no token needed;
 * - a list of roles: a valid token of one of these roles;
 * - `{ roles, departmentParam }`: as a list, and a `department` user may only name their own
 *   department in the path parameter `departmentParam` (403 NOT_YOUR_DEPARTMENT otherwise).
 *
 * The access guard refuses any route missing here (403 NO_ACCESS_RULE, and an error in the
 * log), and the authorization matrix test fails for it, so a new endpoint cannot slip out
 * unguarded. Leaders read everything and write nothing but 批示 (a 督办单) and their own account
 * (the password, the notifications read): only GET routes, POST supervision-notices and those
 * list 'leader'.
 * Finer rules that depend on the data — a department user works only on projects their
 * department is part of — are applied where the data is (handlers, queries) and are named in a
 * comment on the route's line.
 */
export const PUBLIC = 'public' as const;

export const ALL_ROLES: readonly Role[] = ROLES;

export interface DepartmentScopedRule {
  roles: readonly Role[];
  /** The path parameter holding a department code. */
  departmentParam: string;
}

export type AccessRule = typeof PUBLIC | readonly Role[] | DepartmentScopedRule;

/**
 * What a wall screen's display token (role leader, apps/api/src/display) may read: the
 * dashboards and the reference data they are labelled with. Every other route refuses it
 * (403 DISPLAY_TOKEN_SCOPE), writes included.
 */
export const DISPLAY_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/auth/me',
  'GET /api/dashboard/summary',
  'GET /api/dashboard/landing-rate',
  'GET /api/dashboard/trend',
  'GET /api/forecast/landing',
  'GET /api/departments',
  'GET /api/conferences',
]);

export const ACCESS_POLICY: Record<string, AccessRule> = {
  'GET /api/health': PUBLIC,
  'POST /api/departments': ['admin'],
  'PATCH /api/departments/:code': ['admin'],
  'GET /api/departments': ALL_ROLES,
  'POST /api/industry-chains': ['admin'],
  'PATCH /api/industry-chains/:name': ['admin'],
  'GET /api/industry-chains': ALL_ROLES,
  'POST /api/enterprises': ['admin', 'taskforce'],
  'PATCH /api/enterprises/:id': ['admin', 'taskforce'],
  'GET /api/enterprises/:id': ALL_ROLES,
  'POST /api/conferences': ['admin', 'taskforce'],
  'PATCH /api/conferences/:id': ['admin', 'taskforce'],
  'GET /api/conferences/:id': ALL_ROLES,
  'POST /api/projects': ['admin', 'taskforce'],
  'POST /api/projects/:id/reviews': ['admin', 'taskforce', 'reviewer'],
  // Correcting the submission is the task force's, as submitting is; reviewers judge it, never edit it.
  'PATCH /api/projects/:id/submission': ['admin', 'taskforce'],
  'POST /api/projects/:id/presentations': ['admin', 'taskforce'],
  'POST /api/projects/:id/assignments': ['admin', 'taskforce'],
  // department: only on their own department's milestones and projects (the decider checks).
  'POST /api/projects/:id/progress': ['admin', 'taskforce', 'department'],
  // department: only on projects their department is assigned to (the handler checks).
  'POST /api/projects/:id/needs/:needId/resolution': ['admin', 'taskforce', 'department'],
  'POST /api/projects/:id/landing': ['admin', 'taskforce'],
  'POST /api/projects/:id/withdrawal': ['admin', 'taskforce'],
  'POST /api/projects/:id/landing-correction': ['admin', 'taskforce'],
  // 回访 is the task force asking the enterprise; the departments are the ones followed up.
  'POST /api/projects/:id/needs/:needId/follow-up': ['admin', 'taskforce'],
  // Evidence is uploaded by those who report progress, resolve needs and land projects.
  'POST /api/files': ['admin', 'taskforce', 'department'],
  // Under the rules of the project it is attached to (unattached: its uploader only; the service checks).
  'GET /api/files/:fileId': ALL_ROLES,
  'GET /api/projects/:id/evidence': ALL_ROLES,
  // department: only projects their department is assigned to, else 403 NOT_YOUR_PROJECT.
  'GET /api/projects/:id': ALL_ROLES,
  'GET /api/projects/:id/history': ALL_ROLES,
  // department: only projects their department is part of (the query forces the filter).
  'GET /api/projects': ALL_ROLES,
  // The exports: as their JSON routes, with the same data rules (department users: their own projects).
  'GET /api/projects/export.xlsx': ALL_ROLES,
  'GET /api/departments/:code/assignments/export.xlsx': {
    roles: ['admin', 'taskforce', 'leader', 'department'],
    departmentParam: 'code',
  },
  'GET /api/enterprises/:id/dossier/export.xlsx': ALL_ROLES,
  'GET /api/dashboard/export.xlsx': ['admin', 'taskforce', 'leader', 'department'],
  // A historical 台账 in: as the commands it replays (submit, present, assign, land, withdraw).
  'GET /api/imports/projects/template.xlsx': ['admin', 'taskforce'],
  'POST /api/imports/projects': ['admin', 'taskforce'],
  'GET /api/departments/:code/assignments': {
    roles: ['admin', 'taskforce', 'leader', 'department'],
    departmentParam: 'code',
  },
  'GET /api/enterprises': ALL_ROLES,
  // department: only the projects their department is part of (the query filters them).
  'GET /api/enterprises/:id/dossier': ALL_ROLES,
  'GET /api/conferences': ALL_ROLES,
  // department: always their own department's figures (the query forces the filter).
  'GET /api/dashboard/summary': ['admin', 'taskforce', 'leader', 'department'],
  'GET /api/dashboard/landing-rate': ['admin', 'taskforce', 'leader', 'department'],
  'GET /api/dashboard/trend': ['admin', 'taskforce', 'leader', 'department'],
  'GET /api/dashboard/projects': ['admin', 'taskforce', 'leader', 'department'],
  'GET /api/forecast/landing': ['admin', 'taskforce', 'leader'],
  'GET /api/forecast/backtest': ['admin', 'taskforce', 'leader'],
  // Departments are ranked openly (the 通报 is sent to them); the items behind a department's figures are its own.
  'GET /api/scorecards/departments': ['admin', 'taskforce', 'leader', 'department'],
  'GET /api/scorecards/departments/:code/items': {
    roles: ['admin', 'taskforce', 'leader', 'department'],
    departmentParam: 'code',
  },
  'GET /api/settings/scorecard-weights': ['admin', 'taskforce', 'leader', 'department'],
  'PUT /api/settings/scorecard-weights': ['admin'],
  'POST /api/reports': ['admin', 'taskforce'],
  // A report (通报) is circulated to every department, names of projects and overdue items included, as the task force's are.
  'GET /api/reports': ['admin', 'taskforce', 'leader', 'department'],
  'GET /api/reports/:id': ['admin', 'taskforce', 'leader', 'department'],
  'GET /api/reports/:id/export.xlsx': ['admin', 'taskforce', 'leader', 'department'],
  // Everyone's own notifications only (the query names the caller's department and role).
  'GET /api/notifications': ALL_ROLES,
  'POST /api/notifications/:id/read': ALL_ROLES,
  'POST /api/users/:id/email': ['admin'],
  'POST /api/webhooks': ['admin'],
  'GET /api/webhooks': ['admin'],
  'GET /api/webhooks/:id/deliveries': ['admin'],
  'POST /api/enterprises/:id/tier': ['admin', 'taskforce'],
  'POST /api/matchmaking-events': ['admin', 'taskforce'],
  'GET /api/matchmaking-events': ALL_ROLES,
  'GET /api/matchmaking-events/:id': ALL_ROLES,
  'POST /api/demands': ['admin', 'taskforce'],
  'GET /api/demands': ALL_ROLES,
  'GET /api/demands/:id': ALL_ROLES,
  'POST /api/demands/:id/proposals': ['admin', 'taskforce'],
  // department: only the cooperations their department follows (the query filters, the handler checks).
  'GET /api/cooperations': ['admin', 'taskforce', 'leader', 'department'],
  'GET /api/cooperations/:id': ['admin', 'taskforce', 'leader', 'department'],
  'POST /api/cooperations/:id/stage': ['admin', 'taskforce'],
  'POST /api/cooperations/:id/project': ['admin', 'taskforce'],
  'GET /api/dashboard/matchmaking': ['admin', 'taskforce', 'leader'],
  'GET /api/dashboard/tiers': ['admin', 'taskforce', 'leader'],
  'GET /api/settings/supervision': ALL_ROLES,
  'PUT /api/settings/supervision': ['admin'],
  // leader: only level "supervision" (批示; the decider checks).
  'POST /api/projects/:id/supervision-notices': ['admin', 'taskforce', 'leader'],
  // department: only their own department's notices, else 403 NOT_YOUR_NOTICE (the decider checks).
  'POST /api/supervision-notices/:noticeId/acknowledgement': ['admin', 'taskforce', 'department'],
  'POST /api/supervision-notices/:noticeId/response': ['admin', 'taskforce', 'department'],
  // department: only their own department's notices (the filter is forced).
  'GET /api/supervision-notices': ['admin', 'taskforce', 'leader', 'department'],
  // department: only projects their department is part of, else 403 NOT_YOUR_PROJECT.
  'GET /api/projects/:id/supervision': ALL_ROLES,
  // department: always their own department's milestones (the filter is forced).
  'GET /api/dashboard/supervision': ['admin', 'taskforce', 'leader', 'department'],
  // department: always their own department's milestones (the filter is forced).
  'GET /api/supervision/overdue': ['admin', 'taskforce', 'leader', 'department'],
  'POST /api/admin/rebuild': ['admin'],
  'GET /api/admin/rebuild': ['admin'],
  'GET /api/audit-log': ['admin'],

  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/me': ALL_ROLES,
  'POST /api/display-tokens': ['admin'],
  'GET /api/display-tokens': ['admin'],
  'POST /api/display-tokens/:id/revoke': ['admin'],
  'POST /api/auth/password': ALL_ROLES,

  'POST /api/users': ['admin'],
  'GET /api/users': ['admin'],
  'POST /api/users/:id/disable': ['admin'],
  'POST /api/users/:id/enable': ['admin'],
  'POST /api/users/:id/password': ['admin'],
  'POST /api/users/:id/role': ['admin'],
};

/** The roles a rule admits (none for PUBLIC, which needs no role). */
export function rolesOf(rule: AccessRule): readonly Role[] {
  if (rule === PUBLIC) return [];
  return 'roles' in rule ? rule.roles : (rule as readonly Role[]);
}
