import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { projectDecider, projectErrors, projectStream } from '@luodi/domain';
import { EventMetadata, EventStore } from '@luodi/event-store';
import { Actor } from '../auth/actor';
import { readAggregate } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { assertProjectAccess, withoutUserIds } from './project-access';

export interface ProjectHistoryEntry {
  /** The stream's version after this event (1 for the submission). */
  version: number;
  /** Global position in the event store. */
  position: number;
  type: string;
  /** Business time: when it happened. */
  occurredAt: string;
  /** When the store recorded it. */
  recordedAt: string;
  /** Who recorded it; null for events written without a user (imports). */
  actor: { username: string; role: string; departmentCode?: string } | null;
  data: Record<string, unknown>;
}

export interface ProjectHistory {
  id: string;
  version: number;
  events: ProjectHistoryEntry[];
}

export class GetProjectHistoryQuery extends Query<ProjectHistory> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(GetProjectHistoryQuery)
export class GetProjectHistoryHandler implements IQueryHandler<GetProjectHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId, actor }: GetProjectHistoryQuery): Promise<ProjectHistory> {
    const { state, version, events } = await readAggregate(this.store, projectStream(projectId), projectDecider);
    if (state === null) throw projectErrors.notFound();
    assertProjectAccess(actor, state);
    return {
      id: projectId,
      version,
      events: events.map((e) => ({
        version: e.streamPosition,
        position: e.globalPosition,
        type: e.type,
        occurredAt: e.data.occurredAt,
        recordedAt: e.recordedAt,
        actor: e.metadata.actor ? actorOf(e.metadata.actor) : null,
        data: withoutUserIds(actor, e.data),
      })),
    };
  }
}

function actorOf({
  username,
  role,
  departmentCode,
}: NonNullable<EventMetadata['actor']>): ProjectHistoryEntry['actor'] {
  return { username, role, ...(departmentCode ? { departmentCode } : {}) };
}
