import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DepartmentEntity } from '@luodi/platform';
import { ApiError } from '../common/problem';
import { CreateDepartmentDto } from './create-department.dto';

export interface DepartmentView {
  code: string;
  name: string;
  /** Only when given. */
  nameEn?: string;
}

export const departmentView = (row: { code: string; name: string; nameEn: string | null }): DepartmentView =>
  row.nameEn === null ? { code: row.code, name: row.name } : { code: row.code, name: row.name, nameEn: row.nameEn };

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
      await this.dataSource
        .getRepository(DepartmentEntity)
        .insert({ code: body.code, name: body.name, nameEn: body.nameEn ?? null });
    } catch (error) {
      // The primary key decides, so two concurrent creations of one code cannot both succeed.
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new ApiError('DEPARTMENT_ALREADY_EXISTS', `A department with the code "${body.code}" already exists.`);
      }
      throw error;
    }
    return departmentView({ code: body.code, name: body.name, nameEn: body.nameEn ?? null });
  }
}

export class NameDepartmentInEnglishCommand extends Command<DepartmentView> {
  constructor(
    readonly code: string,
    readonly nameEn: string | null,
  ) {
    super();
  }
}

@CommandHandler(NameDepartmentInEnglishCommand)
export class NameDepartmentInEnglishHandler implements ICommandHandler<NameDepartmentInEnglishCommand> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ code, nameEn }: NameDepartmentInEnglishCommand): Promise<DepartmentView> {
    const repository = this.dataSource.getRepository(DepartmentEntity);
    const given = nameEn?.trim() || null;
    const { affected } = await repository.update({ code }, { nameEn: given });
    if (!affected) throw new ApiError('DEPARTMENT_NOT_FOUND', `There is no department with the code "${code}".`);
    return departmentView(await repository.findOneByOrFail({ code }));
  }
}
