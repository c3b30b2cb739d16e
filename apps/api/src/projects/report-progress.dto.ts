import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { INPUT_LIMITS } from '@luodi/domain';
import { EvidenceFileIds, OptionalInstant, RequiredText } from '../common/dto-fields';

export class ReportProgressDto {
  /** The milestone reported on; left out, the report is about the project as a whole. */
  @IsOptional()
  @IsUUID()
  milestoneId?: string;

  @RequiredText(INPUT_LIMITS.project.progressNote)
  note: string;

  /** true completes the milestone. */
  @IsOptional()
  @IsBoolean()
  done?: boolean;

  @OptionalInstant()
  occurredAt?: string;

  /** Evidence files (佐证材料) uploaded with `POST /api/files`. */
  @EvidenceFileIds()
  evidenceFileIds?: string[];
}
