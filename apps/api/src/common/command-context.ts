import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { EventMetadata } from '@luodi/event-store';
import { Actor } from '../auth/actor';
import { ApiError } from './problem';

/** What a command needs from its HTTP request besides the body. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /**
   * From `If-Match: "<version>"`: the version the client saw; the command then runs only on it.
   * `If-Match: *` gives 'exists': any version, but the resource must exist (RFC 9110 §13.1.1).
   */
  expectedVersion?: number | 'exists';
  /** From `Idempotency-Key` (validated by the idempotency interceptor); recorded on the events. */
  idempotencyKey?: string;
  /** Where the request came from (through trusted proxies), for the audit log. */
  clientAddress?: string;
}

export const CommandCtx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest();
  return {
    actor: request.actor,
    correlationId: request.correlationId,
    expectedVersion: parseIfMatch(request.headers['if-match']),
    idempotencyKey: request.headers['idempotency-key'],
    clientAddress: request.clientAddress,
  };
});

export function parseIfMatch(header: unknown): number | 'exists' | undefined {
  if (header === undefined) return undefined;
  if (String(header).trim() === '*') return 'exists';
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(String(header));
  if (!match) throw new ApiError('INVALID_IF_MATCH', 'If-Match must be a version, e.g. "3", or *.');
  return Number(match[1]);
}

/** The metadata every event written for this request carries: who, and in which conversation. */
export function eventMetadata(context: CommandContext): EventMetadata {
  const { userId, username, role, departmentCode } = context.actor;
  return {
    actor: { userId, username, role, ...(role === 'department' && departmentCode ? { departmentCode } : {}) },
    correlationId: context.correlationId,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}
