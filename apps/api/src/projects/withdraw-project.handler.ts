import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { projectDecider, projectStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { WithdrawProjectDto } from './withdraw-project.dto';

export class WithdrawProjectCommand extends Command<CommandAccepted> {
  constructor(
    readonly projectId: string,
    readonly body: WithdrawProjectDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WithdrawProjectCommand)
export class WithdrawProjectHandler implements ICommandHandler<WithdrawProjectCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId, body, ctx }: WithdrawProjectCommand): Promise<CommandAccepted> {
    const { version, position } = await handleCommand(
      this.store,
      projectStream(projectId),
      projectDecider,
      {
        type: 'WithdrawProject',
        data: { reason: body.reason, occurredAt: body.occurredAt },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: projectId, version, position };
  }
}
