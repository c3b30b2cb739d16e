import { Decider, DomainCommand, DomainEvent } from '../kernel/decider';
import { resolveOccurredAt } from '../kernel/business-time';
import { supervisionErrors } from '../project/supervision.errors';
import { DEFAULT_SUPERVISION_SETTINGS, SUPERVISION_SETTINGS_RANGE, SupervisionSettings } from './warning-ladder';

/** The one stream of the supervision settings; it names no aggregate kind, so no read model reads it. */
export const SUPERVISION_SETTINGS_STREAM = 'settings-supervision';

export type ChangeSupervisionSettings = DomainCommand<'ChangeSupervisionSettings', SupervisionSettings>;

export type SupervisionSettingsChanged = DomainEvent<
  'SupervisionSettingsChanged',
  SupervisionSettings & { occurredAt: string }
>;

const FIELDS = Object.keys(SUPERVISION_SETTINGS_RANGE) as (keyof SupervisionSettings)[];

function decide(
  { data, metadata }: ChangeSupervisionSettings,
  state: SupervisionSettings,
): SupervisionSettingsChanged[] {
  for (const field of FIELDS) {
    const { min, max } = SUPERVISION_SETTINGS_RANGE[field];
    const value = data[field];
    if (!Number.isInteger(value) || value < min || value > max) throw supervisionErrors.invalidSetting(field, min, max);
  }
  if (FIELDS.every((field) => data[field] === state[field])) return [];
  const settings = {
    dueSoonDays: data.dueSoonDays,
    escalateAfterDays: data.escalateAfterDays,
    responseDays: data.responseDays,
  };
  return [
    {
      type: 'SupervisionSettingsChanged',
      data: { ...settings, occurredAt: resolveOccurredAt(undefined, metadata.now) },
    },
  ];
}

function evolve(_state: SupervisionSettings, event: SupervisionSettingsChanged): SupervisionSettings {
  const { dueSoonDays, escalateAfterDays, responseDays } = event.data;
  return { dueSoonDays, escalateAfterDays, responseDays };
}

/** The settings in force: the defaults until an admin changes them. Setting the same values again records nothing. */
export const supervisionSettingsDecider: Decider<
  SupervisionSettings,
  ChangeSupervisionSettings,
  SupervisionSettingsChanged
> = {
  decide,
  evolve,
  initialState: () => ({ ...DEFAULT_SUPERVISION_SETTINGS }),
};
