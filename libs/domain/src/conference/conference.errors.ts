import { conflict, DomainError } from '../kernel/domain.error';

export const ConferenceErrorCode = {
  CONFERENCE_ALREADY_EXISTS: 'CONFERENCE_ALREADY_EXISTS',
} as const;
export type ConferenceErrorCode = (typeof ConferenceErrorCode)[keyof typeof ConferenceErrorCode];

export const conferenceErrors = {
  alreadyExists: (): DomainError =>
    conflict(ConferenceErrorCode.CONFERENCE_ALREADY_EXISTS, 'A conference with this id already exists.'),
};
