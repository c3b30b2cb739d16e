import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CooperationItem, DemandBoardItem, MatchmakingEventItem, Page, TierLadderCounts } from '@luodi/read-models';
import { Actor, CurrentActor } from '../../auth/actor';
import { ConsistentReadQuery } from '../../common/consistent-read.dto';
import {
  ListCooperationsQueryDto,
  ListDemandsQueryDto,
  MatchmakingDashboardQueryDto,
  TierDashboardQueryDto,
} from './matchmaking-queries.dto';
import {
  ListCooperationsQuery,
  ListDemandsQuery,
  ListMatchmakingEventsQuery,
  MatchmakingDashboard,
  MatchmakingDashboardQuery,
  TierDashboardQuery,
} from './matchmaking-queries.handler';

@ApiTags('matchmaking')
@Controller()
export class MatchmakingQueriesController {
  constructor(private readonly queries: QueryBus) {}

  /** Every matchmaking event, the latest first, with its demands, proposals and signed cooperations. */
  @Get('matchmaking-events')
  events(@Query() _query: ConsistentReadQuery): Promise<MatchmakingEventItem[]> {
    return this.queries.execute(new ListMatchmakingEventsQuery());
  }

  /** The demand board, newest first, filtered by category, publisher, event and `q`. */
  @Get('demands')
  demands(@Query() query: ListDemandsQueryDto): Promise<Page<DemandBoardItem>> {
    return this.queries.execute(new ListDemandsQuery(query));
  }

  /** The cooperations, oldest proposal first; department users see those their department follows. */
  @Get('cooperations')
  cooperations(@Query() query: ListCooperationsQueryDto, @CurrentActor() actor: Actor): Promise<Page<CooperationItem>> {
    return this.queries.execute(new ListCooperationsQuery(query, actor));
  }

  /** Demands, proposals, signed, conversion (Wilson), signed amount and response time per event, category, publisher or tier. */
  @Get('dashboard/matchmaking')
  dashboard(@Query() query: MatchmakingDashboardQueryDto): Promise<MatchmakingDashboard> {
    return this.queries.execute(new MatchmakingDashboardQuery(query));
  }

  /** Enterprises per tier and district, and upgrades per year, as of a date. */
  @Get('dashboard/tiers')
  tiers(@Query() query: TierDashboardQueryDto): Promise<TierLadderCounts> {
    return this.queries.execute(new TierDashboardQuery(query));
  }
}
