import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { businessDate, endOfBusinessDay, quarterEnds } from '@luodi/domain';
import {
  DashboardFilters,
  DashboardProject,
  dashboardProjects,
  DashboardSummary,
  dashboardSummary,
  landingRates,
  LandingRateRow,
  Page,
} from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/problem';
import { READ_DATA_SOURCE } from '../database/read-database';
import { Actor } from '../auth/actor';
import {
  DashboardProjectsQueryDto,
  DashboardQueryDto,
  LandingRateQueryDto,
  TrendQueryDto,
} from './dashboard-query.dto';

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

/** One point of the trend: the summary at the end of a quarter, and the record-time cut it was counted with. */
export interface TrendPoint {
  asOf: string;
  knownAt: string | null;
  summary: DashboardSummary;
}

export class DashboardTrendQuery extends Query<{ points: TrendPoint[] }> {
  constructor(
    readonly query: TrendQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The summary at each quarter's end, in one request (the web drew the trend with one request per quarter). */
@QueryHandler(DashboardTrendQuery)
export class DashboardTrendHandler implements IQueryHandler<DashboardTrendQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute({ query, actor }: DashboardTrendQuery): Promise<{ points: TrendPoint[] }> {
    if (query.known === 'then' && query.knownAt !== undefined) {
      const message = 'known=then counts each point as reported on its own day; it cannot be combined with knownAt.';
      throw new ApiError('INVALID_INPUT', message, [{ field: 'known', message }]);
    }
    const { asOf, filters } = cohortOf(query, actor);
    const now = Date.now();
    const points = quarterEnds(asOf, query.quarters ?? 8).map((end) => {
      // The end of a day still ahead (today) is not a cut: everything recorded so far counts.
      const endOfDay = endOfBusinessDay(end);
      const knownAt = query.known === 'then' && Date.parse(endOfDay) < now ? endOfDay : filters.knownAt;
      return { asOf: end, knownAt: knownAt ?? null };
    });
    const summaries = await Promise.all(
      points.map((point) =>
        dashboardSummary(this.dataSource, point.asOf, { ...filters, knownAt: point.knownAt ?? undefined }),
      ),
    );
    return { points: points.map((point, i) => ({ ...point, summary: summaries[i] })) };
  }
}

export class DashboardProjectsQuery extends Query<Page<DashboardProject>> {
  constructor(
    readonly query: DashboardProjectsQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The drill-down: the projects behind a KPI or a bar, from the cohort the figure was counted on. */
@QueryHandler(DashboardProjectsQuery)
export class DashboardProjectsHandler implements IQueryHandler<DashboardProjectsQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ query, actor }: DashboardProjectsQuery): Promise<Page<DashboardProject>> {
    if (query.key !== undefined && query.groupBy === undefined) {
      const message = 'key names one bar of a grouping: give groupBy with it.';
      throw new ApiError('INVALID_INPUT', message, [{ field: 'groupBy', message }]);
    }
    const { asOf, filters } = cohortOf(query, actor);
    return dashboardProjects(this.dataSource, asOf, filters, {
      outcome: query.outcome ?? 'library',
      group: query.groupBy === undefined ? undefined : { by: query.groupBy, key: query.key ?? null },
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
    });
  }
}
