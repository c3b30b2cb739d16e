import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { LandingForecast } from '@luodi/forecast';
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
}
