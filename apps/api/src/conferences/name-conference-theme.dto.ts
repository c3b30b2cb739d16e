import { INPUT_LIMITS } from '@luodi/domain';
import { IsString, MaxLength, ValidateIf } from 'class-validator';

export class NameConferenceThemeInEnglishDto {
  /** The English theme; null or blank clears it (English mode then shows the Chinese theme). */
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(INPUT_LIMITS.conference.theme)
  themeEn: string | null;
}
