import { RequiredText } from '../common/dto-fields';

export class CreateDisplayTokenDto {
  /** Where the screen hangs, e.g. 专班指挥大厅 1 号屏; shown in the list and the audit log. */
  @RequiredText(100)
  name: string;
}
