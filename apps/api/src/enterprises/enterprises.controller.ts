import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CommandContext, CommandCtx } from '../common/command-context';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { CommandAccepted } from '../common/event-sourced';
import { ChangeTierDto } from './change-tier.dto';
import { OnEnterprise } from './enterprise-commands.handler';
import { EnterpriseView, GetEnterpriseQuery } from './get-enterprise.handler';
import { RegisterEnterpriseDto } from './register-enterprise.dto';
import { UpdateEnterpriseDto } from './update-enterprise.dto';

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
    const enterpriseId = randomUUID();
    return this.commands.execute(
      new OnEnterprise(
        enterpriseId,
        {
          type: 'RegisterEnterprise',
          data: {
            enterpriseId,
            name: body.name,
            creditCode: body.creditCode,
            district: body.district,
            tier: body.tier ?? 'none',
          },
        },
        ctx,
      ),
    );
  }

  /** Renames it or changes its district or tier: 200 `{id, version, position}`; fields left out stay. */
  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body() body: UpdateEnterpriseDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(
      new OnEnterprise(
        id,
        {
          type: 'UpdateEnterprise',
          data: { name: body.name, district: body.district, tier: body.tier, occurredAt: body.occurredAt },
        },
        ctx,
      ),
    );
  }

  /** Records a step on the 专精特新 ladder (history kept): 200 `{id, version, position}`. */
  @Post(':id/tier')
  @HttpCode(200)
  changeTier(
    @Param('id') id: string,
    @Body() body: ChangeTierDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(new OnEnterprise(id, { type: 'ChangeEnterpriseTier', data: body }, ctx));
  }

  /** One enterprise as its stream has it now (always current; `minPosition` waits as on every GET). */
  @Get(':id')
  get(@Param('id') id: string, @Query() _query: ConsistentReadQuery): Promise<EnterpriseView> {
    return this.queries.execute(new GetEnterpriseQuery(id));
  }
}
