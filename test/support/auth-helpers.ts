import { randomBytes } from 'node:crypto';
import type { Role } from '../../apps/api/src/auth/actor';
import { RunningApi } from './start-api';

/** The answer of `POST /api/auth/login`. */
export interface LoginResponse {
  accessToken: string;
  expiresAt: string;
  user: { id: string; username: string; role: Role; departmentCode?: string };
}

/** A logged-in user, ready to send requests: `fetch(url, { headers: user.headers })`. */
export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
  departmentCode?: string;
  token: string;
  /** `Authorization` and `Content-Type: application/json`. */
  headers: Record<string, string>;
}

export function authHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
}

/** Logs in; throws (with the status and problem) when the API refuses. */
export async function login(baseUrl: string, username: string, password: string): Promise<LoginResponse> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as LoginResponse;
}

const adminTokens = new WeakMap<RunningApi, Promise<string>>();

/** A token of the first-start `admin` user (logged in once per running API). */
export function adminToken(api: RunningApi): Promise<string> {
  let token = adminTokens.get(api);
  if (!token) {
    token = login(api.baseUrl, 'admin', api.adminPassword).then((r) => r.accessToken);
    adminTokens.set(api, token);
  }
  return token;
}

/**
 * Creates a user of `role` through the API (as the admin) and logs it in. A `department` user
 * needs its department code; the department is created first when it does not exist yet.
 */
export async function createUserAndLogin(api: RunningApi, role: Role, departmentCode?: string): Promise<TestUser> {
  if ((role === 'department') !== (departmentCode !== undefined)) {
    throw new Error('createUserAndLogin: give a departmentCode exactly for role "department"');
  }
  const admin = authHeaders(await adminToken(api));
  if (departmentCode !== undefined) await ensureDepartment(api, departmentCode, admin);
  const username = `${role}-${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const created = await fetch(`${api.baseUrl}/api/users`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ username, password, role, ...(departmentCode !== undefined ? { departmentCode } : {}) }),
  });
  if (created.status !== 201)
    throw new Error(`creating user ${username} failed: ${created.status} ${await created.text()}`);
  const { accessToken, user } = await login(api.baseUrl, username, password);
  return {
    id: user.id,
    username,
    password,
    role,
    departmentCode,
    token: accessToken,
    headers: authHeaders(accessToken),
  };
}

/** Creates the department unless it exists (409); tolerates an API without departments yet (404). */
async function ensureDepartment(api: RunningApi, code: string, admin: Record<string, string>): Promise<void> {
  const response = await fetch(`${api.baseUrl}/api/departments`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ code, name: code }),
  });
  if (![201, 404, 409].includes(response.status))
    throw new Error(`creating department ${code} failed: ${response.status} ${await response.text()}`);
}
