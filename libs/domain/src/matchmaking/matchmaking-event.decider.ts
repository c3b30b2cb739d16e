import { INPUT_LIMITS } from '../kernel/input-limits';
import { resolveOccurredAt } from '../kernel/business-time';
import { Decider } from '../kernel/decider';
import { calendarDate, oneOf, optionalList, optionalText, requiredText, withoutUndefined } from '../kernel/validation';
import { MatchmakingEventCommand } from './matchmaking.commands';
import { matchmakingErrors } from './matchmaking.errors';
import { MATCHMAKING_KINDS, MatchmakingEventEvent, MatchmakingKind } from './matchmaking.events';

export interface MatchmakingEvent {
  id: string;
  title: string;
  kind: MatchmakingKind;
  heldOn: string;
  hosts: string[];
  district: string | null;
  lastOccurredAt: string;
}

/** null: nothing has been scheduled on this stream. */
export type MatchmakingEventState = MatchmakingEvent | null;

// Scheduling is the only command so far, hence no switch on the command type.
function decide({ data, metadata }: MatchmakingEventCommand, state: MatchmakingEventState): MatchmakingEventEvent[] {
  if (state !== null) throw matchmakingErrors.eventAlreadyExists();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const hosts = optionalList(data.hosts, 'hosts', INPUT_LIMITS.matchmaking.hosts)?.map((host, i) =>
    requiredText(host, `hosts[${i}]`),
  );
  return [
    {
      type: 'MatchmakingEventScheduled',
      data: withoutUndefined({
        eventId: requiredText(data.eventId, 'eventId'),
        title: requiredText(data.title, 'title'),
        kind: oneOf(data.kind, MATCHMAKING_KINDS, 'kind'),
        heldOn: calendarDate(data.heldOn, 'heldOn'),
        hosts: hosts && hosts.length > 0 ? hosts : undefined,
        district: optionalText(data.district, 'district'),
        occurredAt,
      }),
    },
  ];
}

function evolve(_state: MatchmakingEventState, { data }: MatchmakingEventEvent): MatchmakingEventState {
  return {
    id: data.eventId,
    title: data.title,
    kind: data.kind,
    heldOn: data.heldOn,
    hosts: data.hosts ?? [],
    district: data.district ?? null,
    lastOccurredAt: data.occurredAt,
  };
}

export const matchmakingEventDecider: Decider<MatchmakingEventState, MatchmakingEventCommand, MatchmakingEventEvent> = {
  decide,
  evolve,
  initialState: () => null,
};
