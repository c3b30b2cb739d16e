import type {
  BusinessTimeErrorCode,
  ConferenceErrorCode,
  EnterpriseErrorCode,
  MatchmakingErrorCode,
  ProjectErrorCode,
  SupervisionErrorCode,
  ValidationErrorCode,
} from '@luodi/domain';

/**
 * Every `code` the API can answer with, in one registry: its HTTP status and a title. The API's
 * errors are typed over it (apps/api/src/common/problem.ts), and so is the web's wording table
 * (apps/web/src/messages-problems.ts): a code added here without a zh-CN sentence fails the web's
 * type check, and a domain code added without an entry here fails this file's.
 */
export interface ProblemType {
  /**
   * The statuses it answers with; an API error of this code gets the first. The domain's codes
   * get theirs from the error's kind (invalid 400, not-found 404, forbidden 403, conflict 409),
   * and a code the API raises for a missing resource in the path (404) and the domain for a
   * missing one named in the body (400) lists both, 404 first.
   */
  statuses: readonly [number, ...number[]];
  /** A short summary of the problem, the same for every answer with this code. */
  title: string;
}

type CodesOf<T> = T[keyof T];
type DomainProblemCode =
  | CodesOf<typeof ProjectErrorCode>
  | CodesOf<typeof EnterpriseErrorCode>
  | CodesOf<typeof ConferenceErrorCode>
  | CodesOf<typeof MatchmakingErrorCode>
  | CodesOf<typeof ValidationErrorCode>
  | CodesOf<typeof BusinessTimeErrorCode>
  | CodesOf<typeof SupervisionErrorCode>;

const type = (title: string, ...statuses: [number, ...number[]]): ProblemType => ({ statuses, title });

/** The codes of the domain (libs/domain *.errors.ts, validation.ts, business-time.ts). */
const DOMAIN_PROBLEMS = {
  PROJECT_NOT_FOUND: type('Project not found', 404),
  PROJECT_ALREADY_EXISTS: type('Project already exists', 409),
  ENTERPRISE_NOT_FOUND: type('Enterprise not found', 404, 400),
  CONFERENCE_NOT_FOUND: type('Conference not found', 404, 400),
  INVALID_SCORE: type('Invalid score', 400),
  NOTHING_TO_REVISE: type('Nothing to revise', 400),
  PROJECT_ALREADY_DECIDED: type('Review already decided', 409),
  PROJECT_CLOSED: type('Project closed', 409),
  PROJECT_NOT_IN_LIBRARY: type('Project not in the library', 409),
  PROJECT_ALREADY_PRESENTED: type('Project already presented', 409),
  PROJECT_NOT_PRESENTED: type('Project not presented', 409),
  UNKNOWN_DEPARTMENT: type('Unknown department', 400),
  DUPLICATE_DEPARTMENT: type('Department listed twice', 400),
  LEAD_ALSO_SUPPORTING: type('Lead department also supporting', 400),
  MILESTONE_REQUIRED: type('Milestone required', 400),
  PROJECT_NOT_ASSIGNED: type('Project has no landing plan', 409),
  MILESTONE_NOT_FOUND: type('Milestone not found', 400),
  MILESTONE_REQUIRED_FOR_DONE: type('Milestone required', 400),
  MILESTONE_ALREADY_DONE: type('Milestone already done', 409),
  NOT_YOUR_ASSIGNMENT: type('Not your assignment', 403),
  NOT_YOUR_PROJECT: type('Not your project', 403),
  NEED_NOT_FOUND: type('Need not found', 400),
  NEED_ALREADY_RESOLVED: type('Need already resolved', 409),
  PROJECT_HAS_NO_LANDING_PLAN: type('Project has no landing plan', 409),
  PROJECT_ALREADY_LANDED: type('Project already landed', 409),
  LANDED_ON_IN_FUTURE: type('Landing date in the future', 400),
  LANDED_ON_BEFORE_PREVIOUS_EVENT: type('Landing date out of order', 409),
  PRESENTATION_BEFORE_CONFERENCE: type('Presentation before the conference', 409),
  LANDING_HAS_OPEN_ITEMS: type('Landing has open items', 409),
  PROJECT_NOT_LANDED: type('Project not landed', 409),
  CORRECTION_NEEDS_ONE_CHANGE: type('Correction needs one change', 400),
  LANDING_UNCHANGED: type('Landing unchanged', 409),
  NEED_NOT_RESOLVED: type('Need not resolved', 409),
  ENTERPRISE_ALREADY_EXISTS: type('Enterprise already exists', 409),
  INVALID_CREDIT_CODE: type('Invalid credit code', 400),
  CREDIT_CODE_TAKEN: type('Credit code taken', 409),
  NOTHING_TO_UPDATE: type('Nothing to update', 400),
  CONFERENCE_ALREADY_EXISTS: type('Conference already exists', 409),
  TEXT_REQUIRED: type('Text required', 400),
  INVALID_TEXT: type('Invalid text', 400),
  INVALID_AMOUNT: type('Invalid amount', 400),
  INVALID_CHOICE: type('Invalid choice', 400),
  INVALID_DATE: type('Invalid date', 400),
  INVALID_LIST: type('Invalid list', 400),
  INVALID_OBJECT: type('Invalid object', 400),
  INVALID_FLAG: type('Invalid flag', 400),
  DUPLICATE_ID: type('Duplicate id', 400),
  INVALID_OCCURRED_AT: type('Invalid time of occurrence', 400),
  OCCURRED_AT_IN_FUTURE: type('Time of occurrence in the future', 400),
  OCCURRED_AT_BEFORE_PREVIOUS_EVENT: type('Time of occurrence out of order', 409),
  MATCHMAKING_EVENT_ALREADY_EXISTS: type('Matchmaking event already exists', 409),
  MATCHMAKING_EVENT_NOT_FOUND: type('Matchmaking event not found', 400),
  DEMAND_ALREADY_EXISTS: type('Demand already exists', 409),
  DEMAND_NOT_FOUND: type('Demand not found', 404),
  PUBLISHER_NOT_FOUND: type('Publisher not found', 400),
  DEADLINE_BEFORE_PUBLICATION: type('Deadline before publication', 400),
  COOPERATION_ALREADY_EXISTS: type('Cooperation already exists', 409),
  COOPERATION_NOT_FOUND: type('Cooperation not found', 404),
  PROPOSER_NOT_FOUND: type('Proposer not found', 400),
  PROPOSAL_TO_OWN_DEMAND: type('Proposal to own demand', 400),
  PROPOSAL_BEFORE_DEMAND: type('Proposal before demand', 409),
  COOPERATION_DROPPED: type('Cooperation dropped', 409),
  STAGE_NOT_FORWARD: type('Stage not forward', 409),
  DELIVERY_BEFORE_SIGNING: type('Delivery before signing', 409),
  AMOUNT_ONLY_WHEN_SIGNED: type('Amount only when signed', 400),
  DROP_REASON_REQUIRED: type('Drop reason required', 400),
  COOPERATION_NOT_SIGNED: type('Cooperation not signed', 409),
  COOPERATION_ALREADY_HAS_PROJECT: type('Cooperation already has project', 409),
  TIER_SINCE_IN_FUTURE: type('Tier date in the future', 400),
  TIER_SINCE_BEFORE_PREVIOUS: type('Tier date before the previous change', 409),
  TIER_UNCHANGED: type('Tier unchanged', 409),
  NOTICE_ITEM_REQUIRED: type('Notice item required', 400),
  NOTICE_ITEM_CLOSED: type('Notice item closed', 409),
  NOTICE_NEEDS_LANDING_PLAN: type('Project has no landing plan', 409),
  RESPOND_BY_IN_PAST: type('Response date in the past', 400),
  LEADER_ISSUES_SUPERVISION_ONLY: type('Leaders issue supervision notices only', 403),
  NOTICE_NOT_FOUND: type('Notice not found', 404),
  NOT_YOUR_NOTICE: type('Not your notice', 403),
  NOTICE_ALREADY_ACKNOWLEDGED: type('Notice already signed for', 409),
  NOTICE_ALREADY_ANSWERED: type('Notice already answered', 409),
  INVALID_SUPERVISION_SETTING: type('Invalid supervision setting', 400),
} as const satisfies Record<DomainProblemCode, ProblemType>;

/**
 * The codes of the API itself: input, authentication, access, users, concurrency, operations.
 * None may reuse a domain code (the type says so), or the spread below would hide one.
 */
const API_PROBLEMS = {
  INVALID_INPUT: type('Invalid input', 400),
  MALFORMED_JSON: type('Malformed JSON', 400),
  JSON_TOO_DEEP: type('JSON nested too deeply', 400),
  INVALID_IF_MATCH: type('Invalid If-Match', 400),
  AS_OF_IN_FUTURE: type('Forecast date in the future', 400),
  KNOWN_AT_IN_FUTURE: type('Record-time cut in the future', 400),
  PERIOD_REVERSED: type('Period ends before it starts', 400),
  SCORECARD_WEIGHTS_NOT_100: type('Scorecard weights do not sum to 100', 400),
  REPORT_PERIOD_INVALID: type('Report period malformed', 400),
  REPORT_PERIOD_NOT_ENDED: type('Report period not ended', 400),
  REPORT_NOT_FOUND: type('Report not found', 404),
  UNAUTHENTICATED: type('Unauthenticated', 401),
  TOKEN_EXPIRED: type('Token expired', 401),
  TOKEN_INVALID: type('Token invalid', 401),
  TOKEN_REVOKED: type('Token revoked', 401),
  INVALID_CREDENTIALS: type('Invalid credentials', 401),
  FORBIDDEN: type('Forbidden', 403),
  ROLE_NOT_ALLOWED: type('Role not allowed', 403),
  NO_ACCESS_RULE: type('No access rule', 403),
  NOT_YOUR_DEPARTMENT: type('Not your department', 403),
  NOT_YOUR_COOPERATION: type('Not your cooperation', 403),
  DISPLAY_TOKEN_SCOPE: type('Not readable by a display token', 403),
  NOT_FOUND: type('Not found', 404),
  USER_NOT_FOUND: type('User not found', 404),
  DISPLAY_TOKEN_NOT_FOUND: type('Display token not found', 404),
  NOTIFICATION_NOT_FOUND: type('Notification not found', 404),
  WEBHOOK_NOT_FOUND: type('Webhook not found', 404),
  METHOD_NOT_ALLOWED: type('Method not allowed', 405),
  USERNAME_TAKEN: type('Username taken', 409),
  DISPLAY_TOKEN_REVOKED: type('Display token already revoked', 409),
  CANNOT_DISABLE_SELF: type('Cannot disable own account', 409),
  CANNOT_CHANGE_OWN_ROLE: type('Cannot change own role', 409),
  DEPARTMENT_ALREADY_EXISTS: type('Department already exists', 409),
  DEPARTMENT_NOT_FOUND: type('Department not found', 404),
  INDUSTRY_CHAIN_ALREADY_EXISTS: type('Industry chain already exists', 409),
  INDUSTRY_CHAIN_NOT_FOUND: type('Industry chain not found', 404),
  UNKNOWN_INDUSTRY_CHAIN: type('Unknown industry chain', 400),
  CONCURRENT_MODIFICATION: type('Concurrent modification', 409),
  EVENT_ID_REUSED: type('Event id reused', 409),
  IDEMPOTENCY_KEY_IN_PROGRESS: type('Idempotency-Key in progress', 409),
  REBUILD_RUNNING: type('Rebuild running', 409),
  VERSION_MISMATCH: type('Version mismatch', 412),
  PAYLOAD_TOO_LARGE: type('Payload too large', 413),
  UNSUPPORTED_MEDIA_TYPE: type('Unsupported media type', 415),
  IMPORT_HAS_ERRORS: type('Import has errors', 400),
  IMPORT_UNREADABLE: type('Workbook unreadable', 400),
  IMPORT_MISSING_COLUMNS: type('Ledger columns missing', 400),
  IMPORT_FILE_MISSING: type('File missing', 400),
  FILE_MISSING: type('File missing', 400),
  FILE_EMPTY: type('File empty', 400),
  FILE_NOT_FOUND: type('File not found', 404),
  EVIDENCE_FILE_NOT_FOUND: type('Evidence file not found', 400),
  EVIDENCE_FILE_OF_ANOTHER_PROJECT: type('Evidence file of another project', 409),
  IMPORT_TOO_MANY_ROWS: type('Too many rows', 413),
  IMPORT_UNPACKED_TOO_LARGE: type('Workbook unpacks too large', 413),
  IMPORT_NOT_XLSX: type('Not an xlsx workbook', 415),
  IMPORT_MACRO_ENABLED: type('Macro-enabled workbook', 415),
  IDEMPOTENCY_KEY_REUSED: type('Idempotency-Key reused', 422),
  TOO_MANY_LOGIN_ATTEMPTS: type('Too many login attempts', 429),
  LOGIN_BUSY: type('Login busy', 429),
  TOO_MANY_REQUESTS: type('Too many requests', 429),
  INTERNAL_ERROR: type('Internal error', 500),
  DATABASE_UNAVAILABLE: type('Database unavailable', 503),
  READ_MODELS_BEHIND: type('Read models behind', 503),
  SERVICE_UNAVAILABLE: type('Service unavailable', 503),
} as const satisfies Record<string, ProblemType> & Partial<Record<DomainProblemCode, never>>;

export const PROBLEMS = { ...DOMAIN_PROBLEMS, ...API_PROBLEMS } satisfies Record<string, ProblemType>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

export const isProblemCode = (code: string): code is ProblemCode => Object.hasOwn(PROBLEMS, code);
