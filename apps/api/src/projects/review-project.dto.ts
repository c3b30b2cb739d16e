import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { INPUT_LIMITS, REVIEW_VERDICTS, ReviewVerdict } from '@luodi/domain';
import { OptionalInstant, OptionalText } from '../common/dto-fields';

/** The three review principles, each a whole number from 0 to 100; a blank one is named as missing, not as a bad number. */
export class ReviewScoresDto {
  /** 创意好: a good idea. */
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(INPUT_LIMITS.project.scoreMax)
  idea: number;

  /** 论证实: solid validation. */
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(INPUT_LIMITS.project.scoreMax)
  validation: number;

  /** 可落地: it can land. */
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(INPUT_LIMITS.project.scoreMax)
  feasibility: number;
}

export class ReviewProjectDto {
  /** approved (enters the library), rejected, or revise (stays submitted). */
  @IsIn(REVIEW_VERDICTS)
  verdict: ReviewVerdict;

  @IsObject()
  @ValidateNested()
  @Type(() => ReviewScoresDto)
  scores: ReviewScoresDto;

  @OptionalText(INPUT_LIMITS.project.reviewComment)
  comment?: string;

  @OptionalInstant()
  occurredAt?: string;
}
