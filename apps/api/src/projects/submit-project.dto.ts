import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { NEED_KINDS, NeedKind } from '@luodi/domain';
import { OptionalInstant, OptionalText, RequiredText, Yuan } from '../common/dto-fields';

export class NeedDto {
  /** land, talent, financing, orders, policy or other (用地、人才、融资、订单、政策、其他). */
  @IsIn(NEED_KINDS)
  kind: NeedKind;

  @RequiredText(1000)
  description: string;
}

export class SubmitProjectDto {
  /** A registered enterprise (`POST /api/enterprises`). */
  @IsUUID()
  enterpriseId: string;

  @RequiredText(200)
  title: string;

  @OptionalText(4000)
  summary?: string;

  /** The industry chain the project belongs to, e.g. 高端装备. */
  @RequiredText(100)
  industryChain: string;

  @OptionalText(50)
  district?: string;

  /** Planned investment in whole yuan. */
  @Yuan()
  investmentYuan: number;

  /** Each need gets an id (see `GET /api/projects/:id`) to resolve it by later. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NeedDto)
  needs?: NeedDto[];

  /** When it was submitted, if not now: past times import history; future ones are refused. */
  @OptionalInstant()
  occurredAt?: string;
}
