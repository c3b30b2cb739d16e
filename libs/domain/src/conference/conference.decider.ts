import { resolveOccurredAt } from '../kernel/business-time';
import { Decider } from '../kernel/decider';
import { INPUT_LIMITS } from '../kernel/input-limits';
import { calendarDate, optionalText, requiredText, withoutUndefined } from '../kernel/validation';
import { ConferenceCommand, NameConferenceThemeInEnglish, ScheduleConference } from './conference.commands';
import { conferenceErrors } from './conference.errors';
import { ConferenceEvent } from './conference.events';

export interface Conference {
  id: string;
  title: string;
  theme: string | null;
  /** The theme in English mode; null: English mode shows `theme`. */
  themeEn: string | null;
  heldOn: string;
  scheduledAt: string;
  lastOccurredAt: string;
}

/** null: nothing has been scheduled on this stream. */
export type ConferenceState = Conference | null;

function decide(command: ConferenceCommand, state: ConferenceState): ConferenceEvent[] {
  switch (command.type) {
    case 'ScheduleConference':
      return schedule(command, state);
    case 'NameConferenceThemeInEnglish':
      return nameThemeInEnglish(command, state);
  }
}

function schedule({ data, metadata }: ScheduleConference, state: ConferenceState): ConferenceEvent[] {
  if (state !== null) throw conferenceErrors.alreadyExists();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  return [
    {
      type: 'ConferenceScheduled',
      data: withoutUndefined({
        conferenceId: requiredText(data.conferenceId, 'conferenceId'),
        title: requiredText(data.title, 'title', INPUT_LIMITS.conference.title),
        theme: optionalText(data.theme, 'theme', INPUT_LIMITS.conference.theme),
        themeEn: optionalText(data.themeEn, 'themeEn', INPUT_LIMITS.conference.theme),
        heldOn: calendarDate(data.heldOn, 'heldOn'),
        occurredAt,
      }),
    },
  ];
}

function nameThemeInEnglish(
  { data, metadata }: NameConferenceThemeInEnglish,
  state: ConferenceState,
): ConferenceEvent[] {
  if (state === null) throw conferenceErrors.notFound();
  const themeEn = optionalText(data.themeEn, 'themeEn', INPUT_LIMITS.conference.theme);
  // Giving the theme it already has changes nothing.
  if ((themeEn ?? null) === state.themeEn) return [];
  return [{ type: 'ConferenceThemeNamedInEnglish', data: withoutUndefined({ themeEn, occurredAt: metadata.now }) }];
}

function evolve(state: ConferenceState, event: ConferenceEvent): ConferenceState {
  if (event.type === 'ConferenceScheduled') {
    const { data } = event;
    return {
      id: data.conferenceId,
      title: data.title,
      theme: data.theme ?? null,
      themeEn: data.themeEn ?? null,
      heldOn: data.heldOn,
      scheduledAt: data.occurredAt,
      lastOccurredAt: data.occurredAt,
    };
  }
  // A stored stream always starts with ConferenceScheduled; anything else means it is corrupt.
  if (state === null)
    throw new Error(`${event.type} cannot apply to a conference stream that has no ConferenceScheduled event.`);
  return { ...state, themeEn: event.data.themeEn ?? null, lastOccurredAt: event.data.occurredAt };
}

export const conferenceDecider: Decider<ConferenceState, ConferenceCommand, ConferenceEvent> = {
  decide,
  evolve,
  initialState: () => null,
};
