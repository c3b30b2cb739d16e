import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { conferenceDecider, conferenceStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { ScheduleConferenceDto } from './schedule-conference.dto';

export class ScheduleConferenceCommand extends Command<CommandAccepted> {
  constructor(
    readonly body: ScheduleConferenceDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ScheduleConferenceCommand)
export class ScheduleConferenceHandler implements ICommandHandler<ScheduleConferenceCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, ctx }: ScheduleConferenceCommand): Promise<CommandAccepted> {
    const conferenceId = randomUUID();
    const { version, position } = await handleCommand(
      this.store,
      conferenceStream(conferenceId),
      conferenceDecider,
      {
        type: 'ScheduleConference',
        data: { conferenceId, title: body.title, theme: body.theme, heldOn: body.heldOn },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: conferenceId, version, position };
  }
}
