/** The roles of the HTTP API (see docs/api.md, Authentication and roles). Deciders only see them when a rule depends on who acts. */
export const USER_ROLES = ['admin', 'taskforce', 'reviewer', 'department', 'leader'] as const;
export type UserRole = (typeof USER_ROLES)[number];
