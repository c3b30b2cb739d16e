import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DepartmentEntity } from '@luodi/platform';
import { DepartmentView } from './create-department.handler';

export class ListDepartmentsQuery extends Query<DepartmentView[]> {}

@QueryHandler(ListDepartmentsQuery)
export class ListDepartmentsHandler implements IQueryHandler<ListDepartmentsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<DepartmentView[]> {
    return this.dataSource
      .getRepository(DepartmentEntity)
      .find({ select: { code: true, name: true }, order: { code: 'ASC' } });
  }
}
