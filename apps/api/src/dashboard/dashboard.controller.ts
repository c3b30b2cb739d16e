import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { DashboardProject, DashboardSummary, LandingRateRow, Page } from '@luodi/read-models';
import { Actor, CurrentActor } from '../auth/actor';
import {
  DashboardProjectsQueryDto,
  DashboardQueryDto,
  LandingRateQueryDto,
  TrendQueryDto,
} from './dashboard-query.dto';
import {
  DashboardProjectsQuery,
  DashboardSummaryQuery,
  DashboardTrendQuery,
  LandingRatesQuery,
  TrendPoint,
} from './dashboard.handlers';

/**
 * Dashboards as they stood at the end of any day (`asOf`, CST). The library is every project
 * ever approved (withdrawn ones included); landingRate = landed / inLibrary.
 */
@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly queries: QueryBus) {}

  /** `{asOf, projects, inLibrary, landed, withdrawn, landingRate, investmentYuan, landedInvestmentYuan, byStatus}`. */
  @Get('summary')
  summary(@Query() query: DashboardQueryDto, @CurrentActor() actor: Actor): Promise<DashboardSummary> {
    return this.queries.execute(new DashboardSummaryQuery(query, actor));
  }

  /** `[{key, label, inLibrary, landed, landingRate}]` per conference, industry chain, lead department or district. */
  @Get('landing-rate')
  landingRate(@Query() query: LandingRateQueryDto, @CurrentActor() actor: Actor): Promise<LandingRateRow[]> {
    return this.queries.execute(new LandingRatesQuery(query, actor));
  }

  /** `{points: [{asOf, knownAt, summary}]}`: the summary at the end of each of the last `quarters` quarters, oldest first. */
  @Get('trend')
  trend(@Query() query: TrendQueryDto, @CurrentActor() actor: Actor): Promise<{ points: TrendPoint[] }> {
    return this.queries.execute(new DashboardTrendQuery(query, actor));
  }

  /** `{items: [{projectId, title, enterpriseName, status, industryChain, district, department, conferenceId, landedOn, investmentYuan}], total, page, pageSize}`: the projects behind a figure. */
  @Get('projects')
  projects(@Query() query: DashboardProjectsQueryDto, @CurrentActor() actor: Actor): Promise<Page<DashboardProject>> {
    return this.queries.execute(new DashboardProjectsQuery(query, actor));
  }
}
