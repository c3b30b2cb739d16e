import { INPUT_LIMITS } from '@luodi/domain';
import { EvidenceFileIds, OptionalInstant, RequiredText } from '../common/dto-fields';

export class ResolveNeedDto {
  /** How the need was met, e.g. 已供应 50 亩工业用地. */
  @RequiredText(INPUT_LIMITS.project.needResolution)
  resolution: string;

  @OptionalInstant()
  occurredAt?: string;

  /** Evidence files (佐证材料) uploaded with `POST /api/files`. */
  @EvidenceFileIds()
  evidenceFileIds?: string[];
}
