import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ConferenceListItem, listConferences } from '@luodi/read-models';
import { DataSource } from 'typeorm';

export class ListConferencesQuery extends Query<ConferenceListItem[]> {}

@QueryHandler(ListConferencesQuery)
export class ListConferencesHandler implements IQueryHandler<ListConferencesQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute(): Promise<ConferenceListItem[]> {
    return listConferences(this.dataSource);
  }
}
