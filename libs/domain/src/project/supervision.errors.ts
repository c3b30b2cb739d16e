import { conflict, DomainError, forbidden, invalid, notFound } from '../kernel/domain.error';

/** The rules a supervision notice (催办单, 督办单) or the supervision settings can break. */
export const SupervisionErrorCode = {
  NOTICE_ITEM_REQUIRED: 'NOTICE_ITEM_REQUIRED',
  NOTICE_ITEM_CLOSED: 'NOTICE_ITEM_CLOSED',
  NOTICE_NEEDS_LANDING_PLAN: 'NOTICE_NEEDS_LANDING_PLAN',
  RESPOND_BY_IN_PAST: 'RESPOND_BY_IN_PAST',
  LEADER_ISSUES_SUPERVISION_ONLY: 'LEADER_ISSUES_SUPERVISION_ONLY',
  NOTICE_NOT_FOUND: 'NOTICE_NOT_FOUND',
  NOT_YOUR_NOTICE: 'NOT_YOUR_NOTICE',
  NOTICE_ALREADY_ACKNOWLEDGED: 'NOTICE_ALREADY_ACKNOWLEDGED',
  NOTICE_ALREADY_ANSWERED: 'NOTICE_ALREADY_ANSWERED',
  INVALID_SUPERVISION_SETTING: 'INVALID_SUPERVISION_SETTING',
} as const;
export type SupervisionErrorCode = (typeof SupervisionErrorCode)[keyof typeof SupervisionErrorCode];

const C = SupervisionErrorCode;

export const supervisionErrors = {
  itemRequired: (): DomainError =>
    invalid(
      C.NOTICE_ITEM_REQUIRED,
      'Name exactly one of milestoneId and needId: the item the notice is about.',
      'milestoneId',
    ),
  itemClosed: (field: 'milestoneId' | 'needId'): DomainError =>
    conflict(
      C.NOTICE_ITEM_CLOSED,
      field === 'milestoneId'
        ? 'This milestone is already done; there is nothing to supervise.'
        : 'This need is already resolved; there is nothing to supervise.',
    ),
  needsLandingPlan: (): DomainError =>
    conflict(
      C.NOTICE_NEEDS_LANDING_PLAN,
      'Supervision notices go to the departments of the landing plan; this project has none yet.',
    ),
  respondByInPast: (today: string): DomainError =>
    invalid(
      C.RESPOND_BY_IN_PAST,
      `The date "respondBy" lies before today (${today}); a notice cannot be due in the past.`,
      'respondBy',
    ),
  leaderIssuesSupervisionOnly: (): DomainError =>
    forbidden(C.LEADER_ISSUES_SUPERVISION_ONLY, 'Leaders issue only 督办单 (level "supervision") as 批示.'),
  noticeNotFound: (): DomainError => notFound(C.NOTICE_NOT_FOUND, 'There is no supervision notice with this id.'),
  notYourNotice: (): DomainError =>
    forbidden(C.NOT_YOUR_NOTICE, 'Department users may only sign and answer notices to their own department.'),
  alreadyAcknowledged: (): DomainError =>
    conflict(C.NOTICE_ALREADY_ACKNOWLEDGED, 'This notice has already been signed for.'),
  alreadyAnswered: (): DomainError => conflict(C.NOTICE_ALREADY_ANSWERED, 'This notice has already been answered.'),
  invalidSetting: (field: string, min: number, max: number): DomainError =>
    invalid(C.INVALID_SUPERVISION_SETTING, `Setting "${field}" must be a whole number from ${min} to ${max}.`, field),
};
