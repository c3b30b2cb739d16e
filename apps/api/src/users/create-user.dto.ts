import { IsEmail, IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { Role, ROLES } from '../auth/actor';
import { NewPassword } from './password-policy';

export class CreateUserDto {
  /** 2 to 64 letters, digits or `._@-`; unique regardless of case. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/, {
    message: 'username must be 2 to 64 letters, digits or . _ @ - (starting with a letter or digit)',
  })
  username: string;

  /** At least 10 characters, hard to guess, not containing the username (see password-policy.ts). */
  @NewPassword()
  password: string;

  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  /** The department (`POST /api/departments`) of a `department` user; not allowed for other roles. */
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'departmentCode must be 2 to 40 lower-case letters, digits or hyphens' })
  departmentCode?: string;

  /** Where notifications are e-mailed (with LUODI_SMTP_URL set); absent: not by e-mail. */
  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;
}
