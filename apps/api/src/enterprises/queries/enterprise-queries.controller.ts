import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { EnterpriseListItem, Page } from '@luodi/read-models';
import { Actor, CurrentActor } from '../../auth/actor';
import { ConsistentReadQuery } from '../../common/consistent-read.dto';
import { EnterpriseDossierQuery, EnterpriseDossierView, ListEnterprisesQuery } from './enterprise-queries.handler';
import { ListEnterprisesQueryDto } from './list-enterprises.dto';

@ApiTags('enterprises')
@Controller('enterprises')
export class EnterpriseQueriesController {
  constructor(private readonly queries: QueryBus) {}

  /** Enterprises by name, with their number of projects and of landed ones: `{items, total, page, pageSize}`. */
  @Get()
  list(@Query() query: ListEnterprisesQueryDto, @CurrentActor() actor: Actor): Promise<Page<EnterpriseListItem>> {
    return this.queries.execute(new ListEnterprisesQuery(query, actor));
  }

  /** 一企一策: the enterprise, its projects with needs, plan and outcome, and totals. */
  @Get(':id/dossier')
  dossier(
    @Param('id') id: string,
    @Query() _query: ConsistentReadQuery,
    @CurrentActor() actor: Actor,
  ): Promise<EnterpriseDossierView> {
    return this.queries.execute(new EnterpriseDossierQuery(id, actor));
  }
}
