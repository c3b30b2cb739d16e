import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  ConferenceCommand,
  conferenceDecider,
  ConferenceEvent,
  ConferenceState,
  conferenceStream,
} from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { AggregateCommand, BoundDecider, CommandAccepted, CommandOf } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';

/** A command on the conference `aggregateId` (for ScheduleConference, the id the new conference gets). */
export class OnConference extends AggregateCommand<CommandOf<ConferenceCommand>> {}

/** Conference commands need nothing from elsewhere: each runs as the controller built it. */
@CommandHandler(OnConference)
export class ConferenceCommandsHandler implements ICommandHandler<OnConference> {
  private readonly conference: BoundDecider<ConferenceState, ConferenceCommand, ConferenceEvent>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.conference = new BoundDecider(store, conferenceStream, conferenceDecider);
  }

  execute({ aggregateId, command, ctx }: OnConference): Promise<CommandAccepted> {
    return this.conference.execute(aggregateId, command, ctx);
  }
}
