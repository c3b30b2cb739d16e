import { NewPassword } from './password-policy';

export class ResetPasswordDto {
  /** The user's new password (see password-policy.ts); the user's existing tokens stop working. */
  @NewPassword()
  password: string;
}
