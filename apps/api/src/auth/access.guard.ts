import { CanActivate, ExecutionContext, Injectable, Logger, RequestMethod } from '@nestjs/common';
import { ApiError } from '../common/problem';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig, Reflector } from '@nestjs/core';
import { Request, Response } from 'express';
import { ACCESS_POLICY, DISPLAY_ROUTES, PUBLIC, rolesOf } from './access-policy';
import { Actor } from './actor';
import { Authenticator } from './authenticator';

/**
 * The one door of every endpoint (registered as APP_GUARD): finds the route's rule in
 * ACCESS_POLICY, authenticates the bearer token and sets `request.actor`, and checks the role.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  /** Each controller's handlers' route keys: their metadata and the global prefix are fixed once the app runs. */
  private readonly keysOf = new WeakMap<Function, Map<Function, { method: string; keys: string[] }>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly applicationConfig: ApplicationConfig,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const route = this.routeKey(context, request);
    const rule = ACCESS_POLICY[route];
    if (rule === undefined) {
      this.logger.error(
        `No rule for "${route}" in ACCESS_POLICY (apps/api/src/auth/access-policy.ts): the route is refused to everyone`,
      );
      throw new ApiError('NO_ACCESS_RULE', 'This endpoint has no access rule yet.');
    }
    if (rule === PUBLIC) return true;

    try {
      request.actor = await this.authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="luodi"');
      throw error;
    }
    const actor = request.actor;
    if (actor.display && !DISPLAY_ROUTES.has(route)) {
      throw new ApiError('DISPLAY_TOKEN_SCOPE', `A display token reads the dashboards only, not ${route}.`);
    }
    if (!rolesOf(rule).includes(actor.role)) {
      throw new ApiError('ROLE_NOT_ALLOWED', `Role ${actor.role} may not call ${route}.`);
    }
    if (
      typeof rule === 'object' &&
      'departmentParam' in rule &&
      actor.role === 'department' &&
      request.params[rule.departmentParam] !== actor.departmentCode
    ) {
      throw new ApiError('NOT_YOUR_DEPARTMENT', 'Department users can only see their own department.');
    }
    return true;
  }

  /**
   * `'<METHOD> /<prefix>/<controller path>/<handler path>'`, as in ACCESS_POLICY. A controller or
   * handler may declare several paths; then the one Express matched names the route.
   */
  private routeKey(context: ExecutionContext, request: Request): string {
    let handlers = this.keysOf.get(context.getClass());
    if (!handlers) this.keysOf.set(context.getClass(), (handlers = new Map()));
    let route = handlers.get(context.getHandler());
    if (!route) handlers.set(context.getHandler(), (route = this.routeKeys(context)));
    const { method, keys } = route;
    return keys.find((key) => key === `${method} ${request.route?.path}`) ?? keys[0];
  }

  private routeKeys(context: ExecutionContext): { method: string; keys: string[] } {
    const paths = (target: Function) =>
      [this.reflector.get<string | string[] | undefined>(PATH_METADATA, target) ?? ''].flat();
    const method = RequestMethod[this.reflector.get<RequestMethod>(METHOD_METADATA, context.getHandler())];
    const prefix = this.applicationConfig.getGlobalPrefix();
    const keys = paths(context.getClass()).flatMap((controllerPath) =>
      paths(context.getHandler()).map((handlerPath) => {
        const path = ['', prefix, controllerPath, handlerPath]
          .join('/')
          .replace(/\/{2,}/g, '/')
          .replace(/(.)\/$/, '$1');
        return `${method} ${path}`;
      }),
    );
    return { method, keys };
  }
}
