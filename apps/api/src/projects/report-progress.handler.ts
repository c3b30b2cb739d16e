import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { projectDecider, projectStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { ReportProgressDto } from './report-progress.dto';

export class ReportProgressCommand extends Command<CommandAccepted> {
  constructor(
    readonly projectId: string,
    readonly body: ReportProgressDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** The decider checks that a department user reports only on their department's assignments. */
@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId, body, ctx }: ReportProgressCommand): Promise<CommandAccepted> {
    const { userId, username, role, departmentCode } = ctx.actor;
    const { version, position } = await handleCommand(
      this.store,
      projectStream(projectId),
      projectDecider,
      {
        type: 'ReportProgress',
        data: {
          progressId: randomUUID(),
          milestoneId: body.milestoneId,
          note: body.note,
          done: body.done,
          reporter: { userId, username, role, departmentCode },
          occurredAt: body.occurredAt,
        },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: projectId, version, position };
  }
}
