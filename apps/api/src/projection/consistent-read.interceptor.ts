import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Request } from 'express';
import { finalize, from, Observable, switchMap } from 'rxjs';
import { ApiError } from '../common/problem';
import { ReadReplicas, readsThrough } from '../database/read-database';
import { ReadPositionService } from './read-position.service';

/** How long a GET waits for the read models to reach its `minPosition`. */
export const MIN_POSITION_WAIT_MS = 5000;

/**
 * `minPosition` on any GET (docs/api.md, minPosition: every GET accepts it): holds the request until the read
 * models include that position, or answers 503 with Retry-After when they do not in time. A
 * malformed value is left to the route's query validation (400). With read replicas, the
 * request then reads from a replica that has replayed that far, or from the primary
 * (ReadReplicas.pin).
 */
@Injectable()
export class ConsistentReadInterceptor implements NestInterceptor {
  constructor(
    private readonly positions: ReadPositionService,
    private readonly reads: ReadReplicas,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const minPosition = request.query?.minPosition;
    if (request.method !== 'GET' || typeof minPosition !== 'string' || !/^\d{1,15}$/.test(minPosition))
      return next.handle();
    return from(this.positions.waitUntilProjected(Number(minPosition), MIN_POSITION_WAIT_MS)).pipe(
      switchMap((caughtUp) => {
        if (!caughtUp) {
          throw new ApiError(
            'READ_MODELS_BEHIND',
            `The read models have not reached position ${minPosition} within ${MIN_POSITION_WAIT_MS / 1000} s; try again shortly.`,
          );
        }
        return from(this.reads.pin());
      }),
      switchMap((pin) => {
        if (!pin) return next.handle();
        // Subscribing runs the handler, so it must happen inside the pinned context.
        return new Observable((subscriber) =>
          readsThrough(pin.manager, () => next.handle().subscribe(subscriber)),
        ).pipe(finalize(pin.release));
      }),
    );
  }
}
