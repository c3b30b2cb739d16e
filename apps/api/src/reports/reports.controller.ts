import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, CommandCtx } from '../common/command-context';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { PageQuery, pageOf } from '../projection/page-query.dto';
import { Page } from '@luodi/read-models';
import { PublishReportDto } from './publish-report.dto';
import { Report, ReportHeader, ReportsService } from './reports.service';

/** Reports (通报): the figures of a month or quarter, frozen at publication. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * Publishes a report for an ended period (taskforce, admin): the summary, landing rates,
   * scorecards, overdue milestones and forecast as of the period's end, known at this moment.
   * 201 with the report.
   */
  @Post()
  publish(@Body() body: PublishReportDto, @CommandCtx() ctx: CommandContext): Promise<Report> {
    return this.reports.publish(body, ctx);
  }

  /** `{items: [{id, kind, period, periodStart, periodEnd, asOf, knownAt, publishedBy}], total, page, pageSize}`, newest first. */
  @Get()
  list(@Query() query: PageQuery): Promise<Page<ReportHeader>> {
    return this.reports.list(pageOf(query));
  }

  /** One report with its frozen figures; `404 REPORT_NOT_FOUND`. */
  @Get(':id')
  get(@Param('id') id: string, @Query() _query: ConsistentReadQuery): Promise<Report> {
    return this.reports.get(id);
  }
}
