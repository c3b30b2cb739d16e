import { NewPassword } from './password-policy';

export class ResetPasswordDto {
  /** The user's new password (at least 8 characters); the user's existing tokens stop working. */
  @NewPassword()
  password: string;
}
