import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { COOPERATION_STAGES, CooperationStage } from '@luodi/domain';
import { OptionalInstant, OptionalText, RequiredText, Yuan } from '../common/dto-fields';

const DEPARTMENT_CODE = /^[a-z0-9-]{2,40}$/;

export class ProposeCooperationDto {
  /** The proposing enterprise (usually an SME). */
  @IsUUID()
  enterpriseId: string;

  /** What it offers. */
  @RequiredText(2000)
  summary: string;

  /** Where it was proposed, if not at the demand's own event. */
  @IsOptional()
  @IsUUID()
  eventId?: string;

  /** Codes of the departments that follow it; their users see it. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(DEPARTMENT_CODE, { each: true, message: 'each value in departments must be a department code' })
  departments?: string[];

  /** When it was proposed, if not now (not before the demand was published). */
  @OptionalInstant()
  occurredAt?: string;
}

const NEXT_STAGES = COOPERATION_STAGES.filter((s) => s !== 'intent');

export class ChangeCooperationStageDto {
  /** negotiating, trial, signed, delivering or dropped. */
  @IsIn(NEXT_STAGES)
  stage: Exclude<CooperationStage, 'intent'>;

  /** When, if not now: not before the previous stage, never in the future. */
  @OptionalInstant()
  occurredAt?: string;

  /** The signed amount in whole yuan (with `signed` only). */
  @IsOptional()
  @Yuan()
  amountYuan?: number;

  /** Required with `dropped`: why. */
  @OptionalText(2000)
  note?: string;
}

/** The project's fields; every one but the industry chain is prefilled from the cooperation. */
export class CooperationProjectDto {
  /** Default: the demand's title. */
  @IsOptional()
  @RequiredText(200)
  title?: string;

  /** Default: the cooperation's summary. */
  @OptionalText(4000)
  summary?: string;

  /** The industry chain the project belongs to, e.g. 智能家电. */
  @RequiredText(100)
  industryChain: string;

  /** Default: the proposing enterprise's district. */
  @OptionalText(50)
  district?: string;

  /** Default: the signed amount (0 without one). */
  @IsOptional()
  @Yuan()
  investmentYuan?: number;
}
