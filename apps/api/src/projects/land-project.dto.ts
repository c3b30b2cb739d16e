import { IsOptional } from 'class-validator';
import { INPUT_LIMITS } from '@luodi/domain';
import { BusinessDate, OptionalText, Yuan } from '../common/dto-fields';

/** No occurredAt: the business time follows from `landedOn` (the end of that day, CST). */
export class LandProjectDto {
  @BusinessDate()
  landedOn: string;

  @IsOptional()
  @Yuan()
  actualInvestmentYuan?: number;

  /** What shows it landed: contract signed, construction started, production running. */
  @OptionalText(INPUT_LIMITS.project.landingEvidence)
  evidence?: string;
}
