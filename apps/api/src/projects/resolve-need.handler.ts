import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { projectDecider, projectStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { ResolveNeedDto } from './resolve-need.dto';

export class ResolveNeedCommand extends Command<CommandAccepted> {
  constructor(
    readonly projectId: string,
    readonly needId: string,
    readonly body: ResolveNeedDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ResolveNeedCommand)
export class ResolveNeedHandler implements ICommandHandler<ResolveNeedCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId, needId, body, ctx }: ResolveNeedCommand): Promise<CommandAccepted> {
    const { version, position } = await handleCommand(
      this.store,
      projectStream(projectId),
      projectDecider,
      {
        type: 'ResolveNeed',
        data: { needId, resolution: body.resolution, resolvedBy: ctx.actor, occurredAt: body.occurredAt },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: projectId, version, position };
  }
}
