import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { BACKTEST_STEPS, BacktestStep } from '@luodi/forecast';
import { BusinessDate } from '../common/dto-fields';
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

  /** Days after each as-of date at which the outcome is read; default 365. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  horizonDays?: number;
}
