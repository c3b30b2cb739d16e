import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Cooperation, Demand, MatchmakingEvent } from '@luodi/domain';
import { Actor, CurrentActor } from '../auth/actor';
import { CommandContext, CommandCtx } from '../common/command-context';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { CommandAccepted } from '../common/event-sourced';
import { ChangeCooperationStageDto, CooperationProjectDto, ProposeCooperationDto } from './cooperation.dto';
import { PublishDemandDto } from './demand.dto';
import {
  CooperationProjectAccepted,
  OnCooperation,
  OnDemand,
  OnMatchmakingEvent,
} from './matchmaking-commands.handler';
import { GetCooperationQuery, GetDemandQuery, GetMatchmakingEventQuery, Versioned } from './matchmaking-reads.handler';
import { ScheduleMatchmakingEventDto } from './matchmaking-event.dto';

// The lists (`GET /api/matchmaking-events`, `/api/demands`, `/api/cooperations`) and the
// dashboards are read-model queries, served by queries/.

@ApiTags('matchmaking')
@Controller('matchmaking-events')
export class MatchmakingEventsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Schedules a 恳谈会, 百场万企 对接会 or 政企交融汇: 201 `{id, version, position}`. */
  @Post()
  schedule(@Body() body: ScheduleMatchmakingEventDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    const eventId = randomUUID();
    return this.commands.execute(
      new OnMatchmakingEvent(eventId, { type: 'ScheduleMatchmakingEvent', data: { eventId, ...body } }, ctx),
    );
  }

  @Get(':id')
  get(@Param('id') id: string, @Query() _query: ConsistentReadQuery): Promise<Versioned<MatchmakingEvent>> {
    return this.queries.execute(new GetMatchmakingEventQuery(id));
  }
}

@ApiTags('matchmaking')
@Controller('demands')
export class DemandsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Publishes a chain leader's demand: 201 `{id, version, position}`. */
  @Post()
  publish(@Body() body: PublishDemandDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.commands.execute(new OnDemand(randomUUID(), { type: 'PublishDemand', data: body }, ctx));
  }

  @Get(':id')
  get(@Param('id') id: string, @Query() _query: ConsistentReadQuery): Promise<Versioned<Demand>> {
    return this.queries.execute(new GetDemandQuery(id));
  }

  /** An enterprise proposes a cooperation on the demand: 201 `{id, version, position}` of the new cooperation (stage `intent`). */
  @Post(':id/proposals')
  propose(
    @Param('id') demandId: string,
    @Body() body: ProposeCooperationDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(
      new OnCooperation(randomUUID(), { type: 'ProposeCooperation', data: { ...body, demandId } }, ctx),
    );
  }
}

@ApiTags('matchmaking')
@Controller('cooperations')
export class CooperationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Department users: only the cooperations their department follows (403 NOT_YOUR_COOPERATION). */
  @Get(':id')
  get(
    @Param('id') id: string,
    @Query() _query: ConsistentReadQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Versioned<Cooperation>> {
    return this.queries.execute(new GetCooperationQuery(id, actor));
  }

  /** Records the next stage: 200 `{id, version, position}`. */
  @Post(':id/stage')
  @HttpCode(200)
  stage(
    @Param('id') id: string,
    @Body() body: ChangeCooperationStageDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(new OnCooperation(id, { type: 'ChangeCooperationStage', data: body }, ctx));
  }

  /** Turns the signed cooperation into a submitted project: 201 `{id, version, position, projectId}`. */
  @Post(':id/project')
  project(
    @Param('id') id: string,
    @Body() body: CooperationProjectDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CooperationProjectAccepted> {
    // The bus types every aggregate command's answer as CommandAccepted; this one adds projectId.
    return this.commands.execute(
      new OnCooperation(id, { type: 'MakeProject', data: body }, ctx),
    ) as Promise<CooperationProjectAccepted>;
  }
}
