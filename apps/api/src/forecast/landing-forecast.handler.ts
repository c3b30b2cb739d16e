import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { businessDate } from '@luodi/domain';
import { LandingForecast, landingForecastOfCounts } from '@luodi/forecast';
import { libraryFollowUps } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/problem';
import { knownAtOf } from '../dashboard/dashboard.handlers';
import { READ_DATA_SOURCE } from '../database/read-database';
import { LandingForecastQueryDto } from './landing-forecast-query.dto';

export class LandingForecastQuery extends Query<LandingForecast> {
  constructor(readonly query: LandingForecastQueryDto) {
    super();
  }
}

/**
 * Computed from the dashboard facts (one query for the cohort), never by replaying events.
 * A future asOf is refused: open projects would be censored at a day not yet reached, which
 * overstates their follow-up and so the curve.
 */
@QueryHandler(LandingForecastQuery)
export class LandingForecastHandler implements IQueryHandler<LandingForecastQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute({ query }: LandingForecastQuery): Promise<LandingForecast> {
    const today = businessDate(new Date().toISOString());
    const asOf = query.asOf ?? today;
    if (asOf > today) {
      const message = `asOf ${asOf} is after today (${today}); a forecast starts from what is known.`;
      throw new ApiError('AS_OF_IN_FUTURE', message, [{ field: 'asOf', message }]);
    }
    const { industryChain, district, conferenceId, department } = query;
    // Counted in SQL (O(days) rows), not one row per library project.
    const counts = await libraryFollowUps(this.dataSource, asOf, {
      industryChain,
      district,
      conferenceId,
      department,
      knownAt: knownAtOf(query),
    });
    return landingForecastOfCounts({ asOf, horizonDays: query.horizonDays ?? 365, counts });
  }
}
