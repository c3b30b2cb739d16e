import { createParamDecorator, ExecutionContext } from '@nestjs/common';

export const ROLES = ['admin', 'taskforce', 'reviewer', 'department', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/** The logged-in user a request acts for; every event it writes names this actor. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  /** Set for role `department`: the department the user works for. */
  departmentCode?: string;
  /** A wall screen's display token (role leader, DISPLAY_ROUTES only), not a user. */
  display?: true;
}

/** The authenticated actor of the request (set by the auth guard). */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().actor,
);
