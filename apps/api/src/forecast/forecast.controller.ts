import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { LandingForecast } from '@luodi/forecast';
import { BacktestQueryDto } from './backtest-query.dto';
import { LandingBacktestAnswer, LandingBacktestQuery } from './landing-backtest.handler';
import { LandingForecastQueryDto } from './landing-forecast-query.dto';
import { LandingForecastQuery } from './landing-forecast.handler';

@ApiTags('forecast')
@Controller('forecast')
export class ForecastController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * The landing rate with its Wilson interval, the Aalen–Johansen curve of landing (withdrawal
   * competing, open projects censored at asOf), and the projected landings within `horizonDays`
   * with exact Poisson-binomial 80%/95% intervals. `n`, `method` and `warnings` say what the
   * numbers rest on: small cohorts are normal here and are never hidden.
   */
  @Get('landing')
  landing(@Query() query: LandingForecastQueryDto): Promise<LandingForecast> {
    return this.queries.execute(new LandingForecastQuery(query));
  }

  /**
   * How the forecast did: for each as-of date from `from` to `to` (`every` month or quarter),
   * the forecast that day showed (knownAt = its end) against the landings by the horizon, and
   * the share of dates whose 80% and 95% intervals held them.
   */
  @Get('backtest')
  backtest(@Query() query: BacktestQueryDto): Promise<LandingBacktestAnswer> {
    return this.queries.execute(new LandingBacktestQuery(query));
  }
}
