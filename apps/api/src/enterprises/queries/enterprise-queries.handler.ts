import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  EnterpriseDossier,
  enterpriseDossier,
  EnterpriseListItem,
  EnterpriseMatchmaking,
  enterpriseMatchmaking,
  listEnterprises,
  Page,
} from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../../database/read-database';
import { Actor } from '../../auth/actor';
import { ApiError } from '../../common/problem';
import { pageOf } from '../../projection/page-query.dto';
import { departmentScopeOf } from '../../projects/project-access';
import { ListEnterprisesQueryDto } from './list-enterprises.dto';

export class ListEnterprisesQuery extends Query<Page<EnterpriseListItem>> {
  constructor(
    readonly query: ListEnterprisesQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(ListEnterprisesQuery)
export class ListEnterprisesHandler implements IQueryHandler<ListEnterprisesQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ query, actor }: ListEnterprisesQuery): Promise<Page<EnterpriseListItem>> {
    // Department users count only the projects they may see, as in the dossier.
    return listEnterprises(this.dataSource, query.q, pageOf(query), departmentScopeOf(actor));
  }
}

/** The dossier with the enterprise's demands, proposals, cooperations and tier history. */
export type EnterpriseDossierView = EnterpriseDossier & { matchmaking: EnterpriseMatchmaking };

export class EnterpriseDossierQuery extends Query<EnterpriseDossierView> {
  constructor(
    readonly enterpriseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(EnterpriseDossierQuery)
export class EnterpriseDossierHandler implements IQueryHandler<EnterpriseDossierQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute({ enterpriseId, actor }: EnterpriseDossierQuery): Promise<EnterpriseDossierView> {
    // Department users see the projects their department is part of, as GET /api/projects/:id allows,
    // and the cooperations their department follows.
    const dossier = await enterpriseDossier(this.dataSource, enterpriseId, departmentScopeOf(actor));
    if (!dossier) throw new ApiError('ENTERPRISE_NOT_FOUND', `No enterprise ${enterpriseId}.`);
    return {
      ...dossier,
      matchmaking: await enterpriseMatchmaking(this.dataSource, enterpriseId, departmentScopeOf(actor)),
    };
  }
}
