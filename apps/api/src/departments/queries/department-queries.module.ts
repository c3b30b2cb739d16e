import { Module } from '@nestjs/common';
import { SupervisionModule } from '../../supervision/supervision.module';
import { DepartmentAssignmentsController } from './department-assignments.controller';
import { DepartmentAssignmentsHandler } from './department-assignments.handler';

@Module({
  imports: [SupervisionModule],
  controllers: [DepartmentAssignmentsController],
  providers: [DepartmentAssignmentsHandler],
})
export class DepartmentQueriesModule {}
