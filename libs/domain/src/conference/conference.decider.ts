import { resolveOccurredAt } from '../kernel/business-time';
import { Decider } from '../kernel/decider';
import { INPUT_LIMITS } from '../kernel/input-limits';
import { calendarDate, optionalText, requiredText, withoutUndefined } from '../kernel/validation';
import { ConferenceCommand } from './conference.commands';
import { conferenceErrors } from './conference.errors';
import { ConferenceEvent } from './conference.events';

export interface Conference {
  id: string;
  title: string;
  theme: string | null;
  heldOn: string;
  scheduledAt: string;
  lastOccurredAt: string;
}

/** null: nothing has been scheduled on this stream. */
export type ConferenceState = Conference | null;

// Scheduling is the only conference command so far, hence no switch on the command type.
function decide({ data, metadata }: ConferenceCommand, state: ConferenceState): ConferenceEvent[] {
  if (state !== null) throw conferenceErrors.alreadyExists();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  return [
    {
      type: 'ConferenceScheduled',
      data: withoutUndefined({
        conferenceId: requiredText(data.conferenceId, 'conferenceId'),
        title: requiredText(data.title, 'title', INPUT_LIMITS.conference.title),
        theme: optionalText(data.theme, 'theme', INPUT_LIMITS.conference.theme),
        heldOn: calendarDate(data.heldOn, 'heldOn'),
        occurredAt,
      }),
    },
  ];
}

function evolve(_state: ConferenceState, { data }: ConferenceEvent): ConferenceState {
  return {
    id: data.conferenceId,
    title: data.title,
    theme: data.theme ?? null,
    heldOn: data.heldOn,
    scheduledAt: data.occurredAt,
    lastOccurredAt: data.occurredAt,
  };
}

export const conferenceDecider: Decider<ConferenceState, ConferenceCommand, ConferenceEvent> = {
  decide,
  evolve,
  initialState: () => null,
};
