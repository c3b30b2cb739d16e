import { IsEmail, MaxLength, ValidateIf } from 'class-validator';

export class SetEmailDto {
  /** Where the user's notifications are e-mailed; null: no longer by e-mail. */
  @ValidateIf((_, value) => value !== null)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address or null' })
  email: string | null;
}
