import { conflict, DomainError, invalid, notFound } from '../kernel/domain.error';

export const EnterpriseErrorCode = {
  ENTERPRISE_NOT_FOUND: 'ENTERPRISE_NOT_FOUND',
  ENTERPRISE_ALREADY_EXISTS: 'ENTERPRISE_ALREADY_EXISTS',
  INVALID_CREDIT_CODE: 'INVALID_CREDIT_CODE',
  CREDIT_CODE_TAKEN: 'CREDIT_CODE_TAKEN',
  NOTHING_TO_UPDATE: 'NOTHING_TO_UPDATE',
  TIER_SINCE_IN_FUTURE: 'TIER_SINCE_IN_FUTURE',
  TIER_SINCE_BEFORE_PREVIOUS: 'TIER_SINCE_BEFORE_PREVIOUS',
  TIER_UNCHANGED: 'TIER_UNCHANGED',
} as const;
export type EnterpriseErrorCode = (typeof EnterpriseErrorCode)[keyof typeof EnterpriseErrorCode];

const C = EnterpriseErrorCode;

export const enterpriseErrors = {
  notFound: (): DomainError => notFound(C.ENTERPRISE_NOT_FOUND, 'There is no enterprise with this id.'),
  alreadyExists: (): DomainError => conflict(C.ENTERPRISE_ALREADY_EXISTS, 'An enterprise with this id already exists.'),
  invalidCreditCode: (): DomainError =>
    invalid(
      C.INVALID_CREDIT_CODE,
      'The unified social credit code must be 18 digits or capital letters (without I, O, Z, S, V) ending in the correct check character.',
      'creditCode',
    ),
  // A credit code identifies one legal entity; registering it twice would split its dossier.
  creditCodeTaken: (): DomainError =>
    conflict(C.CREDIT_CODE_TAKEN, 'An enterprise with this unified social credit code is already registered.'),
  nothingToUpdate: (): DomainError =>
    invalid(C.NOTHING_TO_UPDATE, 'An update must set at least one of name, district or tier.'),
  tierSinceInFuture: (): DomainError =>
    invalid(
      C.TIER_SINCE_IN_FUTURE,
      'The date "since" lies in the future; only a tier already held can be recorded.',
      'since',
    ),
  // The ladder is read as of any date, so its steps must be in the order they happened.
  tierSinceBeforePrevious: (previous: string): DomainError =>
    conflict(C.TIER_SINCE_BEFORE_PREVIOUS, `The date "since" lies before the previous tier change (${previous}).`),
  tierUnchanged: (tier: string): DomainError =>
    conflict(C.TIER_UNCHANGED, `The enterprise already holds the tier "${tier}".`),
};
