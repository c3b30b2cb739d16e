import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import {
  CooperationCommand,
  cooperationDecider,
  CooperationEvent,
  CooperationState,
  cooperationStream,
  DemandCommand,
  demandDecider,
  DemandEvent,
  DemandState,
  demandStream,
  enterpriseDecider,
  enterpriseStream,
  EventRef,
  MatchmakingEventCommand,
  matchmakingEventDecider,
  MatchmakingEventEvent,
  MatchmakingEventState,
  matchmakingStream,
  ProjectCommand,
  projectDecider,
  projectErrors,
  ProjectEvent,
  ProjectState,
  projectStream,
} from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { DepartmentEntity } from '@luodi/platform';
import { DataSource } from 'typeorm';
import { AggregateCommand, BoundDecider, CommandAccepted, CommandOf, readAggregate } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { CooperationProjectDto, ProposeCooperationDto } from './cooperation.dto';
import { PublishDemandDto } from './demand.dto';

/** A command on the matchmaking event `aggregateId` (for scheduling, the id the new event gets). */
export class OnMatchmakingEvent extends AggregateCommand<CommandOf<MatchmakingEventCommand>> {}

/** Matchmaking-event commands need nothing from elsewhere: each runs as the controller built it. */
@CommandHandler(OnMatchmakingEvent)
export class MatchmakingEventCommandsHandler implements ICommandHandler<OnMatchmakingEvent> {
  private readonly event: BoundDecider<MatchmakingEventState, MatchmakingEventCommand, MatchmakingEventEvent>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.event = new BoundDecider(store, matchmakingStream, matchmakingEventDecider);
  }

  execute({ aggregateId, command, ctx }: OnMatchmakingEvent): Promise<CommandAccepted> {
    return this.event.execute(aggregateId, command, ctx);
  }
}

/** The event an id names: undefined when none was named, null when there is none. Events are never deleted. */
async function eventRef(store: EventStore, eventId: string | undefined): Promise<EventRef> {
  if (eventId === undefined) return undefined;
  const { state } = await readAggregate(store, matchmakingStream(eventId), matchmakingEventDecider);
  return state && { id: state.id, heldOn: state.heldOn };
}

async function enterpriseRef(store: EventStore, enterpriseId: string): Promise<{ id: string; name: string } | null> {
  const { state } = await readAggregate(store, enterpriseStream(enterpriseId), enterpriseDecider);
  return state && { id: state.id, name: state.name };
}

/** The demand: the publisher and the event are looked up here; the new demand's id comes with it. */
export class OnDemand extends AggregateCommand<{ type: 'PublishDemand'; data: PublishDemandDto }> {}

@CommandHandler(OnDemand)
export class DemandCommandsHandler implements ICommandHandler<OnDemand> {
  private readonly demand: BoundDecider<DemandState, DemandCommand, DemandEvent>;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.demand = new BoundDecider(store, demandStream, demandDecider);
  }

  async execute({ aggregateId: demandId, command: { data: body }, ctx }: OnDemand): Promise<CommandAccepted> {
    const [publisher, event] = await Promise.all([
      enterpriseRef(this.store, body.publisherId),
      eventRef(this.store, body.eventId),
    ]);
    const { publisherId: _, eventId: __, ...rest } = body;
    return this.demand.execute(demandId, { type: 'PublishDemand', data: { demandId, publisher, event, ...rest } }, ctx);
  }
}

/**
 * What a controller sends for a cooperation: the stage change as built, or the body of the
 * commands a case below builds (a proposal looks up the demand, enterprise, event and
 * departments; making a project writes two streams).
 */
export type CooperationRequest =
  | CommandOf<Extract<CooperationCommand, { type: 'ChangeCooperationStage' }>>
  | { type: 'ProposeCooperation'; data: ProposeCooperationDto & { demandId: string } }
  | { type: 'MakeProject'; data: CooperationProjectDto };

/** A command on the cooperation `aggregateId` (for a proposal, the id the new cooperation gets). */
export class OnCooperation extends AggregateCommand<CooperationRequest> {}

/**
 * The project made from a cooperation has an id derived from the cooperation's (a name-based
 * UUID, RFC 9562 version 5 layout), so a retried "make a project" finds the project it made
 * instead of making a second one.
 */
export function projectIdOfCooperation(cooperationId: string): string {
  const hash = createHash('sha1').update(`luodi:cooperation-project:${cooperationId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The cooperation's answer to "make a project", naming the project made. */
export type CooperationProjectAccepted = CommandAccepted & { projectId: string };

@CommandHandler(OnCooperation)
export class CooperationCommandsHandler implements ICommandHandler<OnCooperation> {
  private readonly cooperation: BoundDecider<CooperationState, CooperationCommand, CooperationEvent>;
  private readonly project: BoundDecider<ProjectState, ProjectCommand, ProjectEvent>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {
    this.cooperation = new BoundDecider(store, cooperationStream, cooperationDecider);
    this.project = new BoundDecider(store, projectStream, projectDecider);
  }

  async execute({ aggregateId: cooperationId, command: request, ctx }: OnCooperation): Promise<CommandAccepted> {
    switch (request.type) {
      case 'ProposeCooperation': {
        const body = request.data;
        const [{ state: demand }, enterprise, event] = await Promise.all([
          readAggregate(this.store, demandStream(body.demandId), demandDecider),
          enterpriseRef(this.store, body.enterpriseId),
          eventRef(this.store, body.eventId),
        ]);
        if (body.departments?.length) {
          const known = new Set(
            (await this.dataSource.getRepository(DepartmentEntity).find({ select: { code: true } })).map((d) => d.code),
          );
          body.departments.forEach((code, i) => {
            if (!known.has(code)) throw projectErrors.unknownDepartment(code, `departments[${i}]`);
          });
        }
        return this.cooperation.execute(
          cooperationId,
          {
            type: 'ProposeCooperation',
            data: {
              cooperationId,
              demand: demand && { ...demand, eventId: demand.eventId ?? undefined },
              enterprise,
              summary: body.summary,
              event,
              departments: body.departments,
              occurredAt: body.occurredAt,
            },
          },
          ctx,
        );
      }
      case 'MakeProject':
        return this.makeProject(cooperationId, request.data, ctx);
      default:
        return this.cooperation.execute(cooperationId, request, ctx);
    }
  }

  /**
   * Submits the project, prefilled from the cooperation and naming it, then links the
   * cooperation to it. The cooperation's rules (signed, not linked elsewhere) are checked first
   * on its current state and again when the link is written; a crash in between is completed by
   * a retry, which finds the project by its derived id.
   */
  private async makeProject(
    cooperationId: string,
    body: CooperationProjectDto,
    ctx: OnCooperation['ctx'],
  ): Promise<CooperationProjectAccepted> {
    const projectId = projectIdOfCooperation(cooperationId);
    const link = { type: 'LinkCooperationProject' as const, data: { projectId } };
    const { state: cooperation } = await readAggregate(
      this.store,
      cooperationStream(cooperationId),
      cooperationDecider,
    );
    cooperationDecider.decide({ ...link, metadata: { now: new Date().toISOString() } }, cooperation);
    const { state: existing } = await readAggregate(this.store, projectStream(projectId), projectDecider);
    if (existing === null) {
      const { state: enterprise } = await readAggregate(
        this.store,
        enterpriseStream(cooperation!.enterpriseId),
        enterpriseDecider,
      );
      await this.project.execute(
        projectId,
        {
          type: 'SubmitProject',
          data: {
            projectId,
            enterprise: enterprise && { id: enterprise.id, name: enterprise.name },
            title: body.title ?? cooperation!.demandTitle,
            summary: body.summary ?? cooperation!.summary,
            industryChain: body.industryChain,
            district: body.district ?? enterprise?.district ?? undefined,
            investmentYuan: body.investmentYuan ?? cooperation!.signedAmountYuan ?? 0,
            needs: [],
            cooperationId,
          },
        },
        // If-Match is the cooperation's version: it guards the link, not the new project.
        { ...ctx, expectedVersion: undefined },
      );
    }
    return { ...(await this.cooperation.execute(cooperationId, link, ctx)), projectId };
  }
}
