import { INPUT_LIMITS } from '@luodi/domain';
import { BusinessDate, OptionalText, RequiredText } from '../common/dto-fields';

export class ScheduleConferenceDto {
  /** e.g. 第三届民营经济创意会. */
  @RequiredText(INPUT_LIMITS.conference.title)
  title: string;

  @OptionalText(INPUT_LIMITS.conference.theme)
  theme?: string;

  /** The theme shown in English mode, e.g. Ocean economy; without it English mode shows `theme`. */
  @OptionalText(INPUT_LIMITS.conference.theme)
  themeEn?: string;

  /** The conference day (CST); it may lie ahead. */
  @BusinessDate()
  heldOn: string;
}
