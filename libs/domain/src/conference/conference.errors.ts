import { conflict, DomainError, notFound } from '../kernel/domain.error';

export const ConferenceErrorCode = {
  CONFERENCE_ALREADY_EXISTS: 'CONFERENCE_ALREADY_EXISTS',
  CONFERENCE_NOT_FOUND: 'CONFERENCE_NOT_FOUND',
} as const;
export type ConferenceErrorCode = (typeof ConferenceErrorCode)[keyof typeof ConferenceErrorCode];

export const conferenceErrors = {
  alreadyExists: (): DomainError =>
    conflict(ConferenceErrorCode.CONFERENCE_ALREADY_EXISTS, 'A conference with this id already exists.'),
  notFound: (): DomainError =>
    notFound(ConferenceErrorCode.CONFERENCE_NOT_FOUND, 'There is no conference with this id.'),
};
