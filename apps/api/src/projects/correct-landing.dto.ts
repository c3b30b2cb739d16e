import { Equals, IsOptional } from 'class-validator';
import { INPUT_LIMITS } from '@luodi/domain';
import { BusinessDate, RequiredText } from '../common/dto-fields';

/** Exactly one of `landedOn` and `revoke` (the decider says so when both or neither are sent). */
export class CorrectLandingDto {
  /** Why the recorded landing was wrong (kept in the project's history). */
  @RequiredText(INPUT_LIMITS.project.correctionReason)
  reason: string;

  /** The right landing date (CST). */
  @IsOptional()
  @BusinessDate()
  landedOn?: string;

  /** true: the project has not landed after all; it goes back to its landing plan. */
  @IsOptional()
  @Equals(true, { message: 'revoke must be true when sent' })
  revoke?: true;
}
