import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { businessDate } from '@luodi/domain';
import { listSupervisionNotices, Page, SupervisionNoticeItem } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../../database/read-database';
import { pageOf } from '../../projection/page-query.dto';
import { ListNoticesQueryDto } from './list-notices.dto';

export class ListNoticesQuery extends Query<Page<SupervisionNoticeItem>> {
  constructor(readonly query: ListNoticesQueryDto) {
    super();
  }
}

@QueryHandler(ListNoticesQuery)
export class ListNoticesHandler implements IQueryHandler<ListNoticesQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ query }: ListNoticesQuery): Promise<Page<SupervisionNoticeItem>> {
    return listSupervisionNotices(
      this.dataSource,
      { department: query.department, status: query.status },
      pageOf(query),
      businessDate(new Date().toISOString()),
    );
  }
}
