import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { businessDate } from '@luodi/domain';
import { listProjects, Page, ProjectListRow } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../../database/read-database';
import { Actor } from '../../auth/actor';
import { pageOf } from '../../projection/page-query.dto';
import { departmentScopeOf } from '../project-access';
import { ListProjectsQueryDto } from './list-projects.dto';

export class ListProjectsQuery extends Query<Page<ProjectListRow>> {
  constructor(
    readonly query: ListProjectsQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ query, actor }: ListProjectsQuery): Promise<Page<ProjectListRow>> {
    // Department users see the projects their department is part of, as GET /api/projects/:id allows.
    const department = departmentScopeOf(actor) ?? query.department;
    const { status, industryChain, conferenceId, enterpriseId, district, q, sort } = query;
    const overdueOn = query.overdue ? businessDate(new Date().toISOString()) : undefined;
    return listProjects(
      this.dataSource,
      { status, industryChain, conferenceId, enterpriseId, district, q, department, overdueOn },
      pageOf(query),
      sort,
    );
  }
}
