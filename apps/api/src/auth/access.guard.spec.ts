import { Controller, ExecutionContext, Get, Logger, Post } from '@nestjs/common';
import { ApplicationConfig, Reflector } from '@nestjs/core';
import { ApiError, toProblem } from '../common/problem';
import { AccessGuard } from './access.guard';
import { ACCESS_POLICY } from './access-policy';
import { Actor } from './actor';
import { Authenticator } from './authenticator';

// Route shapes as controllers declare them; the guard must find their keys in ACCESS_POLICY.
@Controller('users')
class UsersLikeController {
  @Get()
  list() {}
  @Post(':id/disable')
  disable() {}
}
@Controller('/health/')
class HealthLikeController {
  @Get()
  health() {}
}
@Controller('guard-spec')
class SpecController {
  @Get('departments/:code/things')
  departmentThings() {}
  @Get(['first', 'second'])
  twoPaths() {}
  @Post('unruled')
  unruled() {}
}

const actors: Record<string, Actor> = {
  admin: { userId: 'u1', username: 'root', role: 'admin' },
  leader: { userId: 'u2', username: 'boss', role: 'leader' },
  department: { userId: 'u3', username: 'clerk', role: 'department', departmentCode: 'industry' },
};

function guard(): AccessGuard {
  const config = new ApplicationConfig();
  config.setGlobalPrefix('api');
  const authenticator = {
    authenticate: async (header?: string) => {
      const actor = actors[header?.replace('Bearer ', '') ?? ''];
      if (!actor) throw new ApiError('UNAUTHENTICATED', 'no');
      return actor;
    },
  } as unknown as Authenticator;
  return new AccessGuard(new Reflector(), config, authenticator);
}

async function call(
  controller: Function,
  handler: string,
  token?: string,
  params: Record<string, string> = {},
  routePath?: string,
) {
  const request = {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    params,
    route: routePath ? { path: routePath } : undefined,
  } as Record<string, unknown>;
  const headers: Record<string, string> = {};
  const context = {
    getClass: () => controller,
    getHandler: () => controller.prototype[handler],
    switchToHttp: () => ({
      getRequest: () => request,
      getResponse: () => ({ setHeader: (k: string, v: string) => (headers[k] = v) }),
    }),
  } as unknown as ExecutionContext;
  try {
    await guard().canActivate(context);
    return { status: 'allowed', actor: request.actor, headers };
  } catch (error) {
    const { status, code } = toProblem(error, { headers: request.headers as Record<string, unknown> });
    return { status, code, headers };
  }
}

describe('AccessGuard', () => {
  beforeAll(() => {
    ACCESS_POLICY['GET /api/guard-spec/departments/:code/things'] = {
      roles: ['admin', 'department'],
      departmentParam: 'code',
    };
    ACCESS_POLICY['GET /api/guard-spec/first'] = ['admin'];
    ACCESS_POLICY['GET /api/guard-spec/second'] = ['leader'];
  });
  afterAll(() => {
    for (const key of Object.keys(ACCESS_POLICY)) if (key.includes('guard-spec')) delete ACCESS_POLICY[key];
  });

  it('lets anyone call a PUBLIC route, whatever the slashes around the controller path', async () => {
    expect(await call(HealthLikeController, 'health')).toMatchObject({ status: 'allowed', actor: undefined });
  });

  it('answers 401 without a valid token, asking for a bearer token', async () => {
    expect(await call(UsersLikeController, 'list')).toMatchObject({
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="luodi"' },
    });
    expect(await call(UsersLikeController, 'list', 'forged')).toMatchObject({ status: 401 });
  });

  it('sets the actor for a listed role and answers 403 ROLE_NOT_ALLOWED for others', async () => {
    expect(await call(UsersLikeController, 'list', 'admin')).toMatchObject({ status: 'allowed', actor: actors.admin });
    expect(await call(UsersLikeController, 'disable', 'admin', { id: 'x' })).toMatchObject({ status: 'allowed' });
    expect(await call(UsersLikeController, 'disable', 'leader', { id: 'x' })).toMatchObject({
      status: 403,
      code: 'ROLE_NOT_ALLOWED',
    });
  });

  it('keeps department users to their own department in a department-scoped route', async () => {
    expect(await call(SpecController, 'departmentThings', 'department', { code: 'industry' })).toMatchObject({
      status: 'allowed',
    });
    expect(await call(SpecController, 'departmentThings', 'department', { code: 'finance' })).toMatchObject({
      status: 403,
      code: 'NOT_YOUR_DEPARTMENT',
    });
    expect(await call(SpecController, 'departmentThings', 'admin', { code: 'finance' })).toMatchObject({
      status: 'allowed',
    });
    expect(await call(SpecController, 'departmentThings', 'leader', { code: 'industry' })).toMatchObject({
      status: 403,
      code: 'ROLE_NOT_ALLOWED',
    });
  });

  it('uses the rule of the path Express matched when a handler has several', async () => {
    expect(await call(SpecController, 'twoPaths', 'leader', {}, '/api/guard-spec/second')).toMatchObject({
      status: 'allowed',
    });
    expect(await call(SpecController, 'twoPaths', 'leader', {}, '/api/guard-spec/first')).toMatchObject({
      status: 403,
    });
  });

  it('refuses a route without a rule to everyone, and logs an error naming it', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      expect(await call(SpecController, 'unruled', 'admin')).toMatchObject({ status: 403, code: 'NO_ACCESS_RULE' });
      expect(await call(SpecController, 'unruled')).toMatchObject({ status: 403, code: 'NO_ACCESS_RULE' });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('"POST /api/guard-spec/unruled"'));
    } finally {
      logged.mockRestore();
    }
  });
});
