import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ConferenceListItem } from '@luodi/read-models';
import { Actor, CurrentActor } from '../../auth/actor';
import { ConsistentReadQuery } from '../../common/consistent-read.dto';
import { ListConferencesQuery } from './list-conferences.handler';

@ApiTags('conferences')
@Controller('conferences')
export class ConferenceListController {
  constructor(private readonly queries: QueryBus) {}

  /** Every conference, the latest first, with the number of projects presented there and of those landed. */
  @Get()
  list(@Query() _query: ConsistentReadQuery, @CurrentActor() actor: Actor): Promise<ConferenceListItem[]> {
    return this.queries.execute(new ListConferencesQuery(actor));
  }
}
