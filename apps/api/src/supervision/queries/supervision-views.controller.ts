import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  businessDate,
  ItemWarning,
  ladderOfProject,
  projectDecider,
  projectErrors,
  projectStream,
  SupervisionNotice,
} from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import {
  listOverdueMilestones,
  OverdueMilestone,
  Page,
  SupervisionDashboard,
  supervisionDashboard,
} from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { Actor, CurrentActor } from '../../auth/actor';
import { readAggregate } from '../../common/event-sourced';
import { EVENT_STORE } from '../../database/database.module';
import { READ_DATA_SOURCE } from '../../database/read-database';
import { assertProjectAccess, departmentScopeOf } from '../../projects/project-access';
import { SupervisionSettingsStore } from '../supervision-settings';
import { pageOf } from '../../projection/page-query.dto';
import { LadderQueryDto, OverdueMilestonesQueryDto, SupervisionDashboardQueryDto } from './supervision-views.dto';

export interface ProjectSupervision {
  asOf: string;
  items: ItemWarning[];
  notices: SupervisionNotice[];
}

/** The warning ladder where items are shown: one project (its milestones and needs), and the dashboard's counts. */
@ApiTags('supervision')
@Controller()
export class SupervisionViewsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly settings: SupervisionSettingsStore,
  ) {}

  /** Folded from the project's stream (always current). Department users: their projects only (403 NOT_YOUR_PROJECT). */
  @Get('projects/:id/supervision')
  async project(
    @Param('id') id: string,
    @Query() query: LadderQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProjectSupervision> {
    const { state } = await readAggregate(this.store, projectStream(id), projectDecider);
    if (state === null) throw projectErrors.notFound();
    assertProjectAccess(actor, state);
    const asOf = query.asOf ?? businessDate(new Date().toISOString());
    return { asOf, items: ladderOfProject(state, asOf, await this.settings.current()), notices: state.notices ?? [] };
  }

  /** Open milestones per colour on `asOf`, and the escalated ones (the leader's view). */
  @Get('dashboard/supervision')
  async dashboard(
    @Query() query: SupervisionDashboardQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<SupervisionDashboard> {
    const asOf = query.asOf ?? businessDate(new Date().toISOString());
    return supervisionDashboard(
      this.dataSource,
      asOf,
      await this.settings.current(),
      departmentScopeOf(actor) ?? query.department,
    );
  }

  /** Every overdue milestone across departments, the longest overdue first (the task force's list). */
  @Get('supervision/overdue')
  overdue(@Query() query: OverdueMilestonesQueryDto, @CurrentActor() actor: Actor): Promise<Page<OverdueMilestone>> {
    return listOverdueMilestones(
      this.dataSource,
      departmentScopeOf(actor) ?? query.department,
      pageOf(query),
      businessDate(new Date().toISOString()),
    );
  }
}
