import { BusinessDate, OptionalText, RequiredText } from '../common/dto-fields';

export class ScheduleConferenceDto {
  /** e.g. 第三届民营经济创意会. */
  @RequiredText(200)
  title: string;

  @OptionalText(200)
  theme?: string;

  /** The conference day (CST); it may lie ahead. */
  @BusinessDate()
  heldOn: string;
}
