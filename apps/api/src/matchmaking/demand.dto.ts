import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DEMAND_CATEGORIES, DemandCategory } from '@luodi/domain';
import { BusinessDate, OptionalInstant, OptionalText, RequiredText, Yuan } from '../common/dto-fields';

export class PublishDemandDto {
  /** The enterprise that needs it (a registered enterprise, usually a chain leader). */
  @IsUUID()
  publisherId: string;

  /** One of the twelve categories (rnd 技术研发, procurement 采购订单, components 产品配套, ...; see docs/api.md). */
  @IsIn(DEMAND_CATEGORIES)
  category: DemandCategory;

  @RequiredText(200)
  title: string;

  @OptionalText(4000)
  description?: string;

  @IsOptional()
  @Yuan()
  budgetYuan?: number;

  /** By when the publisher wants it (CST), not before the day of publication. */
  @IsOptional()
  @BusinessDate()
  deadline?: string;

  /** The matchmaking event it is published at. */
  @IsOptional()
  @IsUUID()
  eventId?: string;

  /** When it was published, if not now. */
  @OptionalInstant()
  occurredAt?: string;
}
