import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { INPUT_LIMITS } from '@luodi/domain';
import { BusinessDate, OptionalInstant, RequiredText } from '../common/dto-fields';

const DEPARTMENT_CODE = /^[a-z0-9-]{2,40}$/;
const notACode = { message: '$property must be a department code (lower-case letters, digits, hyphens)' };

export class MilestoneDto {
  /**
   * Left out for a new milestone. When a plan is revised, send the id of a milestone of the
   * current plan to keep it (and its completion); milestones left out are dropped.
   */
  @IsOptional()
  @IsUUID()
  milestoneId?: string;

  @RequiredText(INPUT_LIMITS.project.milestoneTitle)
  title: string;

  /** Business date (CST). */
  @BusinessDate()
  dueOn: string;

  /** The department responsible for this milestone. */
  @Matches(DEPARTMENT_CODE, notACode)
  departmentCode: string;

  /** The responsible person. */
  @RequiredText(INPUT_LIMITS.project.milestoneOwner)
  owner: string;
}

/** 一项目一策. Assigning again replaces the plan (a revision); the history keeps every plan. */
export class AssignLandingPlanDto {
  @Matches(DEPARTMENT_CODE, notACode)
  leadDepartment: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.project.supportingDepartments)
  @Matches(DEPARTMENT_CODE, { ...notACode, each: true })
  supportingDepartments?: string[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INPUT_LIMITS.project.milestones)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones: MilestoneDto[];

  @OptionalInstant()
  occurredAt?: string;
}
