import { IsBoolean, IsOptional } from 'class-validator';
import { INPUT_LIMITS } from '@luodi/domain';
import { BusinessDate, EvidenceFileIds, OptionalText, Yuan } from '../common/dto-fields';

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

  /**
   * true lands the project even though milestones are not done or needs not resolved (otherwise
   * `409 LANDING_HAS_OPEN_ITEMS` lists them); the items confirmed are recorded in the event.
   */
  @IsOptional()
  @IsBoolean()
  confirmOpenItems?: boolean;

  /** Evidence files (佐证材料) uploaded with `POST /api/files`. */
  @EvidenceFileIds()
  evidenceFileIds?: string[];
}
