import { IsIn, IsOptional, Matches } from 'class-validator';
import { Role, ROLES } from '../auth/actor';

export class ChangeRoleDto {
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  /** The department of a `department` user; not allowed for other roles. */
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'departmentCode must be 2 to 40 lower-case letters, digits or hyphens' })
  departmentCode?: string;
}
