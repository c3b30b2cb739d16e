import { DomainCommand } from '../kernel/decider';
import { CooperationStage, DemandCategory, MatchmakingKind } from './matchmaking.events';

/**
 * Ids of new aggregates come in with the command; facts about other aggregates (the publisher,
 * the demand, the event) are looked up by the caller and passed in, null when not found.
 * `occurredAt` defaults to `metadata.now`.
 */

export type ScheduleMatchmakingEvent = DomainCommand<
  'ScheduleMatchmakingEvent',
  {
    eventId: string;
    title: string;
    kind: MatchmakingKind;
    heldOn: string;
    hosts?: string[];
    district?: string;
    occurredAt?: string;
  }
>;

export type MatchmakingEventCommand = ScheduleMatchmakingEvent;

/** A reference to a matchmaking event: undefined when none was named, null when none was found. */
export type EventRef = { id: string; heldOn: string } | null | undefined;

export type PublishDemand = DomainCommand<
  'PublishDemand',
  {
    demandId: string;
    publisher: { id: string; name: string } | null;
    category: DemandCategory;
    title: string;
    description?: string;
    budgetYuan?: number;
    deadline?: string;
    event?: EventRef;
    occurredAt?: string;
  }
>;

export type DemandCommand = PublishDemand;

export type ProposeCooperation = DomainCommand<
  'ProposeCooperation',
  {
    cooperationId: string;
    demand: {
      id: string;
      title: string;
      publisherId: string;
      publisherName: string;
      category: DemandCategory;
      eventId?: string;
      publishedAt: string;
    } | null;
    enterprise: { id: string; name: string } | null;
    summary: string;
    event?: EventRef;
    /** Codes of the departments that follow it (checked by the caller); their users see it. */
    departments?: string[];
    occurredAt?: string;
  }
>;

export type ChangeCooperationStage = DomainCommand<
  'ChangeCooperationStage',
  { stage: Exclude<CooperationStage, 'intent'>; amountYuan?: number; note?: string; occurredAt?: string }
>;

/** `projectId` is the project made from this cooperation, chosen by the caller. */
export type LinkCooperationProject = DomainCommand<'LinkCooperationProject', { projectId: string }>;

export type CooperationCommand = ProposeCooperation | ChangeCooperationStage | LinkCooperationProject;
