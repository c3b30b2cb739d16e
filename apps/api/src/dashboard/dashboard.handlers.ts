import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { businessDate } from '@luodi/domain';
import { DashboardFilters, DashboardSummary, dashboardSummary, landingRates, LandingRateRow } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/problem';
import { READ_DATA_SOURCE } from '../database/read-database';
import { Actor } from '../auth/actor';
import { DashboardQueryDto, LandingRateQueryDto } from './dashboard-query.dto';

/** The business date asked for, or today; and the filters, a department user's pinned to their department. */
function cohortOf(query: DashboardQueryDto, actor: Actor): { asOf: string; filters: DashboardFilters } {
  const { industryChain, district, conferenceId } = query;
  const department = actor.role === 'department' ? (actor.departmentCode ?? '') : query.department;
  return {
    asOf: query.asOf ?? businessDate(new Date().toISOString()),
    filters: { industryChain, district, conferenceId, department, knownAt: knownAtOf(query) },
  };
}

/**
 * The record-time cut (UTC ISO), or undefined for "everything recorded". A future one is
 * refused: what will be known then is not known now, so its figures could change later.
 */
export function knownAtOf(query: Pick<DashboardQueryDto, 'knownAt'>): string | undefined {
  if (query.knownAt === undefined) return undefined;
  const knownAt = new Date(query.knownAt);
  if (knownAt.getTime() > Date.now()) {
    const message = `knownAt ${query.knownAt} is in the future; only what has been recorded can be counted.`;
    throw new ApiError('KNOWN_AT_IN_FUTURE', message, [{ field: 'knownAt', message }]);
  }
  return knownAt.toISOString();
}

export class DashboardSummaryQuery extends Query<DashboardSummary> {
  constructor(
    readonly query: DashboardQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(DashboardSummaryQuery)
export class DashboardSummaryHandler implements IQueryHandler<DashboardSummaryQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ query, actor }: DashboardSummaryQuery): Promise<DashboardSummary> {
    const { asOf, filters } = cohortOf(query, actor);
    return dashboardSummary(this.dataSource, asOf, filters);
  }
}

export class LandingRatesQuery extends Query<LandingRateRow[]> {
  constructor(
    readonly query: LandingRateQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(LandingRatesQuery)
export class LandingRatesHandler implements IQueryHandler<LandingRatesQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ query, actor }: LandingRatesQuery): Promise<LandingRateRow[]> {
    const { asOf, filters } = cohortOf(query, actor);
    return landingRates(this.dataSource, query.groupBy, asOf, filters);
  }
}
