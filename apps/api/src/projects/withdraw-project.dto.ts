import { INPUT_LIMITS } from '@luodi/domain';
import { OptionalInstant, RequiredText } from '../common/dto-fields';

export class WithdrawProjectDto {
  @RequiredText(INPUT_LIMITS.project.withdrawalReason)
  reason: string;

  @OptionalInstant()
  occurredAt?: string;
}
