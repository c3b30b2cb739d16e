import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, CurrentActor } from '../auth/actor';
import { CommandContext, CommandCtx } from '../common/command-context';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { CommandAccepted } from '../common/event-sourced';
import { AssignLandingPlanDto } from './assign-landing-plan.dto';
import { AssignLandingPlanCommand } from './assign-landing-plan.handler';
import { GetProjectHistoryQuery, ProjectHistory } from './get-project-history.handler';
import { GetProjectQuery, ProjectView } from './get-project.handler';
import { LandProjectDto } from './land-project.dto';
import { LandProjectCommand } from './land-project.handler';
import { PresentProjectDto } from './present-project.dto';
import { PresentProjectCommand } from './present-project.handler';
import { ReportProgressDto } from './report-progress.dto';
import { ReportProgressCommand } from './report-progress.handler';
import { ResolveNeedDto } from './resolve-need.dto';
import { ResolveNeedCommand } from './resolve-need.handler';
import { ReviseSubmissionDto } from './revise-submission.dto';
import { ReviseSubmissionCommand } from './revise-submission.handler';
import { ReviewProjectDto } from './review-project.dto';
import { ReviewProjectCommand } from './review-project.handler';
import { SubmitProjectDto } from './submit-project.dto';
import { SubmitProjectCommand } from './submit-project.handler';
import { WithdrawProjectDto } from './withdraw-project.dto';
import { WithdrawProjectCommand } from './withdraw-project.handler';

/**
 * The project lifecycle. Submitting creates a project (201); every other command appends to an
 * existing one (200). Commands that record a new fact (a review, a landing) POST it; correcting
 * the submission's own fields is a PATCH of it. All answer `{id, version, position}`. `GET /api/projects` (the list) is a
 * read-model query, served elsewhere; the two reads here fold the project's own stream.
 */
@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  submit(@Body() body: SubmitProjectDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new SubmitProjectCommand(body, ctx));
  }

  @Post(':id/reviews')
  @HttpCode(200)
  review(@Param('id') id: string, @Body() body: ReviewProjectDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new ReviewProjectCommand(id, body, ctx));
  }

  /** Corrects the submission while it is under review; fields left out stay as they are. */
  @Patch(':id/submission')
  reviseSubmission(@Param('id') id: string, @Body() body: ReviseSubmissionDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new ReviseSubmissionCommand(id, body, ctx));
  }

  @Post(':id/presentations')
  @HttpCode(200)
  present(@Param('id') id: string, @Body() body: PresentProjectDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new PresentProjectCommand(id, body, ctx));
  }

  @Post(':id/assignments')
  @HttpCode(200)
  assign(@Param('id') id: string, @Body() body: AssignLandingPlanDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new AssignLandingPlanCommand(id, body, ctx));
  }

  @Post(':id/progress')
  @HttpCode(200)
  reportProgress(@Param('id') id: string, @Body() body: ReportProgressDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new ReportProgressCommand(id, body, ctx));
  }

  @Post(':id/needs/:needId/resolution')
  @HttpCode(200)
  resolveNeed(
    @Param('id') id: string,
    @Param('needId') needId: string,
    @Body() body: ResolveNeedDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(new ResolveNeedCommand(id, needId, body, ctx));
  }

  @Post(':id/landing')
  @HttpCode(200)
  land(@Param('id') id: string, @Body() body: LandProjectDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new LandProjectCommand(id, body, ctx));
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  withdraw(@Param('id') id: string, @Body() body: WithdrawProjectDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new WithdrawProjectCommand(id, body, ctx));
  }

  /** Current state with `version` (also sent as the ETag, ready for If-Match). */
  @Get(':id')
  async get(
    @Param('id') id: string,
    @Query() _query: ConsistentReadQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const project = await this.queries.execute(new GetProjectQuery(id, actor));
    response.setHeader('ETag', `"${project.version}"`);
    return project;
  }

  /** Every event of the project, oldest first, with business time, record time and actor. */
  @Get(':id/history')
  history(@Param('id') id: string, @Query() _query: ConsistentReadQuery, @CurrentActor() actor: Actor): Promise<ProjectHistory> {
    return this.queries.execute(new GetProjectHistoryQuery(id, actor));
  }
}
