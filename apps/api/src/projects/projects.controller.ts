import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Actor, CurrentActor } from '../auth/actor';
import { CommandContext, CommandCtx } from '../common/command-context';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { CommandAccepted } from '../common/event-sourced';
import { AssignLandingPlanDto } from './assign-landing-plan.dto';
import { CorrectLandingDto } from './correct-landing.dto';
import { FollowUpNeedDto } from './follow-up-need.dto';
import { GetProjectHistoryQuery, ProjectHistory } from './get-project-history.handler';
import { GetProjectQuery, ProjectView } from './get-project.handler';
import { LandProjectDto } from './land-project.dto';
import { PresentProjectDto } from './present-project.dto';
import { OnProject } from './project-commands.handler';
import { ReportProgressDto } from './report-progress.dto';
import { ResolveNeedDto } from './resolve-need.dto';
import { ReviseSubmissionDto } from './revise-submission.dto';
import { ReviewProjectDto } from './review-project.dto';
import { SubmitProjectDto } from './submit-project.dto';
import { WithdrawProjectDto } from './withdraw-project.dto';
import { SupervisionSettingsStore } from '../supervision/supervision-settings';

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
    private readonly supervisionSettings: SupervisionSettingsStore,
  ) {}

  @Post()
  submit(@Body() body: SubmitProjectDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new OnProject(randomUUID(), { type: 'SubmitProject', data: body }, ctx));
  }

  @Post(':id/reviews')
  @HttpCode(200)
  review(
    @Param('id') id: string,
    @Body() body: ReviewProjectDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(
      new OnProject(
        id,
        {
          type: 'ReviewProject',
          data: {
            reviewId: randomUUID(),
            reviewer: { userId: ctx.actor.userId, username: ctx.actor.username },
            verdict: body.verdict,
            scores: {
              idea: body.scores.idea,
              validation: body.scores.validation,
              feasibility: body.scores.feasibility,
            },
            comment: body.comment,
            occurredAt: body.occurredAt,
          },
        },
        ctx,
      ),
    );
  }

  /** Corrects the submission while it is under review; fields left out stay as they are. */
  @Patch(':id/submission')
  reviseSubmission(
    @Param('id') id: string,
    @Body() body: ReviseSubmissionDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(new OnProject(id, { type: 'ReviseSubmission', data: body }, ctx));
  }

  @Post(':id/presentations')
  @HttpCode(200)
  present(
    @Param('id') id: string,
    @Body() body: PresentProjectDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(new OnProject(id, { type: 'PresentProject', data: body }, ctx));
  }

  @Post(':id/assignments')
  @HttpCode(200)
  assign(
    @Param('id') id: string,
    @Body() body: AssignLandingPlanDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(new OnProject(id, { type: 'AssignLandingPlan', data: body }, ctx));
  }

  @Post(':id/progress')
  @HttpCode(200)
  reportProgress(
    @Param('id') id: string,
    @Body() body: ReportProgressDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(
      new OnProject(
        id,
        {
          type: 'ReportProgress',
          data: {
            progressId: randomUUID(),
            milestoneId: body.milestoneId,
            note: body.note,
            done: body.done,
            evidenceFileIds: body.evidenceFileIds,
            // The decider checks that a department user reports only on their department's assignments.
            reporter: {
              userId: ctx.actor.userId,
              username: ctx.actor.username,
              role: ctx.actor.role,
              departmentCode: ctx.actor.departmentCode,
            },
            occurredAt: body.occurredAt,
          },
        },
        ctx,
      ),
    );
  }

  @Post(':id/needs/:needId/resolution')
  @HttpCode(200)
  resolveNeed(
    @Param('id') id: string,
    @Param('needId') needId: string,
    @Body() body: ResolveNeedDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(
      new OnProject(
        id,
        {
          type: 'ResolveNeed',
          data: {
            needId,
            resolution: body.resolution,
            resolvedBy: ctx.actor,
            evidenceFileIds: body.evidenceFileIds,
            occurredAt: body.occurredAt,
          },
        },
        ctx,
      ),
    );
  }

  @Post(':id/needs/:needId/follow-up')
  @HttpCode(200)
  async followUpNeed(
    @Param('id') id: string,
    @Param('needId') needId: string,
    @Body() body: FollowUpNeedDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    const { responseDays } = await this.supervisionSettings.current();
    return this.commands.execute(
      new OnProject(
        id,
        {
          type: 'FollowUpNeed',
          data: {
            followUpId: randomUUID(),
            noticeId: randomUUID(),
            responseDays,
            needId,
            satisfaction: body.satisfaction,
            comment: body.comment,
            evidenceFileIds: body.evidenceFileIds,
            occurredAt: body.occurredAt,
          },
        },
        ctx,
      ),
    );
  }

  @Post(':id/landing')
  @HttpCode(200)
  land(
    @Param('id') id: string,
    @Body() body: LandProjectDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(
      new OnProject(
        id,
        {
          type: 'LandProject',
          data: {
            landedOn: body.landedOn,
            actualInvestmentYuan: body.actualInvestmentYuan,
            evidence: body.evidence,
            confirmOpenItems: body.confirmOpenItems,
            evidenceFileIds: body.evidenceFileIds,
          },
        },
        ctx,
      ),
    );
  }

  /** Corrects the landing date or revokes the landing: a new event, the old one stays in the history. */
  @Post(':id/landing-correction')
  @HttpCode(200)
  correctLanding(
    @Param('id') id: string,
    @Body() body: CorrectLandingDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(
      new OnProject(
        id,
        {
          type: 'CorrectLanding',
          data: {
            reason: body.reason,
            landedOn: body.landedOn,
            revoke: body.revoke,
            correctedBy: { userId: ctx.actor.userId, username: ctx.actor.username },
          },
        },
        ctx,
      ),
    );
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  withdraw(
    @Param('id') id: string,
    @Body() body: WithdrawProjectDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(
      new OnProject(id, { type: 'WithdrawProject', data: { reason: body.reason, occurredAt: body.occurredAt } }, ctx),
    );
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
  history(
    @Param('id') id: string,
    @Query() _query: ConsistentReadQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ProjectHistory> {
    return this.queries.execute(new GetProjectHistoryQuery(id, actor));
  }
}
