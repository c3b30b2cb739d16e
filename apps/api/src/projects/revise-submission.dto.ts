import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { INPUT_LIMITS, NEED_KINDS, NeedKind } from '@luodi/domain';
import { OptionalInstant, OptionalText, RequiredText, Yuan } from '../common/dto-fields';

export class RevisedNeedDto {
  /** Keeps that need (and whether it is resolved); left out, the need is new and gets an id. */
  @IsOptional()
  @IsUUID()
  needId?: string;

  @IsIn(NEED_KINDS)
  kind: NeedKind;

  @RequiredText(INPUT_LIMITS.project.needDescription)
  description: string;
}

/** Every field may be left out (it stays as it is), but at least one must change. */
export class ReviseSubmissionDto {
  @IsOptional()
  @RequiredText(INPUT_LIMITS.project.title)
  title?: string;

  @OptionalText(INPUT_LIMITS.project.summary)
  summary?: string;

  @IsOptional()
  @RequiredText(INPUT_LIMITS.project.industryChain)
  industryChain?: string;

  @OptionalText(INPUT_LIMITS.project.district)
  district?: string;

  /** Planned investment in whole yuan. */
  @IsOptional()
  @Yuan()
  investmentYuan?: number;

  /** Replaces the whole list: send the needs to keep with their needId. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.project.needs)
  @ValidateNested({ each: true })
  @Type(() => RevisedNeedDto)
  needs?: RevisedNeedDto[];

  /** When it was revised, if not now. */
  @OptionalInstant()
  occurredAt?: string;
}
