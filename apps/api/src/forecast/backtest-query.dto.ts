import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { BACKTEST_STEPS, BacktestStep } from '@luodi/forecast';
import { BusinessDate } from '../common/dto-fields';

export const BACKTEST_KNOWN = ['then', 'now'] as const;
export type BacktestKnown = (typeof BACKTEST_KNOWN)[number];
import { ConsistentReadQuery } from '../common/consistent-read.dto';

/** The as-of dates to test (business dates, `to` not after today) and the horizon. */
export class BacktestQueryDto extends ConsistentReadQuery {
  @BusinessDate()
  from: string;

  @BusinessDate()
  to: string;

  /** How far apart the as-of dates are; default `month`. */
  @IsOptional()
  @IsIn(BACKTEST_STEPS)
  every?: BacktestStep;

  /**
   * Whose forecast each date gets: `then` (default) the one that day showed, from what had been
   * recorded by its end; `now` the one recomputed from what is known today about that day (late
   * reports and imported history included), which tests the method rather than the day's data.
   */
  @IsOptional()
  @IsIn(BACKTEST_KNOWN)
  known?: BacktestKnown;

  /** Days after each as-of date at which the outcome is read; default 365. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  horizonDays?: number;
}
