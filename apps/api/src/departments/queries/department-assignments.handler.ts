import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { businessDate } from '@luodi/domain';
import { DepartmentAssignment, listDepartmentAssignments, Page } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../../database/read-database';
import { pageOf } from '../../projection/page-query.dto';
import { DepartmentAssignmentsQueryDto } from './department-assignments.dto';

export class DepartmentAssignmentsQuery extends Query<Page<DepartmentAssignment>> {
  constructor(
    readonly departmentCode: string,
    readonly query: DepartmentAssignmentsQueryDto,
  ) {
    super();
  }
}

@QueryHandler(DepartmentAssignmentsQuery)
export class DepartmentAssignmentsHandler implements IQueryHandler<DepartmentAssignmentsQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ departmentCode, query }: DepartmentAssignmentsQuery): Promise<Page<DepartmentAssignment>> {
    const today = businessDate(new Date().toISOString());
    return listDepartmentAssignments(
      this.dataSource,
      departmentCode,
      { done: query.done, overdue: query.overdue },
      pageOf(query),
      today,
    );
  }
}
