import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { businessDate } from '@luodi/domain';
import { ProportionEstimate, wilsonInterval } from '@luodi/forecast';
import {
  CooperationItem,
  DemandBoardItem,
  listCooperations,
  listDemands,
  listMatchmakingEvents,
  MatchmakingCounts,
  matchmakingDashboardOf,
  MatchmakingDashboardCounts,
  MatchmakingEventItem,
  matchmakingFacts,
  MatchmakingGroupRow,
  Page,
  TierLadderCounts,
  tierLadder,
} from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { Actor } from '../../auth/actor';
import { pageOf } from '../../projection/page-query.dto';
import { departmentScopeOf } from '../../projects/project-access';
import {
  ListCooperationsQueryDto,
  ListDemandsQueryDto,
  MatchmakingDashboardQueryDto,
  TierDashboardQueryDto,
} from './matchmaking-queries.dto';

export class ListMatchmakingEventsQuery extends Query<MatchmakingEventItem[]> {}

@QueryHandler(ListMatchmakingEventsQuery)
export class ListMatchmakingEventsHandler implements IQueryHandler<ListMatchmakingEventsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute(): Promise<MatchmakingEventItem[]> {
    return listMatchmakingEvents(this.dataSource);
  }
}

export class ListDemandsQuery extends Query<Page<DemandBoardItem>> {
  constructor(readonly query: ListDemandsQueryDto) {
    super();
  }
}

@QueryHandler(ListDemandsQuery)
export class ListDemandsHandler implements IQueryHandler<ListDemandsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ query }: ListDemandsQuery): Promise<Page<DemandBoardItem>> {
    const { q, category, publisherId, eventId } = query;
    return listDemands(this.dataSource, { q, category, publisherId, eventId }, pageOf(query));
  }
}

export class ListCooperationsQuery extends Query<Page<CooperationItem>> {
  constructor(
    readonly query: ListCooperationsQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(ListCooperationsQuery)
export class ListCooperationsHandler implements IQueryHandler<ListCooperationsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ query, actor }: ListCooperationsQuery): Promise<Page<CooperationItem>> {
    const { demandId, eventId, enterpriseId, publisherId, stage } = query;
    // Department users see the cooperations their department follows.
    return listCooperations(
      this.dataSource,
      { demandId, eventId, enterpriseId, publisherId, stage, department: departmentScopeOf(actor) },
      pageOf(query),
    );
  }
}

/** Counts with the conversion rate signed / proposals and its 95% Wilson interval. */
export type WithConversion<T extends MatchmakingCounts> = T & { conversion: ProportionEstimate };
export type MatchmakingDashboard = Omit<MatchmakingDashboardCounts, 'totals' | 'rows'> & {
  totals: WithConversion<MatchmakingCounts>;
  rows: Array<WithConversion<MatchmakingGroupRow>>;
};

const withConversion = <T extends MatchmakingCounts>(counts: T): WithConversion<T> => ({
  ...counts,
  conversion: wilsonInterval(counts.signed, counts.proposals),
});

export class MatchmakingDashboardQuery extends Query<MatchmakingDashboard> {
  constructor(readonly query: MatchmakingDashboardQueryDto) {
    super();
  }
}

@QueryHandler(MatchmakingDashboardQuery)
export class MatchmakingDashboardHandler implements IQueryHandler<MatchmakingDashboardQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ query }: MatchmakingDashboardQuery): Promise<MatchmakingDashboard> {
    const now = new Date().toISOString();
    const counts = matchmakingDashboardOf(
      await matchmakingFacts(this.dataSource),
      query.asOf ?? businessDate(now),
      query.knownAt ?? now,
      query.groupBy,
    );
    return { ...counts, totals: withConversion(counts.totals), rows: counts.rows.map(withConversion) };
  }
}

export class TierDashboardQuery extends Query<TierLadderCounts> {
  constructor(readonly query: TierDashboardQueryDto) {
    super();
  }
}

@QueryHandler(TierDashboardQuery)
export class TierDashboardHandler implements IQueryHandler<TierDashboardQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ query }: TierDashboardQuery): Promise<TierLadderCounts> {
    return tierLadder(this.dataSource, query.asOf ?? businessDate(new Date().toISOString()));
  }
}
