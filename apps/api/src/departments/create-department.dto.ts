import { Matches } from 'class-validator';
import { RequiredText } from '../common/dto-fields';

export class CreateDepartmentDto {
  /** Stable code used in plans and by department users, e.g. `industry`, `natural-resources`. */
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'code must be 2 to 40 lower-case letters, digits or hyphens' })
  code: string;

  /** Display name, e.g. 市工业和信息化局. */
  @RequiredText(100)
  name: string;
}
