import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { businessDate, LadderReading } from '@luodi/domain';
import { DepartmentAssignment, listDepartmentAssignments, Page, withWarnings } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../../database/read-database';
import { pageOf } from '../../projection/page-query.dto';
import { SupervisionSettingsStore } from '../../supervision/supervision-settings';
import { DepartmentAssignmentsQueryDto } from './department-assignments.dto';

/** An inbox row with its warning ladder on `asOf` (null: done by then). */
export type InboxRow = DepartmentAssignment & { warning: LadderReading | null };

export class DepartmentAssignmentsQuery extends Query<Page<InboxRow>> {
  constructor(
    readonly departmentCode: string,
    readonly query: DepartmentAssignmentsQueryDto,
  ) {
    super();
  }
}

@QueryHandler(DepartmentAssignmentsQuery)
export class DepartmentAssignmentsHandler implements IQueryHandler<DepartmentAssignmentsQuery> {
  constructor(
    @Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly settings: SupervisionSettingsStore,
  ) {}

  async execute({ departmentCode, query }: DepartmentAssignmentsQuery): Promise<Page<InboxRow>> {
    const today = businessDate(new Date().toISOString());
    const page = await listDepartmentAssignments(
      this.dataSource,
      departmentCode,
      { done: query.done, overdue: query.overdue },
      pageOf(query),
      today,
    );
    const items = await withWarnings(this.dataSource, page.items, query.asOf ?? today, await this.settings.current());
    return { ...page, items };
  }
}
