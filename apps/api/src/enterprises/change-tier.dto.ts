import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ENTERPRISE_TIERS, EnterpriseTier } from '@luodi/domain';
import { BusinessDate } from '../common/dto-fields';

export class ChangeTierDto {
  /** none (小微), municipal, provincial or national (专精特新"小巨人"). */
  @IsIn(ENTERPRISE_TIERS)
  tier: EnterpriseTier;

  /** The day it is held from (CST): in the past or today, never in the future. */
  @BusinessDate()
  since: string;

  /** Ids of the recognition documents. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  evidenceFileIds?: string[];
}
