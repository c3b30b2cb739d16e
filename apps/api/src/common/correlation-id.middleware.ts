import { randomUUID } from 'node:crypto';
import { NextFunction, Request, Response } from 'express';

/** Every request gets a correlation id (the caller's, if it sent a sane one); events carry it. */
export function correlationId(req: Request & { correlationId?: string }, res: Response, next: NextFunction): void {
  const sent = req.header('x-correlation-id');
  req.correlationId = sent && /^[\w.:-]{1,100}$/.test(sent) ? sent : randomUUID();
  res.setHeader('X-Correlation-Id', req.correlationId);
  next();
}
