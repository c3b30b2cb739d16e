import { IsIn, IsOptional } from 'class-validator';
import { ENTERPRISE_TIERS, EnterpriseTier } from '@luodi/domain';
import { OptionalText, RequiredText } from '../common/dto-fields';

export class RegisterEnterpriseDto {
  @RequiredText(200)
  name: string;

  /** 统一社会信用代码: 18 characters with a valid check character. */
  @OptionalText(18)
  creditCode?: string;

  @OptionalText(50)
  district?: string;

  /** 专精特新 level; `none` when left out. */
  @IsOptional()
  @IsIn(ENTERPRISE_TIERS)
  tier?: EnterpriseTier;
}
