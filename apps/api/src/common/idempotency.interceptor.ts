import { CallHandler, ConflictException, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { catchError, concatMap, from, Observable, of, throwError } from 'rxjs';
import { canonicalJson } from '@luodi/event-store';
import { Actor } from '../auth/actor';
import { PG_POOL } from '../database/database.module';
import { IdempotencyKeyReusedError, InvalidInputError, isDatabaseUnavailable } from './problem';

const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;
/** How long a retry waits for the first request with its key to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 5000;
const POLL_MS = 50;

type Claim = { kind: 'execute' } | { kind: 'replay'; body: unknown };

/**
 * `Idempotency-Key` on any POST makes it safe to retry (the network failed, the client does not
 * know whether the command ran). Keys are scoped per user. The first request with a key claims it
 * by inserting a pending row under the unique (user, key); it runs and stores its response. A
 * retry with the same key and body gets that stored response again (same status and body, header
 * `Idempotent-Replayed: true`) and writes nothing; with a different body or path, 422
 * IDEMPOTENCY_KEY_REUSED. A retry arriving while the first still runs waits for it (up to 5 s),
 * then gets 409 IDEMPOTENCY_KEY_IN_PROGRESS.
 *
 * Only successes are stored: a refused command wrote nothing, so its key is released and a retry
 * runs afresh. If the process dies between the append and storing the response, the row stays
 * pending and the key keeps answering 409 — re-running could write twice, so the client must
 * check the project and use a new key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { actor?: Actor }>();
    const key = request.headers['idempotency-key'];
    // Anonymous POSTs (logging in) have no user to scope a key to; they are safe to repeat anyway.
    if (request.method !== 'POST' || key === undefined || !request.actor) return next.handle();
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw new InvalidInputError([{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters, e.g. a UUID' }]);
    }

    const userId = request.actor.userId;
    const target = `${request.method} ${request.originalUrl}`;
    const hash = createHash('sha256').update(canonicalJson(request.body ?? null)).digest('hex');
    const claim = await this.claim(userId, key, target, hash);
    if (claim.kind === 'replay') {
      http.getResponse<Response>().setHeader('Idempotent-Replayed', 'true');
      return of(claim.body);
    }

    // Nest answers with the route's fixed status code; it is stored, and a replay repeats it.
    const status: number = this.reflector.get(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return next.handle().pipe(
      // Only the command's own failure releases the key; if storing the response fails, the key
      // stays pending rather than letting a retry run the command twice. So it does when the
      // database connection failed: the commit may have happened unheard.
      catchError((error) =>
        isDatabaseUnavailable(error)
          ? throwError(() => error)
          : from(this.pool.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status IS NULL', [userId, key])).pipe(
              concatMap(() => throwError(() => error)),
            ),
      ),
      concatMap(async (body) => {
        await this.pool.query('UPDATE idempotency_keys SET status = $3, response_body = $4 WHERE user_id = $1 AND key = $2', [
          userId,
          key,
          status,
          JSON.stringify(body),
        ]);
        return body;
      }),
    );
  }

  private async claim(userId: string, key: string, target: string, hash: string): Promise<Claim> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const inserted = await this.pool.query(
        `INSERT INTO idempotency_keys (user_id, key, request, request_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, key) DO NOTHING`,
        [userId, key, target, hash],
      );
      if (inserted.rowCount === 1) return { kind: 'execute' };

      const { rows } = await this.pool.query<{ request: string; request_hash: string; status: number | null; response_body: unknown }>(
        'SELECT request, request_hash, status, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2',
        [userId, key],
      );
      const row = rows[0];
      // Gone again: the first request failed and released the key, so this one may claim it.
      if (row === undefined) continue;
      if (row.request !== target || row.request_hash !== hash) throw new IdempotencyKeyReusedError();
      if (row.status !== null) return { kind: 'replay', body: row.response_body };
      if (Date.now() >= deadline) {
        throw new ConflictException({ message: 'A request with this Idempotency-Key is still in progress; retry shortly.', code: 'IDEMPOTENCY_KEY_IN_PROGRESS' });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
