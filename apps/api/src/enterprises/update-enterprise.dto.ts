import { IsIn, IsOptional, ValidateBy } from 'class-validator';
import { ENTERPRISE_TIERS, EnterpriseTier, INPUT_LIMITS } from '@luodi/domain';
import { OptionalInstant, OptionalText, RequiredText } from '../common/dto-fields';

/** Every field may be left out (it stays as it is), but at least one must change. */
export class UpdateEnterpriseDto {
  @IsOptional()
  @RequiredText(INPUT_LIMITS.enterprise.name)
  name?: string;

  @OptionalText(INPUT_LIMITS.enterprise.district)
  district?: string;

  /** 专精特新 level. */
  @IsOptional()
  @IsIn(ENTERPRISE_TIERS)
  tier?: EnterpriseTier;

  /**
   * Always refused, with its own message rather than "should not exist": the code identifies the
   * legal entity and is reserved as unique at registration, so it is fixed there.
   */
  @ValidateBy({
    name: 'isFixedAtRegistration',
    validator: {
      validate: (value: unknown) => value === undefined,
      defaultMessage: () => 'creditCode cannot be changed: the unified social credit code is fixed at registration',
    },
  })
  creditCode?: never;

  /** When it changed, if not now. */
  @OptionalInstant()
  occurredAt?: string;
}
