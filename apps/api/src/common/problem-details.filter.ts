import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { toProblem } from './problem';

/** The one error filter: every error leaves the API as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request & { correlationId?: string }>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = { ...toProblem(error, request), correlationId: request.correlationId };
    if (problem.status >= 500) {
      this.logger.error({
        message: `${request.method} ${request.originalUrl} failed`,
        correlationId: request.correlationId,
        error: String((error as Error)?.stack ?? error),
      });
    }
    if (problem.status === 503) response.setHeader('Retry-After', '2');
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
