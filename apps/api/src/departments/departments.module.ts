import { Module } from '@nestjs/common';
import { CreateDepartmentHandler, NameDepartmentInEnglishHandler } from './create-department.handler';
import { DepartmentsController } from './departments.controller';
import { ListDepartmentsHandler } from './list-departments.handler';

@Module({
  controllers: [DepartmentsController],
  providers: [CreateDepartmentHandler, NameDepartmentInEnglishHandler, ListDepartmentsHandler],
})
export class DepartmentsModule {}
