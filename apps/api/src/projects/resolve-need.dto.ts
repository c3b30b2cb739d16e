import { OptionalInstant, RequiredText } from '../common/dto-fields';

export class ResolveNeedDto {
  /** How the need was met, e.g. 已供应 50 亩工业用地. */
  @RequiredText(4000)
  resolution: string;

  @OptionalInstant()
  occurredAt?: string;
}
