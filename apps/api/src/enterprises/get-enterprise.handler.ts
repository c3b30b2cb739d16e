import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Enterprise, enterpriseDecider, enterpriseErrors, enterpriseStream } from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { readAggregate } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';

export type EnterpriseView = Enterprise & { version: number };

export class GetEnterpriseQuery extends Query<EnterpriseView> {
  constructor(readonly enterpriseId: string) {
    super();
  }
}

@QueryHandler(GetEnterpriseQuery)
export class GetEnterpriseHandler implements IQueryHandler<GetEnterpriseQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ enterpriseId }: GetEnterpriseQuery): Promise<EnterpriseView> {
    const { state, version } = await readAggregate(this.store, enterpriseStream(enterpriseId), enterpriseDecider);
    if (state === null) throw enterpriseErrors.notFound();
    return { ...state, version };
  }
}
