import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, CurrentActor } from '../auth/actor';
import { DashboardQueryDto } from '../dashboard/dashboard-query.dto';
import { DepartmentAssignmentsQueryDto } from '../departments/queries/department-assignments.dto';
import { ListProjectsQueryDto } from '../projects/queries/list-projects.dto';
import { ProjectLedgerExport } from './project-ledger.export';
import { PublishedReportExport } from './published-report.export';
import { ReportExports } from './report-exports';
import { XLSX_CONTENT_TYPE } from './xlsx-sheet';

/**
 * Excel (.xlsx) exports of the lists, with the same query and access rules as their JSON routes.
 * Registered before the feature modules so that `/api/projects/export.xlsx` is not taken for a
 * project id by `GET /api/projects/:id`.
 */
@ApiTags('exports')
@ApiProduces(XLSX_CONTENT_TYPE)
@Controller()
export class ExportsController {
  private readonly logger = new Logger(ExportsController.name);

  constructor(
    private readonly ledger: ProjectLedgerExport,
    private readonly reports: ReportExports,
    private readonly publishedReports: PublishedReportExport,
  ) {}

  /** The project 台账: the projects `GET /api/projects` selects with this query, every page, in its order. */
  @Get('projects/export.xlsx')
  projects(@Query() query: ListProjectsQueryDto, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    return this.streamed(res, () => this.ledger.write(query, actor, res));
  }

  /** The department's inbox (`GET /api/departments/:code/assignments`), every page. */
  @Get('departments/:code/assignments/export.xlsx')
  assignments(
    @Param('code') code: string,
    @Query() query: DepartmentAssignmentsQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.streamed(res, () => this.reports.assignments(code, query, res));
  }

  /** The dashboard summary and the landing rate by every grouping, one sheet each, as of `asOf`. */
  @Get('dashboard/export.xlsx')
  dashboard(@Query() query: DashboardQueryDto, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    return this.streamed(res, () => this.reports.dashboard(query, actor, res));
  }

  /** 一企一策: the enterprise, its projects, milestones and needs. */
  @Get('enterprises/:id/dossier/export.xlsx')
  dossier(@Param('id') id: string, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    return this.streamed(res, () => this.reports.dossier(id, actor, res));
  }

  /** A published report (通报): its frozen figures, one sheet per part, with its asOf and knownAt. */
  @Get('reports/:id/export.xlsx')
  report(@Param('id') id: string, @Res() res: Response): Promise<void> {
    return this.streamed(res, () => this.publishedReports.write(id, res));
  }

  /** Before the first byte an error is a problem+json answer; after it, the download is cut off. */
  private async streamed(res: Response, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!res.headersSent) throw error;
      this.logger.error(`Export failed after it started: ${(error as Error).message}`);
      res.destroy(error as Error);
    }
  }
}
