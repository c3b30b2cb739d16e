import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NewPassword } from '../users/password-policy';

export class ChangePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  currentPassword: string;

  /** The password policy (password-policy.ts), and not the current password. */
  @NewPassword()
  newPassword: string;
}
