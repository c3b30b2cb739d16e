import { NOTIFICATION_KINDS, NotificationKind } from '@luodi/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { OptionalText, RequiredText } from '../common/dto-fields';
import { WEBHOOK_KINDS, WebhookKind } from './channel-requests';

export class RegisterWebhookDto {
  @RequiredText(100)
  name: string;

  @IsIn(WEBHOOK_KINDS, { message: `kind must be one of ${WEBHOOK_KINDS.join(', ')}` })
  kind: WebhookKind;

  /** http(s), not this API itself (checked by the service, which knows where the API listens). */
  @IsString()
  @MaxLength(2000)
  url: string;

  /** The robot's signing secret (DingTalk 加签, Feishu 签名校验) or the generic HMAC key; required for those kinds. */
  @OptionalText(200)
  secret?: string;

  /** Only the notifications about this department; absent: all. */
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'departmentCode must be 2 to 40 lower-case letters, digits or hyphens' })
  departmentCode?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ArrayUnique()
  @IsIn(NOTIFICATION_KINDS, { each: true, message: `each of events must be one of ${NOTIFICATION_KINDS.join(', ')}` })
  events: NotificationKind[];
}
