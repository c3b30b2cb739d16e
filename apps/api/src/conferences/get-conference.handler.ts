import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Conference, conferenceDecider, conferenceStream } from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { readAggregate } from '../common/event-sourced';
import { ApiError } from '../common/problem';
import { EVENT_STORE } from '../database/database.module';

export type ConferenceView = Conference & { version: number };

export class GetConferenceQuery extends Query<ConferenceView> {
  constructor(readonly conferenceId: string) {
    super();
  }
}

@QueryHandler(GetConferenceQuery)
export class GetConferenceHandler implements IQueryHandler<GetConferenceQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ conferenceId }: GetConferenceQuery): Promise<ConferenceView> {
    const { state, version } = await readAggregate(this.store, conferenceStream(conferenceId), conferenceDecider);
    if (state === null) throw new ApiError('CONFERENCE_NOT_FOUND', 'There is no conference with this id.');
    return { ...state, version };
  }
}
