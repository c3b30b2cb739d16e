import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NewPassword } from '../users/password-policy';

export class ChangePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  currentPassword: string;

  /** At least 8 characters. */
  @NewPassword()
  newPassword: string;
}
