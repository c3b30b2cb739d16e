import { ValidateIf, IsString, MaxLength } from 'class-validator';
import { OptionalText, RequiredText } from '../common/dto-fields';

export class AddIndustryChainDto {
  /** The Chinese name projects are filed under (their `industryChain`), e.g. 氢能. */
  @RequiredText(100)
  name: string;

  /** The English name shown in English mode, e.g. Hydrogen energy. */
  @OptionalText(100)
  nameEn?: string;
}

export class NameIndustryChainInEnglishDto {
  /** The English name; null or blank clears it (the UI then shows the Chinese name). */
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  nameEn: string | null;
}
