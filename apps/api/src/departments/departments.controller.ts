import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { CreateDepartmentDto, NameDepartmentInEnglishDto } from './create-department.dto';
import { CreateDepartmentCommand, DepartmentView, NameDepartmentInEnglishCommand } from './create-department.handler';
import { ListDepartmentsQuery } from './list-departments.handler';

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Registers a department (admin). 201 with the department; 409 DEPARTMENT_ALREADY_EXISTS. */
  @Post()
  create(@Body() body: CreateDepartmentDto): Promise<DepartmentView> {
    return this.commands.execute(new CreateDepartmentCommand(body));
  }

  /** Gives, changes or clears (null) a department's English name (admin). 404 DEPARTMENT_NOT_FOUND. */
  @Patch(':code')
  nameInEnglish(@Param('code') code: string, @Body() body: NameDepartmentInEnglishDto): Promise<DepartmentView> {
    return this.commands.execute(new NameDepartmentInEnglishCommand(code, body.nameEn));
  }

  /** Every department, by code. Read from its table directly, so `minPosition` never has to wait. */
  @Get()
  list(@Query() _query: ConsistentReadQuery): Promise<DepartmentView[]> {
    return this.queries.execute(new ListDepartmentsQuery());
  }
}
