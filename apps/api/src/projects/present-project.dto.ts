import { IsUUID } from 'class-validator';
import { OptionalInstant } from '../common/dto-fields';

export class PresentProjectDto {
  /** A scheduled conference (`POST /api/conferences`). */
  @IsUUID()
  conferenceId: string;

  @OptionalInstant()
  occurredAt?: string;
}
