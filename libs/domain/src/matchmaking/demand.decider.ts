import { businessDate, resolveOccurredAt } from '../kernel/business-time';
import { Decider } from '../kernel/decider';
import {
  calendarDate,
  oneOf,
  optionalAmountInYuan,
  optionalText,
  requiredText,
  withoutUndefined,
} from '../kernel/validation';
import { DemandCommand, EventRef } from './matchmaking.commands';
import { matchmakingErrors } from './matchmaking.errors';
import { DEMAND_CATEGORIES, DemandCategory, DemandEvent } from './matchmaking.events';

export interface Demand {
  id: string;
  publisherId: string;
  publisherName: string;
  category: DemandCategory;
  title: string;
  description: string | null;
  budgetYuan: number | null;
  deadline: string | null;
  eventId: string | null;
  publishedAt: string;
  lastOccurredAt: string;
}

/** null: nothing has been published on this stream. */
export type DemandState = Demand | null;

/** The id of a named event; a named event that was not found is refused. */
export function eventIdOf(event: EventRef): string | undefined {
  if (event === null) throw matchmakingErrors.eventNotFound();
  return event?.id;
}

// Publishing is the only command so far, hence no switch on the command type.
function decide({ data, metadata }: DemandCommand, state: DemandState): DemandEvent[] {
  if (state !== null) throw matchmakingErrors.demandAlreadyExists();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  if (!data.publisher) throw matchmakingErrors.publisherNotFound();
  const deadline =
    data.deadline === undefined || data.deadline === null ? undefined : calendarDate(data.deadline, 'deadline');
  if (deadline !== undefined && deadline < businessDate(occurredAt))
    throw matchmakingErrors.deadlineBeforePublication();
  return [
    {
      type: 'DemandPublished',
      data: withoutUndefined({
        demandId: requiredText(data.demandId, 'demandId'),
        publisherId: data.publisher.id,
        publisherName: data.publisher.name,
        category: oneOf(data.category, DEMAND_CATEGORIES, 'category'),
        title: requiredText(data.title, 'title'),
        description: optionalText(data.description, 'description'),
        budgetYuan: optionalAmountInYuan(data.budgetYuan, 'budgetYuan'),
        deadline,
        eventId: eventIdOf(data.event),
        occurredAt,
      }),
    },
  ];
}

function evolve(_state: DemandState, { data }: DemandEvent): DemandState {
  return {
    id: data.demandId,
    publisherId: data.publisherId,
    publisherName: data.publisherName,
    category: data.category,
    title: data.title,
    description: data.description ?? null,
    budgetYuan: data.budgetYuan ?? null,
    deadline: data.deadline ?? null,
    eventId: data.eventId ?? null,
    publishedAt: data.occurredAt,
    lastOccurredAt: data.occurredAt,
  };
}

export const demandDecider: Decider<DemandState, DemandCommand, DemandEvent> = {
  decide,
  evolve,
  initialState: () => null,
};
