import { conflict, DomainError, invalid, notFound } from '../kernel/domain.error';

export const MatchmakingErrorCode = {
  MATCHMAKING_EVENT_ALREADY_EXISTS: 'MATCHMAKING_EVENT_ALREADY_EXISTS',
  MATCHMAKING_EVENT_NOT_FOUND: 'MATCHMAKING_EVENT_NOT_FOUND',
  DEMAND_ALREADY_EXISTS: 'DEMAND_ALREADY_EXISTS',
  DEMAND_NOT_FOUND: 'DEMAND_NOT_FOUND',
  PUBLISHER_NOT_FOUND: 'PUBLISHER_NOT_FOUND',
  DEADLINE_BEFORE_PUBLICATION: 'DEADLINE_BEFORE_PUBLICATION',
  COOPERATION_ALREADY_EXISTS: 'COOPERATION_ALREADY_EXISTS',
  COOPERATION_NOT_FOUND: 'COOPERATION_NOT_FOUND',
  PROPOSER_NOT_FOUND: 'PROPOSER_NOT_FOUND',
  PROPOSAL_TO_OWN_DEMAND: 'PROPOSAL_TO_OWN_DEMAND',
  PROPOSAL_BEFORE_DEMAND: 'PROPOSAL_BEFORE_DEMAND',
  COOPERATION_DROPPED: 'COOPERATION_DROPPED',
  STAGE_NOT_FORWARD: 'STAGE_NOT_FORWARD',
  DELIVERY_BEFORE_SIGNING: 'DELIVERY_BEFORE_SIGNING',
  AMOUNT_ONLY_WHEN_SIGNED: 'AMOUNT_ONLY_WHEN_SIGNED',
  DROP_REASON_REQUIRED: 'DROP_REASON_REQUIRED',
  COOPERATION_NOT_SIGNED: 'COOPERATION_NOT_SIGNED',
  COOPERATION_ALREADY_HAS_PROJECT: 'COOPERATION_ALREADY_HAS_PROJECT',
} as const;
export type MatchmakingErrorCode = (typeof MatchmakingErrorCode)[keyof typeof MatchmakingErrorCode];

const C = MatchmakingErrorCode;

export const matchmakingErrors = {
  eventAlreadyExists: (): DomainError =>
    conflict(C.MATCHMAKING_EVENT_ALREADY_EXISTS, 'A matchmaking event with this id already exists.'),
  eventNotFound: (): DomainError =>
    invalid(C.MATCHMAKING_EVENT_NOT_FOUND, 'There is no matchmaking event with this id.', 'eventId'),
  demandAlreadyExists: (): DomainError => conflict(C.DEMAND_ALREADY_EXISTS, 'A demand with this id already exists.'),
  demandNotFound: (): DomainError => notFound(C.DEMAND_NOT_FOUND, 'There is no demand with this id.'),
  publisherNotFound: (): DomainError =>
    invalid(C.PUBLISHER_NOT_FOUND, 'There is no enterprise with the id given as publisherId.', 'publisherId'),
  deadlineBeforePublication: (): DomainError =>
    invalid(C.DEADLINE_BEFORE_PUBLICATION, 'The deadline lies before the day the demand is published.', 'deadline'),
  cooperationAlreadyExists: (): DomainError =>
    conflict(C.COOPERATION_ALREADY_EXISTS, 'A cooperation with this id already exists.'),
  // No stage can be recorded before the proposal that starts the cooperation.
  cooperationNotFound: (): DomainError =>
    notFound(C.COOPERATION_NOT_FOUND, 'There is no cooperation with this id; it starts with a proposal.'),
  proposerNotFound: (): DomainError =>
    invalid(C.PROPOSER_NOT_FOUND, 'There is no enterprise with the id given as enterpriseId.', 'enterpriseId'),
  proposalToOwnDemand: (): DomainError =>
    invalid(C.PROPOSAL_TO_OWN_DEMAND, 'An enterprise cannot propose a cooperation on its own demand.', 'enterpriseId'),
  proposalBeforeDemand: (publishedAt: string): DomainError =>
    conflict(C.PROPOSAL_BEFORE_DEMAND, `The proposal would be dated before the demand was published (${publishedAt}).`),
  dropped: (): DomainError =>
    conflict(C.COOPERATION_DROPPED, 'The cooperation was dropped; it cannot move to another stage.'),
  stageNotForward: (current: string, requested: string): DomainError =>
    conflict(
      C.STAGE_NOT_FORWARD,
      `The cooperation is at stage "${current}"; it can only move forward, not to "${requested}".`,
    ),
  deliveryBeforeSigning: (): DomainError =>
    conflict(C.DELIVERY_BEFORE_SIGNING, 'A cooperation can be delivering only after it is signed.'),
  amountOnlyWhenSigned: (): DomainError =>
    invalid(
      C.AMOUNT_ONLY_WHEN_SIGNED,
      'The amount "amountYuan" is the signed amount: give it only with the stage "signed".',
      'amountYuan',
    ),
  dropReasonRequired: (): DomainError =>
    invalid(C.DROP_REASON_REQUIRED, 'Say in "note" why the cooperation was dropped.', 'note'),
  notSigned: (): DomainError => conflict(C.COOPERATION_NOT_SIGNED, 'Only a signed cooperation can become a project.'),
  alreadyHasProject: (projectId: string): DomainError =>
    conflict(C.COOPERATION_ALREADY_HAS_PROJECT, `The cooperation already became the project ${projectId}.`),
};
