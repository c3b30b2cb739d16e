import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { businessDate, endOfBusinessDay } from '@luodi/domain';
import {
  addDays,
  BacktestInput,
  BacktestStep,
  backtestDates,
  LandingBacktest,
  landingBacktest,
  landingForecastOfCounts,
} from '@luodi/forecast';
import { libraryFollowUps, libraryOutcome } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/problem';
import { READ_DATA_SOURCE } from '../database/read-database';
import { BacktestKnown, BacktestQueryDto } from './backtest-query.dto';

/** Ten years of months: each date costs two scans of the dashboard facts. */
export const BACKTEST_MAX_DATES = 120;

export interface LandingBacktestAnswer extends LandingBacktest {
  from: string;
  to: string;
  every: BacktestStep;
  known: BacktestKnown;
  today: string;
}

export class LandingBacktestQuery extends Query<LandingBacktestAnswer> {
  constructor(readonly query: BacktestQueryDto) {
    super();
  }
}

/**
 * Each date's forecast is the one that day showed: the library as of the date, as known at
 * its end (or, with `known=now`, as known today). Its outcome is what we know now: the library at the date (as known now), landed by
 * the date plus the horizon.
 */
/** As-of dates read concurrently (two queries each). */
const BACKTEST_DATES_AT_ONCE = 3;

@QueryHandler(LandingBacktestQuery)
export class LandingBacktestHandler implements IQueryHandler<LandingBacktestQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute({ query }: LandingBacktestQuery): Promise<LandingBacktestAnswer> {
    const today = businessDate(new Date().toISOString());
    const { from, to } = query;
    const every = query.every ?? 'month';
    const horizonDays = query.horizonDays ?? 365;
    const known = query.known ?? 'then';
    const refuse = (field: string, message: string, code: 'PERIOD_REVERSED' | 'AS_OF_IN_FUTURE' | 'INVALID_INPUT') => {
      throw new ApiError(code, message, [{ field, message }]);
    };
    if (to < from) refuse('to', `The dates end (${to}) before they start (${from}).`, 'PERIOD_REVERSED');
    if (to > today)
      refuse(
        'to',
        `to ${to} is after today (${today}); a backtest looks at forecasts made in the past.`,
        'AS_OF_IN_FUTURE',
      );
    const dates = backtestDates(from, to, every);
    if (dates.length > BACKTEST_MAX_DATES)
      refuse('from', `${dates.length} as-of dates; at most ${BACKTEST_MAX_DATES} per request.`, 'INVALID_INPUT');

    const point = async (asOf: string): Promise<BacktestInput> => {
      const horizonEnd = addDays(asOf, horizonDays);
      const [counts, actual] = await Promise.all([
        libraryFollowUps(this.dataSource, asOf, known === 'then' ? { knownAt: endOfBusinessDay(asOf) } : {}),
        horizonEnd <= today ? libraryOutcome(this.dataSource, asOf, horizonEnd) : null,
      ]);
      return { asOf, forecast: landingForecastOfCounts({ asOf, horizonDays, counts }), actual };
    };
    // A few dates at a time: the dashboard waits on this request, and one request must not take the whole pool.
    const points: BacktestInput[] = [];
    for (let i = 0; i < dates.length; i += BACKTEST_DATES_AT_ONCE)
      points.push(...(await Promise.all(dates.slice(i, i + BACKTEST_DATES_AT_ONCE).map(point))));
    return { from, to, every, known, today, ...landingBacktest({ horizonDays, today, points }) };
  }
}
