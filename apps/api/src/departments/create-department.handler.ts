import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DepartmentEntity } from '@luodi/platform';
import { ApiError } from '../common/problem';
import { CreateDepartmentDto } from './create-department.dto';

export interface DepartmentView {
  code: string;
  name: string;
}

export class CreateDepartmentCommand extends Command<DepartmentView> {
  constructor(readonly body: CreateDepartmentDto) {
    super();
  }
}

const UNIQUE_VIOLATION = '23505';

@CommandHandler(CreateDepartmentCommand)
export class CreateDepartmentHandler implements ICommandHandler<CreateDepartmentCommand> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ body }: CreateDepartmentCommand): Promise<DepartmentView> {
    try {
      await this.dataSource.getRepository(DepartmentEntity).insert({ code: body.code, name: body.name });
    } catch (error) {
      // The primary key decides, so two concurrent creations of one code cannot both succeed.
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new ApiError('DEPARTMENT_ALREADY_EXISTS', `A department with the code "${body.code}" already exists.`);
      }
      throw error;
    }
    return { code: body.code, name: body.name };
  }
}
