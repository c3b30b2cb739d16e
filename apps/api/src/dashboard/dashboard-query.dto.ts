import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  DASHBOARD_OUTCOMES,
  DashboardOutcome,
  LANDING_RATE_GROUPS,
  LandingRateGroup,
  MAX_PAGE_SIZE,
} from '@luodi/read-models';
import { INPUT_LIMITS } from '@luodi/domain';
import { BusinessDate, OptionalInstant, OptionalText } from '../common/dto-fields';
import { ConsistentReadQuery } from '../common/consistent-read.dto';

export class DashboardQueryDto extends ConsistentReadQuery {
  /** The dashboard as it stood at the end of this day (CST); default today. */
  @IsOptional()
  @BusinessDate()
  asOf?: string;

  /**
   * Count only what was recorded at or before this instant (record time); default now.
   * `asOf=D&knownAt=<end of D>` is the dashboard exactly as it was shown on day D.
   */
  @OptionalInstant()
  knownAt?: string;

  @OptionalText(INPUT_LIMITS.project.industryChain)
  industryChain?: string;

  @OptionalText(100)
  district?: string;

  /** Projects presented at this conference (by asOf). */
  @OptionalText(100)
  conferenceId?: string;

  /** Projects this department leads (by asOf). Department users: always their own. */
  @OptionalText(40)
  department?: string;
}

export class LandingRateQueryDto extends DashboardQueryDto {
  @IsIn(LANDING_RATE_GROUPS)
  groupBy: LandingRateGroup;
}

export class TrendQueryDto extends DashboardQueryDto {
  /** How many quarters, the current one (ending at asOf) included; default 8. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  quarters?: number;

  /**
   * `then`: each point as reported at the end of its own day (knownAt = end of that day), the
   * trend as leaders saw it quarter by quarter; `now` (default): what is known today.
   */
  @IsOptional()
  @IsIn(['now', 'then'])
  known?: 'now' | 'then';
}

/** The projects behind a dashboard figure: the cohort query, which of its projects, and a page. */
export class DashboardProjectsQueryDto extends DashboardQueryDto {
  /** library (入库), landed, withdrawn or open (in the library, neither landed nor withdrawn); default library. */
  @IsOptional()
  @IsIn(DASHBOARD_OUTCOMES)
  outcome?: DashboardOutcome;

  /** One bar of `GET /api/dashboard/landing-rate?groupBy=`: the one with `key`, or without one (the "—" bar) when no key is given. */
  @IsOptional()
  @IsIn(LANDING_RATE_GROUPS)
  groupBy?: LandingRateGroup;

  /** The bar's key (a conference id, chain, department code or district); only with groupBy. */
  @OptionalText(100)
  key?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
