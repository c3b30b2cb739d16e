import { DomainEvent } from '../kernel/decider';

/** A creativity conference (民营经济创意会), held about quarterly, each with a theme. */
export type ConferenceScheduled = DomainEvent<
  'ConferenceScheduled',
  { conferenceId: string; title: string; theme?: string; heldOn: string; occurredAt: string }
>;

export type ConferenceEvent = ConferenceScheduled;
