import { randomUUID } from 'node:crypto';
import { ACCESS_POLICY, AccessRule, PUBLIC, rolesOf } from '../../apps/api/src/auth/access-policy';
import { Role, ROLES } from '../../apps/api/src/auth/actor';
import { adminToken, createUserAndLogin } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';

/**
 * Every route the running API exposes, called by every role and without a token, must answer
 * exactly as ACCESS_POLICY says. The routes are discovered from the Express router at run time,
 * so a new endpoint is covered (and, without a rule, fails here) without editing this file.
 */

// Codes only the access guard answers with; a 403 with another code comes from a handler's own
// data rule (e.g. NOT_YOUR_PROJECT) and proves the guard let the caller through.
const GUARD_403 = ['ROLE_NOT_ALLOWED', 'NOT_YOUR_DEPARTMENT', 'NO_ACCESS_RULE'];
const GUARD_401 = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED'];
// Served by Swagger itself, outside Nest's router and guards.
const NOT_NEST = /^\/api\/docs(\/|-|$)/;
const OWN_DEPARTMENT = 'matrix-own';
const OTHER_DEPARTMENT = 'matrix-other';

type Caller = 'no token' | 'tampered token' | Role;
interface Outcome {
  status: number;
  code?: string;
}

let api: RunningApi;
const tokens = {} as Record<Role, string>;
let tampered: string;
let routes: string[];

beforeAll(async () => {
  api = await startApi();
  tokens.admin = await adminToken(api);
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    tokens[role] = (await createUserAndLogin(api, role, role === 'department' ? OWN_DEPARTMENT : undefined)).token;
  }
  const [header, payload, signature] = tokens.leader.split('.');
  const claims = Buffer.from(payload, 'base64url').toString().replace('"role":"leader"', '"role":"admin"');
  tampered = [header, Buffer.from(claims).toString('base64url'), signature].join('.');
  routes = exposedRoutes(api);
}, 60_000);
afterAll(async () => {
  await api.stop();
});

/** `'<METHOD> <path>'` of every route in the Express router under /api, as ACCESS_POLICY keys them. */
function exposedRoutes(running: RunningApi): string[] {
  type Layer = { route?: { path: unknown; methods: Record<string, boolean> } };
  const express = running.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  const keys = express.router.stack.flatMap(({ route }) =>
    route && typeof route.path === 'string' && route.path.startsWith('/api') && !NOT_NEST.test(route.path)
      ? Object.keys(route.methods).map((method) => `${method === '_all' ? 'ALL' : method.toUpperCase()} ${route.path}`)
      : [],
  );
  return [...new Set(keys)].sort();
}

function expected(rule: AccessRule | undefined, caller: Caller, departmentInPath?: string): Outcome | 'passes' {
  if (rule === undefined) return { status: 403, code: 'NO_ACCESS_RULE' };
  if (rule === PUBLIC) return 'passes';
  if (caller === 'no token') return { status: 401, code: 'UNAUTHENTICATED' };
  if (caller === 'tampered token') return { status: 401, code: 'TOKEN_INVALID' };
  if (!rolesOf(rule).includes(caller)) return { status: 403, code: 'ROLE_NOT_ALLOWED' };
  if ('departmentParam' in rule && caller === 'department' && departmentInPath !== OWN_DEPARTMENT)
    return { status: 403, code: 'NOT_YOUR_DEPARTMENT' };
  return 'passes';
}

async function call(
  route: string,
  caller: Caller,
  departmentParam: string | undefined,
  department: string,
): Promise<Outcome> {
  const [method, pattern] = route.split(' ');
  // Unknown ids (404) and a body with an unknown field (400) keep allowed calls from changing anything.
  const path = pattern.replace(/[:*](\w+)/g, (_, name: string) =>
    name === departmentParam ? department : randomUUID(),
  );
  const token = caller === 'no token' ? undefined : caller === 'tampered token' ? tampered : tokens[caller];
  const response = await fetch(`${api.baseUrl}${path}`, {
    method: method === 'ALL' ? 'POST' : method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: method === 'GET' ? undefined : JSON.stringify({ authorizationMatrixProbe: true }),
  });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  return { status: response.status, code };
}

function passed(outcome: Outcome): boolean {
  return !(
    outcome.status === 401 ||
    (outcome.status === 403 && GUARD_403.includes(outcome.code ?? '')) ||
    GUARD_401.includes(outcome.code ?? '')
  );
}

describe('authorization matrix', () => {
  it('discovers the routes of the running app, every documented one included', async () => {
    expect(routes).toEqual(expect.arrayContaining(['GET /api/health', 'POST /api/auth/login', 'POST /api/users']));
    const openApi = (await (await fetch(`${api.baseUrl}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(openApi.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('has a rule for every exposed route, and no rule for a route that does not exist', () => {
    const rules = Object.keys(ACCESS_POLICY);
    expect({
      routesWithoutRule: routes.filter((r) => !rules.includes(r)),
      rulesWithoutRoute: rules.filter((r) => !routes.includes(r)),
    }).toEqual({
      routesWithoutRule: [],
      rulesWithoutRoute: [],
    });
  });

  it('lets leaders read everything and write nothing (but their own password, read marks and 批示, a 督办单)', () => {
    const ownAccount = [
      'POST /api/auth/password',
      'POST /api/notifications/:id/read',
      'POST /api/projects/:id/supervision-notices',
    ];
    const leaderWrites = Object.entries(ACCESS_POLICY).filter(
      ([route, rule]) =>
        !route.startsWith('GET ') && !ownAccount.includes(route) && rule !== PUBLIC && rolesOf(rule).includes('leader'),
    );
    expect(leaderWrites.map(([route]) => route)).toEqual([]);
  });

  it('answers every route, for every role and without a token, as ACCESS_POLICY says', async () => {
    const callers: Caller[] = ['no token', 'tampered token', ...ROLES];
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const rule = ACCESS_POLICY[route] as AccessRule | undefined;
      const departmentParam = rule && rule !== PUBLIC && 'departmentParam' in rule ? rule.departmentParam : undefined;
      const departments = departmentParam ? [OWN_DEPARTMENT, OTHER_DEPARTMENT] : [OWN_DEPARTMENT];
      const cases = callers.flatMap((caller) => departments.map((department) => ({ caller, department })));
      await Promise.all(
        cases.map(async ({ caller, department }) => {
          const want = expected(rule, caller, departmentParam ? department : undefined);
          const got = await call(route, caller, departmentParam, department);
          checked++;
          const ok = want === 'passes' ? passed(got) : got.status === want.status && got.code === want.code;
          if (!ok) {
            const wanted =
              want === 'passes' ? 'to pass the guard (not 401, not a guard 403)' : `${want.status} ${want.code}`;
            mismatches.push(
              `${route} as ${caller}${departmentParam ? ` (department ${department})` : ''}: expected ${wanted}, got ${got.status} ${got.code ?? ''}`,
            );
          }
        }),
      );
    }
    expect(mismatches.sort()).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(routes.length * callers.length);
  }, 120_000);
});
