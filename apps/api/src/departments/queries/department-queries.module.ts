import { Module } from '@nestjs/common';
import { DepartmentAssignmentsController } from './department-assignments.controller';
import { DepartmentAssignmentsHandler } from './department-assignments.handler';

@Module({ controllers: [DepartmentAssignmentsController], providers: [DepartmentAssignmentsHandler] })
export class DepartmentQueriesModule {}
