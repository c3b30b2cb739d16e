import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, CommandCtx } from '../common/command-context';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { CommandAccepted } from '../common/event-sourced';
import { EnterpriseView, GetEnterpriseQuery } from './get-enterprise.handler';
import { RegisterEnterpriseDto } from './register-enterprise.dto';
import { RegisterEnterpriseCommand } from './register-enterprise.handler';
import { UpdateEnterpriseDto } from './update-enterprise.dto';
import { UpdateEnterpriseCommand } from './update-enterprise.handler';

// `GET /api/enterprises` (the list) and the dossier are read-model queries, served elsewhere.
@ApiTags('enterprises')
@Controller('enterprises')
export class EnterprisesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Registers an enterprise: 201 `{id, version, position}`. */
  @Post()
  register(@Body() body: RegisterEnterpriseDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new RegisterEnterpriseCommand(body, ctx));
  }

  /** Renames it or changes its district or tier: 200 `{id, version, position}`; fields left out stay. */
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateEnterpriseDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new UpdateEnterpriseCommand(id, body, ctx));
  }

  /** One enterprise as its stream has it now (always current; `minPosition` waits as on every GET). */
  @Get(':id')
  get(@Param('id') id: string, @Query() _query: ConsistentReadQuery): Promise<EnterpriseView> {
    return this.queries.execute(new GetEnterpriseQuery(id));
  }
}
