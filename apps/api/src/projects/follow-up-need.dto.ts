import { IsIn } from 'class-validator';
import { INPUT_LIMITS, Satisfaction, SATISFACTION_LEVELS } from '@luodi/domain';
import { EvidenceFileIds, OptionalInstant, OptionalText } from '../common/dto-fields';

/** 回访 of a resolved need: how satisfied the enterprise is; `unsatisfied` reopens the need (退回重办). */
export class FollowUpNeedDto {
  @IsIn(SATISFACTION_LEVELS)
  satisfaction: Satisfaction;

  /** What the enterprise said. */
  @OptionalText(INPUT_LIMITS.project.followUpComment)
  comment?: string;

  @OptionalInstant()
  occurredAt?: string;

  /** Evidence files (佐证材料) uploaded with `POST /api/files`, e.g. the signed 回访 record. */
  @EvidenceFileIds()
  evidenceFileIds?: string[];
}
