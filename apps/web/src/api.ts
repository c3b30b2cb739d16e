/**
 * The typed client of HTTP API v1. Every call carries the bearer token; every GET carries the
 * highest stream position this session has written (`minPosition`), so the page reads its own
 * writes; every command carries an `Idempotency-Key`, so it is never run twice. Errors arrive as
 * RFC 9457 problem details and are thrown as ApiError.
 */

import { getLang } from './i18n';

/*
 * The API's answers and command bodies, as the server declares them: type-only imports (erased
 * at build, so no server code reaches the bundle; .dependency-cruiser.cjs allows nothing else).
 * A field renamed on the server fails `npm run typecheck:web`, not the user.
 */
import type {
  Cooperation as CooperationState,
  CooperationStage,
  DemandCategory,
  EnterpriseTier,
  LadderReading,
  MatchmakingKind,
  SupervisionSettings,
  NeedKind,
  OpenItem,
  ProjectNeed,
  ProjectMilestone,
  ProjectStatus,
  ReviewVerdict,
  WarningColour,
} from '@luodi/domain';
import type { BacktestPoint, DepartmentScorecard, LandingForecast, ScorecardWeights } from '@luodi/forecast';
import type {
  ConferenceListItem,
  DashboardSummary,
  DossierProject,
  EnterpriseListItem,
  LandingRateGroup,
  LandingRateRow,
  Page,
  ProjectListRow,
  CooperationItem,
  DemandBoardItem,
  MatchmakingEventItem,
  MatchmakingGroup,
  NotificationItem,
  TierLadderCounts,
  SupervisionDashboard,
  SupervisionNoticeItem,
  DashboardProject,
  OverdueMilestone,
} from '@luodi/read-models';
import type { ChangeTierDto } from '../../api/src/enterprises/change-tier.dto';
import type { EnterpriseDossierView } from '../../api/src/enterprises/queries/enterprise-queries.handler';
import type {
  ChangeCooperationStageDto,
  CooperationProjectDto,
  ProposeCooperationDto,
} from '../../api/src/matchmaking/cooperation.dto';
import type { PublishDemandDto } from '../../api/src/matchmaking/demand.dto';
import type { CooperationProjectAccepted } from '../../api/src/matchmaking/matchmaking-commands.handler';
import type { ScheduleMatchmakingEventDto } from '../../api/src/matchmaking/matchmaking-event.dto';
import type { MatchmakingDashboard } from '../../api/src/matchmaking/queries/matchmaking-queries.handler';
import type {
  ListCooperationsQueryDto,
  ListDemandsQueryDto,
} from '../../api/src/matchmaking/queries/matchmaking-queries.dto';
import type { AuditPage, AuditRecord } from '../../api/src/audit/audit-log.service';
import type { AUDIT_ACTIONS as SERVER_AUDIT_ACTIONS } from '../../api/src/audit/audit-log.service';
import type { Role } from '../../api/src/auth/actor';
import type { Session, SessionUser } from '../../api/src/auth/auth.service';
import type { CommandAccepted } from '../../api/src/common/event-sourced';
import type { ScheduleConferenceDto } from '../../api/src/conferences/schedule-conference.dto';
import type {
  DashboardProjectsQueryDto,
  DashboardQueryDto,
  TrendQueryDto,
} from '../../api/src/dashboard/dashboard-query.dto';
import type { TrendPoint } from '../../api/src/dashboard/dashboard.handlers';
import type { CreateDisplayTokenDto } from '../../api/src/display/create-display-token.dto';
import type { DisplayTokenView } from '../../api/src/display/display-tokens.service';
import type { CreateDepartmentDto } from '../../api/src/departments/create-department.dto';
import type { DepartmentView } from '../../api/src/departments/create-department.handler';
import type { IndustryChainView } from '../../api/src/industry-chains/industry-chain-commands.handler';
import type { AddIndustryChainDto } from '../../api/src/industry-chains/industry-chain.dto';
import type { DepartmentAssignmentsQueryDto } from '../../api/src/departments/queries/department-assignments.dto';
import type { InboxRow } from '../../api/src/departments/queries/department-assignments.handler';
import type { AnswerNoticeDto, IssueNoticeDto } from '../../api/src/supervision/issue-notice.dto';
import type { ListNoticesQueryDto } from '../../api/src/supervision/queries/list-notices.dto';
import type { ProjectSupervision } from '../../api/src/supervision/queries/supervision-views.controller';
import type {
  OverdueMilestonesQueryDto,
  SupervisionDashboardQueryDto,
} from '../../api/src/supervision/queries/supervision-views.dto';
import type { RegisterEnterpriseDto } from '../../api/src/enterprises/register-enterprise.dto';
import type { ListEnterprisesQueryDto } from '../../api/src/enterprises/queries/list-enterprises.dto';
import type { UpdateEnterpriseDto } from '../../api/src/enterprises/update-enterprise.dto';
import type { LandingForecastQueryDto } from '../../api/src/forecast/landing-forecast-query.dto';
import type { AuditLogQuery } from '../../api/src/audit/audit-log-query.dto';
import type { AssignLandingPlanDto } from '../../api/src/projects/assign-landing-plan.dto';
import type { ProjectHistory, ProjectHistoryEntry } from '../../api/src/projects/get-project-history.handler';
import type { ProjectView } from '../../api/src/projects/get-project.handler';
import type { LandProjectDto } from '../../api/src/projects/land-project.dto';
import type { PresentProjectDto } from '../../api/src/projects/present-project.dto';
import type { ListProjectsQueryDto } from '../../api/src/projects/queries/list-projects.dto';
import type { ReportProgressDto } from '../../api/src/projects/report-progress.dto';
import type { ResolveNeedDto } from '../../api/src/projects/resolve-need.dto';
import type { ReviseSubmissionDto } from '../../api/src/projects/revise-submission.dto';
import type { ReviewProjectDto } from '../../api/src/projects/review-project.dto';
import type { SubmitProjectDto } from '../../api/src/projects/submit-project.dto';
import type { WithdrawProjectDto } from '../../api/src/projects/withdraw-project.dto';
import type { CorrectLandingDto } from '../../api/src/projects/correct-landing.dto';
import type { EvidenceFile } from '../../api/src/files/evidence-files.service';
import type { ProjectEvidence } from '../../api/src/files/files.controller';
import type { NotificationsQueryDto } from '../../api/src/notifications/notifications-query.dto';
import type { RegisterWebhookDto } from '../../api/src/notifications/register-webhook.dto';
import type { DeliveryView, WebhookView } from '../../api/src/notifications/webhooks.service';
import type { CreateUserDto } from '../../api/src/users/create-user.dto';
import type { UserView } from '../../api/src/users/users.service';
import type { BacktestQueryDto } from '../../api/src/forecast/backtest-query.dto';
import type { LandingBacktestAnswer } from '../../api/src/forecast/landing-backtest.handler';
import type { PublishReportDto } from '../../api/src/reports/publish-report.dto';
import type { Report as ReportView, ReportHeader } from '../../api/src/reports/reports.service';
import type {
  DepartmentScorecardItems,
  DepartmentScorecards,
} from '../../api/src/scorecards/department-scorecards.handler';
import type { ScorecardQueryDto } from '../../api/src/scorecards/scorecard-query.dto';
import type { ScorecardWeightsView } from '../../api/src/scorecards/scorecard-weights.service';

export type { DashboardProject, DisplayTokenView, NeedKind, Page, ProjectStatus, Role, Session };
export type Verdict = ReviewVerdict;
export type Tier = EnterpriseTier;
export type GroupBy = LandingRateGroup;
/** The logged-in user. */
export type User = SessionUser;
export type CommandResult = CommandAccepted;
export type Department = DepartmentView;
export type IndustryChain = IndustryChainView;
/** A user account as the admin sees it (never the password). */
export type Account = UserView;
export type { AuditRecord };
export type Conference = ConferenceListItem;
export type Enterprise = EnterpriseListItem;
export type ProjectListItem = ProjectListRow;
export type Need = ProjectNeed;
export type { EvidenceFile, OpenItem, ProjectEvidence };
export type Milestone = ProjectMilestone;
/** `GET /api/projects/:id`: the project's current state, as its stream folds. */
export type ProjectDetail = ProjectView;
export type HistoryEvent = ProjectHistoryEntry;
export type Assignment = InboxRow;
export type { OverdueMilestone, ProjectSupervision, SupervisionDashboard, SupervisionNoticeItem, WarningColour };
export type Warning = LadderReading;
export type Dossier = EnterpriseDossierView;
export type { DossierProject };
export type Summary = DashboardSummary;
export type RateRow = LandingRateRow;
export type Forecast = LandingForecast;
export type AuditAction = (typeof SERVER_AUDIT_ACTIONS)[number];
export type DashboardFilters = Omit<DashboardQueryDto, 'minPosition'>;
export type { CooperationStage, DemandCategory, MatchmakingKind, MatchmakingGroup };
export type MatchmakingEvent = MatchmakingEventItem;
export type DemandItem = DemandBoardItem;
export type CooperationRow = CooperationItem;
/** `GET /api/cooperations/:id`: the cooperation folded from its stream. */
export type CooperationDetail = CooperationState & { version: number };
export type MatchmakingFigures = MatchmakingDashboard;
export type TierLadder = TierLadderCounts;
export type Scorecards = DepartmentScorecards;
export type Scorecard = DepartmentScorecard;
export type ScorecardItems = DepartmentScorecardItems;
export type Weights = ScorecardWeights;
export type WeightsView = ScorecardWeightsView;
export type Report = ReportView;
export type ReportListItem = ReportHeader;
export type Backtest = LandingBacktestAnswer;
export type { BacktestPoint };
export type { NotificationItem };
export type Webhook = WebhookView;
export type Delivery = DeliveryView;
export type WebhookKind = RegisterWebhookDto['kind'];
export type NotificationKind = NotificationItem['kind'];

// Option lists of the forms and filters; typed by the server's unions, so a value it drops fails the type-check.
export const ROLES: Role[] = ['taskforce', 'reviewer', 'department', 'leader', 'admin'];
export const PROJECT_STATUSES: ProjectStatus[] = [
  'submitted',
  'approved',
  'rejected',
  'presented',
  'assigned',
  'landed',
  'withdrawn',
];
export const NEED_KINDS: NeedKind[] = ['land', 'talent', 'financing', 'orders', 'policy', 'other'];
export const VERDICTS: Verdict[] = ['approved', 'revise', 'rejected'];
export const TIERS: Tier[] = ['none', 'municipal', 'provincial', 'national'];
export const MATCHMAKING_KINDS: MatchmakingKind[] = ['soe-private', 'bai-chang-wan-qi', 'gov-enterprise', 'other'];
export const DEMAND_CATEGORIES: DemandCategory[] = [
  'rnd',
  'procurement',
  'components',
  'tech-transfer',
  'digital',
  'resource-sharing',
  'green',
  'supply-chain-finance',
  'talent',
  'quality',
  'space',
  'cross-border',
];
export const COOPERATION_STAGES: CooperationStage[] = [
  'intent',
  'negotiating',
  'trial',
  'signed',
  'delivering',
  'dropped',
];
export const WEBHOOK_KINDS: WebhookKind[] = ['wecom', 'dingtalk', 'feishu', 'generic'];
export const NOTIFICATION_KINDS: NotificationKind[] = [
  'assignment',
  'reminder',
  'supervision',
  'due-soon',
  'overdue',
  'escalated',
  'notice-acknowledged',
  'notice-answered',
];
export const AUDIT_ACTIONS: AuditAction[] = [
  'auth.login.succeeded',
  'auth.login.failed',
  'user.created',
  'user.role-changed',
  'user.disabled',
  'user.enabled',
  'user.password-reset',
  'user.password-changed',
  'user.email-changed',
  'admin.rebuild-started',
  'settings.scorecard-weights-changed',
  'report.published',
];

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
  /** LANDING_HAS_OPEN_ITEMS: the milestones not done and needs not resolved. */
  openItems?: OpenItem[];
  /** From `Retry-After`, when the API says when to try again (too many login attempts). */
  retryAfterSeconds?: number;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }
}

const LOGIN_PATH = '/api/auth/login';
const SESSION_KEY = 'luodi.session';
const POSITION_KEY = 'luodi.minPosition';

let unauthorizedHandler: () => void = () => {};
/** A wall screen's display token, used instead of the session while the wall page is shown. */
let bearerOverride: string | null = null;

export function setBearerOverride(token: string | null): void {
  bearerOverride = token;
}

/** Called on every 401: the app drops the session and shows the login page. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else {
    sessionStorage.removeItem(SESSION_KEY);
    sessionStorage.removeItem(POSITION_KEY);
  }
}

// Positions may exceed 2^53 in a long-lived store, so they are compared as big integers.
function rememberPosition(position: number | undefined): void {
  if (position === undefined || position === null) return;
  const seen = sessionStorage.getItem(POSITION_KEY);
  if (seen === null || BigInt(position) > BigInt(seen)) sessionStorage.setItem(POSITION_KEY, String(position));
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A random (version 4) UUID. crypto.randomUUID needs a secure context; an intranet http:// address is none. */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Idempotency keys of the commands sent but not answered yet (in flight, or lost to a network
 * error), by what they ask. The same command sent again — a double click, or the user's retry
 * after the network failed — carries the same key, so the API runs it once and answers the retry
 * with the first answer. Any answer from the API ends the key: the next submission is a new action.
 */
const unansweredCommands = new Map<string, string>();

async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; version?: number } = {},
): Promise<T> {
  // Accept-Language lets the API word its messages in the reader's language, if it can.
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': getLang(),
  };
  const token = bearerOverride ?? loadSession()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  const query = { ...options.query };
  if (method === 'GET') query.minPosition = sessionStorage.getItem(POSITION_KEY);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  // Logging in is no command (the API scopes keys to a logged-in user).
  const command =
    method !== 'GET' && path !== LOGIN_PATH
      ? `${method} ${path} ${headers['If-Match'] ?? ''} ${body ?? ''}`
      : undefined;
  if (command) {
    const key = unansweredCommands.get(command) ?? randomUuid();
    unansweredCommands.set(command, key);
    headers['Idempotency-Key'] = key;
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { method, headers, body });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK' });
  }
  const payload = parseJson(await response.text());
  if (command) {
    // Still running on the server: a later retry must wait for that run, not start another.
    const inProgress = (payload as Partial<Problem> | undefined)?.code === 'IDEMPOTENCY_KEY_IN_PROGRESS';
    if (!inProgress) unansweredCommands.delete(command);
  }
  if (!response.ok) {
    const problem: Problem = { ...(payload as Partial<Problem>), status: response.status };
    const retryAfter = Number(response.headers.get('Retry-After'));
    if (retryAfter > 0) problem.retryAfterSeconds = retryAfter;
    // A failed login is a 401 too, but it is answered on the login form, not by leaving the page.
    if (response.status === 401 && path !== LOGIN_PATH && !bearerOverride) unauthorizedHandler();
    throw new ApiError(problem);
  }
  if (method !== 'GET') rememberPosition((payload as Partial<CommandResult> | undefined)?.position);
  return payload as T;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

// A DTO class has no index signature; its fields are all Query values.
const get = <T>(path: string, query?: object) => request<T>('GET', path, { query: query as Query });
const post = <T = CommandResult>(path: string, body: object | undefined, version?: number) =>
  request<T>('POST', path, { body, version });
const patch = <T = CommandResult>(path: string, body: object, version?: number) =>
  request<T>('PATCH', path, { body, version });
const put = <T>(path: string, body: object) => request<T>('PUT', path, { body });

/** A read's query as its DTO declares it; `minPosition` is added by `request`. */
type QueryOf<Dto> = Partial<Omit<Dto, 'minPosition'>>;

/**
 * A command body as a form sends it: a number the user typed unreadably goes as null, so that the
 * API's validation names the field (docs/api.md, problem `errors`).
 */
type Draft<T> = T extends number
  ? number | null
  : T extends string | boolean
    ? T
    : T extends (infer E)[]
      ? Draft<E>[]
      : T extends object
        ? { [K in keyof T]: Draft<T[K]> }
        : T;

type ProjectQuery = QueryOf<ListProjectsQueryDto>;

const project = (id: string, tail = '') => `/api/projects/${encodeURIComponent(id)}${tail}`;

/**
 * A file from the API (an .xlsx export) or a file sent to it (an import), with the session's
 * token. Problems are thrown as ApiError like every other call. Uploads carry no
 * Idempotency-Key: the import is idempotent by itself (the same rows add nothing).
 */
async function sendFile(method: 'GET' | 'POST', path: string, query: Query, file?: Blob): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': getLang() };
  const token = bearerOverride ?? loadSession()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: FormData | undefined;
  if (file) {
    body = new FormData();
    body.append('file', file);
  }
  let response: Response;
  try {
    response = await fetch(
      withQuery(path, method === 'GET' ? { ...query, minPosition: sessionStorage.getItem(POSITION_KEY) } : query),
      { method, headers, body },
    );
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK' });
  }
  if (!response.ok) {
    const problem: Problem = { ...(parseJson(await response.text()) as Partial<Problem>), status: response.status };
    if (response.status === 401) unauthorizedHandler();
    throw new ApiError(problem);
  }
  return response;
}

/** Downloads an export and hands it to the browser under `fileName`. */
export async function downloadFile(path: string, query: Query, fileName: string): Promise<void> {
  const blob = await (await sendFile('GET', path, query)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What `POST /api/imports/projects` answers: every problem at its row and column. */
export interface ImportReport {
  dryRun: boolean;
  rows: number;
  valid: number;
  invalid: number;
  /** Rows whose project holds every step already (imported before). */
  alreadyImported: number;
  errors: Array<{ row: number; column: string; code: string; message: string }>;
  imported?: { projects: number; enterprises: number; conferences: number; events: number };
}

export const api = {
  login: (username: string, password: string) => post<Session>(LOGIN_PATH, { username, password }),

  departments: () => get<Department[]>('/api/departments'),
  industryChains: () => get<IndustryChain[]>('/api/industry-chains'),
  addIndustryChain: (body: AddIndustryChainDto) => post<IndustryChain>('/api/industry-chains', body),
  nameIndustryChainInEnglish: (name: string, nameEn: string | null) =>
    patch<IndustryChain>(`/api/industry-chains/${encodeURIComponent(name)}`, { nameEn }),
  createDepartment: (body: CreateDepartmentDto) => post<Department>('/api/departments', body),
  displayTokens: () => get<DisplayTokenView[]>('/api/display-tokens'),
  createDisplayToken: (body: CreateDisplayTokenDto) =>
    post<DisplayTokenView & { token: string }>('/api/display-tokens', body),
  revokeDisplayToken: (id: string) =>
    post<DisplayTokenView>(`/api/display-tokens/${encodeURIComponent(id)}/revoke`, {}),
  conferences: () => get<Conference[]>('/api/conferences'),
  createConference: (body: ScheduleConferenceDto) => post('/api/conferences', body),
  nameConferenceThemeInEnglish: (id: string, themeEn: string | null) =>
    patch(`/api/conferences/${encodeURIComponent(id)}`, { themeEn }),

  users: () => get<Account[]>('/api/users'),
  createUser: (body: CreateUserDto) => post<Account>('/api/users', body),
  disableUser: (id: string) => post<Account>(`/api/users/${encodeURIComponent(id)}/disable`, undefined),
  enableUser: (id: string) => post<Account>(`/api/users/${encodeURIComponent(id)}/enable`, undefined),
  resetPassword: (id: string, password: string) =>
    post<Account>(`/api/users/${encodeURIComponent(id)}/password`, { password }),
  auditLog: (query: QueryOf<AuditLogQuery>) => get<AuditPage>('/api/audit-log', query),
  enterprises: (query: QueryOf<ListEnterprisesQueryDto>) => get<Page<Enterprise>>('/api/enterprises', query),
  createEnterprise: (body: RegisterEnterpriseDto) => post('/api/enterprises', body),
  updateEnterprise: (id: string, body: UpdateEnterpriseDto) =>
    patch(`/api/enterprises/${encodeURIComponent(id)}`, body),
  dossier: (id: string) => get<Dossier>(`/api/enterprises/${encodeURIComponent(id)}/dossier`),

  projects: (query: ProjectQuery) => get<Page<ProjectListItem>>('/api/projects', query),
  project: (id: string) => get<ProjectDetail>(project(id)),
  history: (id: string) => get<ProjectHistory>(project(id, '/history')),
  submitProject: (body: Draft<SubmitProjectDto>) => post('/api/projects', body),
  review: (id: string, version: number, body: Draft<ReviewProjectDto>) => post(project(id, '/reviews'), body, version),
  reviseSubmission: (id: string, version: number, body: Draft<ReviseSubmissionDto>) =>
    patch(project(id, '/submission'), body, version),
  present: (id: string, version: number, body: PresentProjectDto) => post(project(id, '/presentations'), body, version),
  assign: (id: string, version: number, body: AssignLandingPlanDto) => post(project(id, '/assignments'), body, version),
  progress: (id: string, version: number | undefined, body: ReportProgressDto) =>
    post(project(id, '/progress'), body, version),
  land: (id: string, version: number, body: Draft<LandProjectDto>) => post(project(id, '/landing'), body, version),
  withdraw: (id: string, version: number, body: WithdrawProjectDto) => post(project(id, '/withdrawal'), body, version),
  resolveNeed: (id: string, needId: string, version: number, body: ResolveNeedDto) =>
    post(project(id, `/needs/${encodeURIComponent(needId)}/resolution`), body, version),
  correctLanding: (id: string, version: number, body: CorrectLandingDto) =>
    post(project(id, '/landing-correction'), body, version),
  evidence: (id: string) => get<ProjectEvidence[]>(project(id, '/evidence')),
  uploadEvidence: async (file: File) => (await (await sendFile('POST', '/api/files', {}, file)).json()) as EvidenceFile,
  downloadEvidence: (file: EvidenceFile) =>
    downloadFile(`/api/files/${encodeURIComponent(file.fileId)}`, {}, file.name),

  assignments: (code: string, query: QueryOf<DepartmentAssignmentsQueryDto>) =>
    get<Page<Assignment>>(`/api/departments/${encodeURIComponent(code)}/assignments`, query),
  notices: (query: QueryOf<ListNoticesQueryDto>) => get<Page<SupervisionNoticeItem>>('/api/supervision-notices', query),
  issueNotice: (projectId: string, body: Draft<IssueNoticeDto>) =>
    post(project(projectId, '/supervision-notices'), body),
  acknowledgeNotice: (noticeId: string) =>
    post(`/api/supervision-notices/${encodeURIComponent(noticeId)}/acknowledgement`, undefined),
  answerNotice: (noticeId: string, body: AnswerNoticeDto) =>
    post(`/api/supervision-notices/${encodeURIComponent(noticeId)}/response`, body),
  supervisionSettings: () => get<SupervisionSettings>('/api/settings/supervision'),
  projectSupervision: (id: string) => get<ProjectSupervision>(project(id, '/supervision')),
  supervisionDashboard: (query: QueryOf<SupervisionDashboardQueryDto>) =>
    get<SupervisionDashboard>('/api/dashboard/supervision', query),
  overdueMilestones: (query: QueryOf<OverdueMilestonesQueryDto>) =>
    get<Page<OverdueMilestone>>('/api/supervision/overdue', query),

  summary: (filters: DashboardFilters) => get<Summary>('/api/dashboard/summary', filters),
  dashboardProjects: (query: QueryOf<DashboardProjectsQueryDto>) =>
    get<Page<DashboardProject>>('/api/dashboard/projects', query),
  trend: (filters: DashboardFilters & Pick<TrendQueryDto, 'quarters' | 'known'>) =>
    get<{ points: TrendPoint[] }>('/api/dashboard/trend', filters),
  landingRate: (groupBy: GroupBy, filters: DashboardFilters) =>
    get<RateRow[]>('/api/dashboard/landing-rate', { groupBy, ...filters }),
  forecast: (filters: DashboardFilters & QueryOf<LandingForecastQueryDto>) =>
    get<Forecast>('/api/forecast/landing', filters),

  importProjects: async (file: Blob, dryRun: boolean) => {
    const report = (await (
      await sendFile('POST', '/api/imports/projects', { dryRun }, file)
    ).json()) as ImportReport & { position?: number };
    rememberPosition(report.position);
    return report;
  },
  changeTier: (id: string, body: ChangeTierDto) => post(`/api/enterprises/${encodeURIComponent(id)}/tier`, body),
  matchmakingEvents: () => get<MatchmakingEvent[]>('/api/matchmaking-events'),
  scheduleMatchmakingEvent: (body: ScheduleMatchmakingEventDto) => post('/api/matchmaking-events', body),
  demands: (query: QueryOf<ListDemandsQueryDto>) => get<Page<DemandItem>>('/api/demands', query),
  publishDemand: (body: Draft<PublishDemandDto>) => post('/api/demands', body),
  propose: (demandId: string, body: ProposeCooperationDto) =>
    post(`/api/demands/${encodeURIComponent(demandId)}/proposals`, body),
  cooperations: (query: QueryOf<ListCooperationsQueryDto>) => get<Page<CooperationRow>>('/api/cooperations', query),
  cooperation: (id: string) => get<CooperationDetail>(`/api/cooperations/${encodeURIComponent(id)}`),
  changeStage: (id: string, version: number, body: Draft<ChangeCooperationStageDto>) =>
    post(`/api/cooperations/${encodeURIComponent(id)}/stage`, body, version),
  cooperationProject: (id: string, version: number, body: Draft<CooperationProjectDto>) =>
    post<CooperationProjectAccepted>(`/api/cooperations/${encodeURIComponent(id)}/project`, body, version),
  matchmakingDashboard: (query: { groupBy: MatchmakingGroup; asOf?: string; knownAt?: string }) =>
    get<MatchmakingFigures>('/api/dashboard/matchmaking', query),
  tierLadder: (query: { asOf?: string }) => get<TierLadder>('/api/dashboard/tiers', query),

  scorecards: (query: QueryOf<ScorecardQueryDto>) => get<Scorecards>('/api/scorecards/departments', query),
  scorecardItems: (code: string, query: QueryOf<ScorecardQueryDto>) =>
    get<ScorecardItems>(`/api/scorecards/departments/${encodeURIComponent(code)}/items`, query),
  weights: () => get<WeightsView>('/api/settings/scorecard-weights'),
  setWeights: (weights: Draft<Weights>) => put<WeightsView>('/api/settings/scorecard-weights', { weights }),
  reports: (query: { page: number; pageSize: number }) => get<Page<ReportListItem>>('/api/reports', query),
  report: (id: string) => get<Report>(`/api/reports/${encodeURIComponent(id)}`),
  publishReport: (body: PublishReportDto) => post<Report>('/api/reports', body),
  backtest: (query: QueryOf<BacktestQueryDto>) => get<Backtest>('/api/forecast/backtest', query),
  me: () => get<User & { unreadNotifications: number }>('/api/auth/me'),
  notifications: (query: QueryOf<NotificationsQueryDto>) => get<Page<NotificationItem>>('/api/notifications', query),
  readNotification: (id: number) => post<{ id: number; readAt: string }>(`/api/notifications/${id}/read`, undefined),
  webhooks: () => get<Webhook[]>('/api/webhooks'),
  registerWebhook: (body: RegisterWebhookDto) => post<Webhook>('/api/webhooks', body),
  deliveries: (id: string, query: { page?: number; pageSize?: number }) =>
    get<Page<Delivery>>(`/api/webhooks/${encodeURIComponent(id)}/deliveries`, query),
};
