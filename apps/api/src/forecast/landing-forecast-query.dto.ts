import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DashboardQueryDto } from '../dashboard/dashboard-query.dto';

/** The dashboards' cohort (asOf and filters) plus how far ahead to project. */
export class LandingForecastQueryDto extends DashboardQueryDto {
  /** Days after `asOf` the projection looks ahead; default 365. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  horizonDays?: number;
}
