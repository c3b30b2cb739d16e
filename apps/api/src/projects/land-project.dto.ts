import { IsOptional } from 'class-validator';
import { BusinessDate, OptionalText, Yuan } from '../common/dto-fields';

/** No occurredAt: the business time follows from `landedOn` (the end of that day, CST). */
export class LandProjectDto {
  @BusinessDate()
  landedOn: string;

  @IsOptional()
  @Yuan()
  actualInvestmentYuan?: number;

  /** What shows it landed: contract signed, construction started, production running. */
  @OptionalText(4000)
  evidence?: string;
}
