import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DepartmentEntity } from '@luodi/platform';
import { departmentView, DepartmentView } from './create-department.handler';

export class ListDepartmentsQuery extends Query<DepartmentView[]> {}

@QueryHandler(ListDepartmentsQuery)
export class ListDepartmentsHandler implements IQueryHandler<ListDepartmentsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<DepartmentView[]> {
    const rows = await this.dataSource
      .getRepository(DepartmentEntity)
      .find({ select: { code: true, name: true, nameEn: true }, order: { code: 'ASC' } });
    return rows.map(departmentView);
  }
}
