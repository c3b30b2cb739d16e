import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Page, ProjectListRow } from '@luodi/read-models';
import { Actor, CurrentActor } from '../../auth/actor';
import { ListProjectsQueryDto } from './list-projects.dto';
import { ListProjectsQuery } from './list-projects.handler';

@ApiTags('projects')
@Controller('projects')
export class ProjectListController {
  constructor(private readonly queries: QueryBus) {}

  /** The project list: `{items, total, page, pageSize}`, filtered, searched (`q`) and sorted. */
  @Get()
  list(@Query() query: ListProjectsQueryDto, @CurrentActor() actor: Actor): Promise<Page<ProjectListRow>> {
    return this.queries.execute(new ListProjectsQuery(query, actor));
  }
}
