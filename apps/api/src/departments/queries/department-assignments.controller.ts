import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Page } from '@luodi/read-models';
import { DepartmentAssignmentsQueryDto } from './department-assignments.dto';
import { DepartmentAssignmentsQuery, InboxRow } from './department-assignments.handler';

@ApiTags('departments')
@Controller('departments')
export class DepartmentAssignmentsController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * The department's inbox: milestones of projects being worked, with `overdue` and `dueSoon`
   * (within 14 days), earliest due first, each with its warning ladder (`warning`) on `asOf`.
   * Department users: their own code only (403).
   */
  @Get(':code/assignments')
  list(@Param('code') code: string, @Query() query: DepartmentAssignmentsQueryDto): Promise<Page<InboxRow>> {
    return this.queries.execute(new DepartmentAssignmentsQuery(code, query));
  }
}
