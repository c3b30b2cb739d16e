import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { INPUT_LIMITS, NEED_KINDS, NeedKind } from '@luodi/domain';
import { OptionalInstant, OptionalText, RequiredText, Yuan } from '../common/dto-fields';

export class NeedDto {
  /** land, talent, financing, orders, policy or other (用地、人才、融资、订单、政策、其他). */
  @IsIn(NEED_KINDS)
  kind: NeedKind;

  @RequiredText(INPUT_LIMITS.project.needDescription)
  description: string;
}

export class SubmitProjectDto {
  /** A registered enterprise (`POST /api/enterprises`). */
  @IsUUID()
  enterpriseId: string;

  @RequiredText(INPUT_LIMITS.project.title)
  title: string;

  @OptionalText(INPUT_LIMITS.project.summary)
  summary?: string;

  /** The industry chain the project belongs to, e.g. 高端装备. */
  @RequiredText(INPUT_LIMITS.project.industryChain)
  industryChain: string;

  @OptionalText(INPUT_LIMITS.project.district)
  district?: string;

  /** Planned investment in whole yuan. */
  @Yuan()
  investmentYuan: number;

  /** Each need gets an id (see `GET /api/projects/:id`) to resolve it by later. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.project.needs)
  @ValidateNested({ each: true })
  @Type(() => NeedDto)
  needs?: NeedDto[];

  /** When it was submitted, if not now: past times import history; future ones are refused. */
  @OptionalInstant()
  occurredAt?: string;
}
