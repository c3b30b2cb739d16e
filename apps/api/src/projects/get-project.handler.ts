import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Project, projectDecider, projectErrors, projectStream } from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { Actor } from '../auth/actor';
import { readAggregate } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { assertProjectAccess, withoutUserIds } from './project-access';

export type ProjectView = Project & { version: number };

export class GetProjectQuery extends Query<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId, actor }: GetProjectQuery): Promise<ProjectView> {
    const { state, version } = await readAggregate(this.store, projectStream(projectId), projectDecider);
    if (state === null) throw projectErrors.notFound();
    assertProjectAccess(actor, state);
    return withoutUserIds(actor, { ...state, version });
  }
}
