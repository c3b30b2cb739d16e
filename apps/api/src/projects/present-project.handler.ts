import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { conferenceDecider, conferenceStream, projectDecider, projectStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted, readAggregate } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { PresentProjectDto } from './present-project.dto';

export class PresentProjectCommand extends Command<CommandAccepted> {
  constructor(
    readonly projectId: string,
    readonly body: PresentProjectDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PresentProjectCommand)
export class PresentProjectHandler implements ICommandHandler<PresentProjectCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId, body, ctx }: PresentProjectCommand): Promise<CommandAccepted> {
    const { state: conference } = await readAggregate(this.store, conferenceStream(body.conferenceId), conferenceDecider);
    const { version, position } = await handleCommand(
      this.store,
      projectStream(projectId),
      projectDecider,
      {
        type: 'PresentProject',
        data: {
          conference: conference && { id: conference.id, title: conference.title, heldOn: conference.heldOn },
          occurredAt: body.occurredAt,
        },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: projectId, version, position };
  }
}
