/**
 * The typed client of HTTP API v1. Every call carries the bearer token; every GET carries the
 * highest stream position this session has written (`minPosition`), so the page reads its own
 * writes; every command carries an `Idempotency-Key`, so it is never run twice. Errors arrive as
 * RFC 9457 problem details and are thrown as ApiError.
 */

import { getLang } from './i18n';

export type Role = 'admin' | 'taskforce' | 'reviewer' | 'department' | 'leader';
export type ProjectStatus = 'submitted' | 'approved' | 'rejected' | 'presented' | 'assigned' | 'landed' | 'withdrawn';
export type NeedKind = 'land' | 'talent' | 'financing' | 'orders' | 'policy' | 'other';
export type Verdict = 'approved' | 'rejected' | 'revise';
export type Tier = 'none' | 'municipal' | 'provincial' | 'national';
export type GroupBy = 'conference' | 'industryChain' | 'department' | 'district';

export const ROLES: Role[] = ['taskforce', 'reviewer', 'department', 'leader', 'admin'];
export const PROJECT_STATUSES: ProjectStatus[] = ['submitted', 'approved', 'rejected', 'presented', 'assigned', 'landed', 'withdrawn'];
export const NEED_KINDS: NeedKind[] = ['land', 'talent', 'financing', 'orders', 'policy', 'other'];
export const VERDICTS: Verdict[] = ['approved', 'revise', 'rejected'];
export const TIERS: Tier[] = ['none', 'municipal', 'provincial', 'national'];

export interface User {
  username: string;
  role: Role;
  departmentCode?: string;
}

export interface Session {
  accessToken: string;
  user: User;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
  /** From `Retry-After`, when the API says when to try again (too many login attempts). */
  retryAfterSeconds?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CommandResult {
  id: string;
  version: number;
  position: number | string;
}

export interface Department {
  code: string;
  name: string;
}

/** A user account as the admin sees it (never the password). */
export interface Account {
  id: string;
  username: string;
  role: Role;
  departmentCode?: string;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

/** One row of the audit log (GET /api/audit-log). */
export interface AuditRecord {
  id: string;
  occurredAt: string;
  actorUsername: string | null;
  actorRole: Role | null;
  action: string;
  target: string | null;
  clientAddress: string | null;
  correlationId: string | null;
  details: Record<string, unknown>;
}

export const AUDIT_ACTIONS = [
  'auth.login.succeeded',
  'auth.login.failed',
  'user.created',
  'user.role-changed',
  'user.disabled',
  'user.enabled',
  'user.password-reset',
  'user.password-changed',
  'admin.rebuild-started',
] as const;

export interface Conference {
  id: string;
  title: string;
  theme: string | null;
  heldOn: string;
  /** Projects presented there, and of those landed. */
  projects?: number;
  landed?: number;
}

export interface Enterprise {
  id: string;
  name: string;
  creditCode: string | null;
  district: string | null;
  tier: Tier;
  registeredAt?: string;
  projects?: number;
  landed?: number;
}

export interface ProjectListItem {
  id: string;
  title: string;
  enterpriseId: string;
  enterpriseName: string;
  status: ProjectStatus;
  industryChain: string;
  district: string | null;
  investmentYuan: number;
  leadDepartment: string | null;
  supportingDepartments?: string[];
  conferenceId: string | null;
  conferenceTitle?: string | null;
  landedOn?: string | null;
  version?: number;
  updatedAt: string;
}

export interface Need {
  needId: string;
  kind: NeedKind;
  description: string;
  resolved: boolean;
  resolution: string | null;
  resolvedAt?: string | null;
}

export interface Review {
  reviewId: string;
  reviewer: { userId?: string; username: string };
  verdict: Verdict;
  scores: { idea: number; validation: number; feasibility: number };
  comment: string | null;
  occurredAt: string;
}

export interface Milestone {
  milestoneId: string;
  title: string;
  dueOn: string;
  departmentCode: string;
  owner: string;
  done: boolean;
  doneAt?: string | null;
}

export interface LandingPlan {
  planId: string;
  revision?: number;
  leadDepartment: string;
  supportingDepartments: string[];
  milestones: Milestone[];
  assignedAt?: string;
}

/** `GET /api/projects/:id`: the project's current state, as its stream folds. */
export interface ProjectDetail {
  id: string;
  version: number;
  status: ProjectStatus;
  title: string;
  summary: string | null;
  enterpriseId: string;
  enterpriseName: string;
  industryChain: string;
  district: string | null;
  investmentYuan: number;
  needs: Need[];
  reviews: Review[];
  submittedAt: string;
  enteredLibraryAt: string | null;
  conferenceId: string | null;
  presentedAt: string | null;
  plan: LandingPlan | null;
  landedOn: string | null;
  actualInvestmentYuan: number | null;
  withdrawnReason: string | null;
  lastOccurredAt: string;
}

export interface HistoryEvent {
  version?: number;
  position?: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  /** null for events written without a user (imports of history). */
  actor: { username: string; role: Role } | null;
  data: Record<string, unknown>;
}

export interface ProjectHistory {
  id: string;
  version: number;
  events: HistoryEvent[];
}

export interface Assignment {
  projectId: string;
  projectTitle: string;
  enterpriseId: string;
  enterpriseName: string;
  milestoneId: string;
  title: string;
  dueOn: string;
  departmentCode: string;
  owner: string;
  done: boolean;
  overdue: boolean;
  dueSoon: boolean;
}

/** A project as the dossier (一企一策) shows it. */
export interface DossierProject {
  id: string;
  version: number;
  title: string;
  summary: string | null;
  status: ProjectStatus;
  industryChain: string;
  district: string | null;
  investmentYuan: number;
  conference: { id: string; title: string; heldOn: string | null } | null;
  needs: Need[];
  plan: LandingPlan | null;
  landing: { landedOn: string; actualInvestmentYuan: number | null; evidence: string | null } | null;
  withdrawal: { reason: string; occurredAt: string } | null;
}

export interface Dossier {
  enterprise: Enterprise;
  projects: DossierProject[];
  totals?: {
    projects: number;
    inLibrary: number;
    landed: number;
    withdrawn: number;
    investmentYuan: number;
    landedInvestmentYuan: number;
    needs: number;
    needsResolved: number;
    milestones: number;
    milestonesDone: number;
  };
}

export interface Summary {
  asOf?: string;
  projects: number;
  inLibrary: number;
  landed: number;
  withdrawn: number;
  landingRate: number;
  investmentYuan: number;
  landedInvestmentYuan: number;
  byStatus: Partial<Record<ProjectStatus, number>>;
}

export interface RateRow {
  /** null: library projects without one (not presented yet, no plan yet, no district). */
  key: string | null;
  label: string;
  inLibrary: number;
  landed: number;
  landingRate: number;
}

export interface Forecast {
  asOf: string;
  n?: number;
  inLibrary: number;
  landed: number;
  withdrawn: number;
  open: number;
  landingRate: { value: number; low95: number; high95: number };
  curve: { day: number; landed: number; atRisk: number }[];
  projection: {
    horizonDays: number;
    expectedLanded: number;
    expectedLandingRate: number;
    low80: number;
    high80: number;
    low95: number;
    high95: number;
  };
  warnings?: ({ code: string; message: string } | string)[];
}

export interface DashboardFilters {
  asOf?: string;
  industryChain?: string;
  district?: string;
  conferenceId?: string;
  department?: string;
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
function rememberPosition(position: number | string | undefined): void {
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

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown; version?: number } = {}): Promise<T> {
  // Accept-Language lets the API word its messages in the reader's language, if it can.
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': getLang() };
  const token = loadSession()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  const query = { ...options.query };
  if (method === 'GET') query.minPosition = sessionStorage.getItem(POSITION_KEY);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  // Logging in is no command (the API scopes keys to a logged-in user).
  const command = method !== 'GET' && path !== LOGIN_PATH ? `${method} ${path} ${headers['If-Match'] ?? ''} ${body ?? ''}` : undefined;
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
    if (response.status === 401 && path !== LOGIN_PATH) unauthorizedHandler();
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

// The contract leaves some list shapes open; accept a bare array or a page, and page arrays here
// so that no screen ever renders an unbounded list.
type ListPayload<T> = T[] | Page<T>;

function toList<T>(payload: ListPayload<T>): T[] {
  return Array.isArray(payload) ? payload : payload.items;
}

// A wrapper carries the history's own version too; the timeline needs only the events.
function eventsOf(payload: ProjectHistory | HistoryEvent[]): HistoryEvent[] {
  return Array.isArray(payload) ? payload : payload.events;
}

export function toPage<T>(payload: ListPayload<T>, page = 1, pageSize = 20): Page<T> {
  if (!Array.isArray(payload)) return payload;
  return { items: payload.slice((page - 1) * pageSize, page * pageSize), total: payload.length, page, pageSize };
}

const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
const post = <T = CommandResult>(path: string, body: unknown, version?: number) => request<T>('POST', path, { body, version });
const patch = <T = CommandResult>(path: string, body: unknown, version?: number) => request<T>('PATCH', path, { body, version });

/**
 * A file from the API (an .xlsx export) or a file sent to it (an import), with the session's
 * token. Problems are thrown as ApiError like every other call. Uploads carry no
 * Idempotency-Key: the import is idempotent by itself (the same rows add nothing).
 */
async function sendFile(method: 'GET' | 'POST', path: string, query: Query, file?: Blob): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': getLang() };
  const token = loadSession()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: FormData | undefined;
  if (file) {
    body = new FormData();
    body.append('file', file);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, method === 'GET' ? { ...query, minPosition: sessionStorage.getItem(POSITION_KEY) } : query), { method, headers, body });
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

export interface ProjectQuery {
  status?: string;
  industryChain?: string;
  department?: string;
  conferenceId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const api = {
  login: (username: string, password: string) => post<Session>(LOGIN_PATH, { username, password }),

  departments: () => get<ListPayload<Department>>('/api/departments').then(toList),
  createDepartment: (body: { code: string; name: string }) => post<Department>('/api/departments', body),
  conferences: () => get<ListPayload<Conference>>('/api/conferences').then(toList),
  createConference: (body: { title: string; theme?: string; heldOn: string }) => post('/api/conferences', body),

  users: () => get<ListPayload<Account>>('/api/users').then(toList),
  createUser: (body: { username: string; password: string; role: Role; departmentCode?: string }) => post<Account>('/api/users', body),
  disableUser: (id: string) => post<Account>(`/api/users/${encodeURIComponent(id)}/disable`, undefined),
  enableUser: (id: string) => post<Account>(`/api/users/${encodeURIComponent(id)}/enable`, undefined),
  resetPassword: (id: string, password: string) => post<Account>(`/api/users/${encodeURIComponent(id)}/password`, { password }),
  auditLog: (query: { action?: string; actor?: string; page?: number; pageSize?: number }) => get<Page<AuditRecord>>('/api/audit-log', query),
  enterprises: (query: { q?: string; page?: number; pageSize?: number }) =>
    get<ListPayload<Enterprise>>('/api/enterprises', query).then((p) => toPage(p, query.page, query.pageSize)),
  createEnterprise: (body: { name: string; creditCode?: string; district?: string; tier?: Tier }) => post('/api/enterprises', body),
  updateEnterprise: (id: string, body: { name?: string; district?: string; tier?: Tier }) => patch(`/api/enterprises/${encodeURIComponent(id)}`, body),
  dossier: (id: string) => get<Dossier>(`/api/enterprises/${encodeURIComponent(id)}/dossier`),

  projects: (query: ProjectQuery) =>
    get<ListPayload<ProjectListItem>>('/api/projects', { ...query }).then((p) => toPage(p, query.page, query.pageSize)),
  project: (id: string) => get<ProjectDetail>(`/api/projects/${encodeURIComponent(id)}`),
  history: (id: string) => get<ProjectHistory | HistoryEvent[]>(`/api/projects/${encodeURIComponent(id)}/history`).then(eventsOf),
  submitProject: (body: unknown) => post('/api/projects', body),
  review: (id: string, version: number, body: unknown) => post(`/api/projects/${encodeURIComponent(id)}/reviews`, body, version),
  reviseSubmission: (id: string, version: number, body: unknown) => patch(`/api/projects/${encodeURIComponent(id)}/submission`, body, version),
  present: (id: string, version: number, body: unknown) => post(`/api/projects/${encodeURIComponent(id)}/presentations`, body, version),
  assign: (id: string, version: number, body: unknown) => post(`/api/projects/${encodeURIComponent(id)}/assignments`, body, version),
  progress: (id: string, version: number | undefined, body: unknown) => post(`/api/projects/${encodeURIComponent(id)}/progress`, body, version),
  land: (id: string, version: number, body: unknown) => post(`/api/projects/${encodeURIComponent(id)}/landing`, body, version),
  withdraw: (id: string, version: number, body: unknown) => post(`/api/projects/${encodeURIComponent(id)}/withdrawal`, body, version),
  resolveNeed: (id: string, needId: string, version: number, body: unknown) =>
    post(`/api/projects/${encodeURIComponent(id)}/needs/${encodeURIComponent(needId)}/resolution`, body, version),

  assignments: (code: string, query: { done?: boolean; overdue?: boolean; page?: number; pageSize?: number }) =>
    get<ListPayload<Assignment>>(`/api/departments/${encodeURIComponent(code)}/assignments`, query).then((p) =>
      toPage(p, query.page, query.pageSize),
    ),

  summary: (filters: DashboardFilters) => get<Summary>('/api/dashboard/summary', { ...filters }),
  landingRate: (groupBy: GroupBy, filters: DashboardFilters) => get<RateRow[]>('/api/dashboard/landing-rate', { groupBy, ...filters }),
  forecast: (filters: DashboardFilters & { horizonDays?: number }) => get<Forecast>('/api/forecast/landing', { ...filters }),

  importProjects: async (file: Blob, dryRun: boolean) => {
    const report = (await (await sendFile('POST', '/api/imports/projects', { dryRun }, file)).json()) as ImportReport & { position?: number };
    rememberPosition(report.position);
    return report;
  },
};
