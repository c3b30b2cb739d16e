import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { COOPERATION_STAGES, CooperationStage, DEMAND_CATEGORIES, DemandCategory } from '@luodi/domain';
import { MATCHMAKING_GROUPS, MatchmakingGroup } from '@luodi/read-models';
import { BusinessDate, OptionalInstant, OptionalText } from '../../common/dto-fields';
import { ConsistentReadQuery } from '../../common/consistent-read.dto';
import { PageQuery } from '../../projection/page-query.dto';

export class ListDemandsQueryDto extends PageQuery {
  /** Matches any part of the title, description or publisher's name. */
  @OptionalText(200)
  q?: string;

  @IsOptional()
  @IsIn(DEMAND_CATEGORIES)
  category?: DemandCategory;

  @IsOptional()
  @IsUUID()
  publisherId?: string;

  @IsOptional()
  @IsUUID()
  eventId?: string;
}

export class ListCooperationsQueryDto extends PageQuery {
  @IsOptional()
  @IsUUID()
  demandId?: string;

  @IsOptional()
  @IsUUID()
  eventId?: string;

  /** The proposing enterprise. */
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @IsOptional()
  @IsUUID()
  publisherId?: string;

  @IsOptional()
  @IsIn(COOPERATION_STAGES)
  stage?: CooperationStage;
}

export class MatchmakingDashboardQueryDto extends ConsistentReadQuery {
  /** As it stood at the end of this day (CST); default today. */
  @IsOptional()
  @BusinessDate()
  asOf?: string;

  /** As the log stood at this instant (facts recorded later are left out); default now. */
  @OptionalInstant()
  knownAt?: string;

  @IsIn(MATCHMAKING_GROUPS)
  groupBy: MatchmakingGroup;
}

export class TierDashboardQueryDto extends ConsistentReadQuery {
  @IsOptional()
  @BusinessDate()
  asOf?: string;
}
