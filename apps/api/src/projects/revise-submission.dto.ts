import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { NEED_KINDS, NeedKind } from '@luodi/domain';
import { OptionalInstant, OptionalText, RequiredText, Yuan } from '../common/dto-fields';

export class RevisedNeedDto {
  /** Keeps that need (and whether it is resolved); left out, the need is new and gets an id. */
  @IsOptional()
  @IsUUID()
  needId?: string;

  @IsIn(NEED_KINDS)
  kind: NeedKind;

  @RequiredText(1000)
  description: string;
}

/** Every field may be left out (it stays as it is), but at least one must change. */
export class ReviseSubmissionDto {
  @IsOptional()
  @RequiredText(200)
  title?: string;

  @OptionalText(4000)
  summary?: string;

  @IsOptional()
  @RequiredText(100)
  industryChain?: string;

  @OptionalText(50)
  district?: string;

  /** Planned investment in whole yuan. */
  @IsOptional()
  @Yuan()
  investmentYuan?: number;

  /** Replaces the whole list: send the needs to keep with their needId. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RevisedNeedDto)
  needs?: RevisedNeedDto[];

  /** When it was revised, if not now. */
  @OptionalInstant()
  occurredAt?: string;
}
