import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ActingUser, supervisionErrors } from '@luodi/domain';
import { Page, projectOfNotice, SupervisionNoticeItem } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { Actor, CurrentActor } from '../auth/actor';
import { CommandContext, CommandCtx } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { ReadPositionService } from '../projection/read-position.service';
import { OnProject } from '../projects/project-commands.handler';
import { AnswerNoticeDto, IssueNoticeDto } from './issue-notice.dto';
import { ListNoticesQuery } from './queries/list-notices.handler';
import { ListNoticesQueryDto } from './queries/list-notices.dto';
import { SupervisionSettingsStore } from './supervision-settings';

/** How long signing or answering an unknown notice waits for the projector before answering 404. */
const NOTICE_CATCH_UP_MS = 5_000;

const actingUser = ({ role, departmentCode }: Actor): ActingUser =>
  departmentCode === undefined ? { role } : { role, departmentCode };

/** 催办单 and 督办单: issued on a project's item, signed for (签收) and answered (反馈) by its department. */
@ApiTags('supervision')
@Controller()
export class SupervisionNoticesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly settings: SupervisionSettingsStore,
    // The primary, not a replica: the notice to sign must be found as soon as it was issued there.
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly positions: ReadPositionService,
  ) {}

  /** 201 `{id: <noticeId>, version, position}` (id is the notice's; the stream is the project's). */
  @Post('projects/:id/supervision-notices')
  async issue(
    @Param('id') projectId: string,
    @Body() body: IssueNoticeDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    const noticeId = randomUUID();
    const { responseDays } = await this.settings.current();
    const accepted = await this.commands.execute(
      new OnProject(
        projectId,
        {
          type: 'IssueSupervisionNotice',
          data: {
            noticeId,
            milestoneId: body.milestoneId,
            needId: body.needId,
            level: body.level,
            message: body.message,
            respondBy: body.respondBy,
            issuedBy: actingUser(ctx.actor),
            responseDays,
          },
        },
        ctx,
      ),
    );
    return { ...accepted, id: noticeId };
  }

  @Post('supervision-notices/:noticeId/acknowledgement')
  @HttpCode(200)
  async acknowledge(@Param('noticeId') noticeId: string, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    const projectId = await this.projectOf(noticeId);
    const accepted = await this.commands.execute(
      new OnProject(
        projectId,
        { type: 'AcknowledgeSupervisionNotice', data: { noticeId, by: actingUser(ctx.actor) } },
        ctx,
      ),
    );
    return { ...accepted, id: noticeId };
  }

  @Post('supervision-notices/:noticeId/response')
  @HttpCode(200)
  async answer(
    @Param('noticeId') noticeId: string,
    @Body() body: AnswerNoticeDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    const projectId = await this.projectOf(noticeId);
    const accepted = await this.commands.execute(
      new OnProject(
        projectId,
        { type: 'AnswerSupervisionNotice', data: { noticeId, note: body.note, by: actingUser(ctx.actor) } },
        ctx,
      ),
    );
    return { ...accepted, id: noticeId };
  }

  /** Overdue first. Department users see only their own department's (the filter is forced). */
  @Get('supervision-notices')
  list(@Query() query: ListNoticesQueryDto, @CurrentActor() actor: Actor): Promise<Page<SupervisionNoticeItem>> {
    const department = actor.role === 'department' ? actor.departmentCode : query.department;
    return this.queries.execute(new ListNoticesQuery({ ...query, department }));
  }

  /**
   * The notice's project, from the read model; a notice issued a moment ago may not be projected
   * yet, so an unknown one is looked up again once the read models hold everything committed.
   */
  private async projectOf(noticeId: string): Promise<string> {
    const projectId =
      (await projectOfNotice(this.dataSource, noticeId)) ??
      ((await this.positions.waitUntilCaughtUp(NOTICE_CATCH_UP_MS))
        ? await projectOfNotice(this.dataSource, noticeId)
        : null);
    if (projectId === null) throw supervisionErrors.noticeNotFound();
    return projectId;
  }
}
