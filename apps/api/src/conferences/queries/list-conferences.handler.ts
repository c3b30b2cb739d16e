import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ConferenceListItem, listConferences } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../../database/read-database';
import { Actor } from '../../auth/actor';
import { departmentScopeOf } from '../../projects/project-access';

export class ListConferencesQuery extends Query<ConferenceListItem[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}

@QueryHandler(ListConferencesQuery)
export class ListConferencesHandler implements IQueryHandler<ListConferencesQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ actor }: ListConferencesQuery): Promise<ConferenceListItem[]> {
    // Department users count only the projects they may see, as in the enterprise dossier.
    return listConferences(this.dataSource, departmentScopeOf(actor));
  }
}
