import { IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { OptionalText, RequiredText } from '../common/dto-fields';

export class CreateDepartmentDto {
  /** Stable code used in plans and by department users, e.g. `industry`, `natural-resources`. */
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'code must be 2 to 40 lower-case letters, digits or hyphens' })
  code: string;

  /** Display name, e.g. 市工业和信息化局. */
  @RequiredText(100)
  name: string;

  /** English name shown in English mode, e.g. Qingdao Municipal Bureau of Industry and Information Technology. */
  @OptionalText(200)
  nameEn?: string;
}

export class NameDepartmentInEnglishDto {
  /** The English name; null or blank clears it (the UI then shows the Chinese name). */
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  nameEn: string | null;
}
