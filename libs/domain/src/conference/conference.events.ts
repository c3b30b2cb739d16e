import { DomainEvent } from '../kernel/decider';

/**
 * A creativity conference (民营经济创意会), held about quarterly, each with a theme; `themeEn` is
 * the theme shown in English mode, only when given.
 */
export type ConferenceScheduled = DomainEvent<
  'ConferenceScheduled',
  { conferenceId: string; title: string; theme?: string; themeEn?: string; heldOn: string; occurredAt: string }
>;

/** The English theme given, changed, or cleared (`themeEn` left out). */
export type ConferenceThemeNamedInEnglish = DomainEvent<
  'ConferenceThemeNamedInEnglish',
  { themeEn?: string; occurredAt: string }
>;

export type ConferenceEvent = ConferenceScheduled | ConferenceThemeNamedInEnglish;
