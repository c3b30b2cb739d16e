import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  Cooperation,
  cooperationDecider,
  cooperationStream,
  Demand,
  demandDecider,
  demandStream,
  forbidden,
  MatchmakingEvent,
  matchmakingErrors,
  matchmakingEventDecider,
  matchmakingStream,
  notFound,
} from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { Actor } from '../auth/actor';
import { readAggregate } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';

/** One aggregate as its stream has it now (always current; no read model). */
export type Versioned<T> = T & { version: number };

export class GetMatchmakingEventQuery extends Query<Versioned<MatchmakingEvent>> {
  constructor(readonly eventId: string) {
    super();
  }
}

@QueryHandler(GetMatchmakingEventQuery)
export class GetMatchmakingEventHandler implements IQueryHandler<GetMatchmakingEventQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ eventId }: GetMatchmakingEventQuery): Promise<Versioned<MatchmakingEvent>> {
    const { state, version } = await readAggregate(this.store, matchmakingStream(eventId), matchmakingEventDecider);
    if (state === null) throw notFound('MATCHMAKING_EVENT_NOT_FOUND', 'There is no matchmaking event with this id.');
    return { ...state, version };
  }
}

export class GetDemandQuery extends Query<Versioned<Demand>> {
  constructor(readonly demandId: string) {
    super();
  }
}

@QueryHandler(GetDemandQuery)
export class GetDemandHandler implements IQueryHandler<GetDemandQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ demandId }: GetDemandQuery): Promise<Versioned<Demand>> {
    const { state, version } = await readAggregate(this.store, demandStream(demandId), demandDecider);
    if (state === null) throw matchmakingErrors.demandNotFound();
    return { ...state, version };
  }
}

export class GetCooperationQuery extends Query<Versioned<Cooperation>> {
  constructor(
    readonly cooperationId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(GetCooperationQuery)
export class GetCooperationHandler implements IQueryHandler<GetCooperationQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ cooperationId, actor }: GetCooperationQuery): Promise<Versioned<Cooperation>> {
    const { state, version } = await readAggregate(this.store, cooperationStream(cooperationId), cooperationDecider);
    if (state === null) throw matchmakingErrors.cooperationNotFound();
    // Department users see the cooperations their department follows.
    if (actor.role === 'department' && !state.departments.includes(actor.departmentCode ?? '')) {
      throw forbidden(
        'NOT_YOUR_COOPERATION',
        'Department users can only see the cooperations their department follows.',
      );
    }
    return { ...state, version };
  }
}
