import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { Request, Response } from 'express';
import { Pool } from 'pg';
import { catchError, concatMap, from, Observable, of, throwError } from 'rxjs';
import { Actor } from '../auth/actor';
import { PG_POOL } from '../database/database.module';
import { CREDENTIAL_ROUTE } from './credential-route.decorator';
import { ABANDONED_AFTER_SECONDS, IdempotencyKeysService } from './idempotency-keys.service';
import { ApiError, IdempotencyKeyReusedError, InvalidInputError, isDatabaseUnavailable } from './problem';

/** GET and HEAD are safe to repeat anyway, and so is PUT (it replaces); no route uses DELETE. */
const COMMAND_METHODS = new Set(['POST', 'PATCH']);
const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;
/** How long a retry waits for the first request with its key to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 5000;
const POLL_MS = 50;

type Claim = { kind: 'execute' } | { kind: 'replay'; body: unknown };

/**
 * `Idempotency-Key` on any POST or PATCH (the commands) makes it safe to retry (the network failed, the client does not
 * know whether the command ran). Keys are scoped per user. The first request with a key claims it
 * by inserting a pending row under the unique (user, key); it runs and stores its response. A
 * retry with the same key and body gets that stored response again (same status and body, header
 * `Idempotent-Replayed: true`) and writes nothing; with a different body or path, 422
 * IDEMPOTENCY_KEY_REUSED. A retry arriving while the first still runs waits for it (up to 5 s),
 * then gets 409 IDEMPOTENCY_KEY_IN_PROGRESS.
 *
 * Only successes are stored: a refused command wrote nothing, so its key is released and a retry
 * runs afresh. If the process dies between the append and storing the response, the row stays
 * pending until IdempotencyKeysService settles it from the command's events (a minute on).
 *
 * No credentials are kept: bodies are compared by an HMAC under a server key, not a bare hash
 * (a password in a body would fall to a word list), and routes marked @CredentialRoute (a
 * password in the body, a token in the answer) are not stored at all. Keys expire after
 * LUODI_IDEMPOTENCY_TTL_HOURS; an expired key runs afresh.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly reflector: Reflector,
    private readonly keys: IdempotencyKeysService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { actor?: Actor }>();
    const key = request.headers['idempotency-key'];
    // Anonymous POSTs (logging in) have no user to scope a key to; they are safe to repeat anyway.
    if (!COMMAND_METHODS.has(request.method) || key === undefined || !request.actor) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(CREDENTIAL_ROUTE, [context.getHandler(), context.getClass()]))
      return next.handle();
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw new InvalidInputError([
        { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters, e.g. a UUID' },
      ]);
    }

    const userId = request.actor.userId;
    const target = `${request.method} ${request.originalUrl}`;
    const hash = await this.keys.hashBody(request.body);
    // Nest answers with the route's fixed status code (unless set, 201 for POST, 200 otherwise);
    // it is stored, and a replay repeats it.
    const status: number =
      this.reflector.get(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    const claim = await this.claim(userId, key, target, hash, status).catch((error: unknown) => {
      // The claim may have been stored unheard: settle it once the database is back.
      if (isDatabaseUnavailable(error)) this.keys.settleAfterOutage({ userId, key });
      throw error;
    });
    if (claim.kind === 'replay') {
      http.getResponse<Response>().setHeader('Idempotent-Replayed', 'true');
      return of(claim.body);
    }

    return next.handle().pipe(
      // Only the command's own failure releases the key; if storing the response fails, the key
      // stays pending rather than letting a retry run the command twice. So it does when the
      // database connection failed: the commit may have happened unheard. It is settled from the
      // command's events once the database is back (settleAfterOutage).
      catchError((error) =>
        isDatabaseUnavailable(error)
          ? (this.keys.settleAfterOutage({ userId, key }), throwError(() => error))
          : from(
              this.pool.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status IS NULL', [
                userId,
                key,
              ]),
            ).pipe(concatMap(() => throwError(() => error))),
      ),
      concatMap(async (body) => {
        await this.pool
          .query(
            'UPDATE idempotency_keys SET status = answer_status, response_body = $3 WHERE user_id = $1 AND key = $2',
            [userId, key, JSON.stringify(body)],
          )
          .catch((error: unknown) => {
            if (isDatabaseUnavailable(error)) this.keys.settleAfterOutage({ userId, key });
            throw error;
          });
        return body;
      }),
    );
  }

  private async claim(userId: string, key: string, target: string, hash: string, status: number): Promise<Claim> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      // An expired key is forgotten, so this request runs afresh.
      await this.pool.query(
        'DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)',
        [userId, key, this.keys.ttlHours],
      );
      const inserted = await this.pool.query(
        `INSERT INTO idempotency_keys (user_id, key, request, request_hash, answer_status) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, key) DO NOTHING`,
        [userId, key, target, hash, status],
      );
      if (inserted.rowCount === 1) return { kind: 'execute' };

      const { rows } = await this.pool.query<{
        request: string;
        request_hash: string;
        status: number | null;
        response_body: unknown;
        abandoned: boolean;
      }>(
        `SELECT request, request_hash, status, response_body, created_at < now() - make_interval(secs => $3) AS abandoned
           FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key, ABANDONED_AFTER_SECONDS],
      );
      const row = rows[0];
      // Gone again: the first request failed and released the key, so this one may claim it.
      if (row === undefined) continue;
      // Left pending by a crash: settle it now (completed or released), then look again.
      if (row.status === null && row.abandoned && (await this.keys.settleAbandoned({ userId, key })) > 0) continue;
      if (row.request !== target || row.request_hash !== hash) throw new IdempotencyKeyReusedError();
      if (row.status !== null) return { kind: 'replay', body: row.response_body };
      if (Date.now() >= deadline) {
        throw new ApiError(
          'IDEMPOTENCY_KEY_IN_PROGRESS',
          'A request with this Idempotency-Key is still in progress; retry shortly.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
