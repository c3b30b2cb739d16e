import { IsIn, IsOptional } from 'class-validator';
import { ENTERPRISE_TIERS, EnterpriseTier, INPUT_LIMITS } from '@luodi/domain';
import { OptionalText, RequiredText } from '../common/dto-fields';

export class RegisterEnterpriseDto {
  @RequiredText(INPUT_LIMITS.enterprise.name)
  name: string;

  /** 统一社会信用代码: 18 characters with a valid check character. */
  @OptionalText(INPUT_LIMITS.enterprise.creditCode)
  creditCode?: string;

  @OptionalText(INPUT_LIMITS.enterprise.district)
  district?: string;

  /** 专精特新 level; `none` when left out. */
  @IsOptional()
  @IsIn(ENTERPRISE_TIERS)
  tier?: EnterpriseTier;
}
