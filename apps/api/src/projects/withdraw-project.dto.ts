import { OptionalInstant, RequiredText } from '../common/dto-fields';

export class WithdrawProjectDto {
  @RequiredText(4000)
  reason: string;

  @OptionalInstant()
  occurredAt?: string;
}
