import { NextFunction, Request, Response } from 'express';
import { ApiError, JsonTooDeepError } from './problem';

/** Deeper than any request DTO nests (a landing plan's milestones are 3 levels). */
export const MAX_JSON_DEPTH = 32;

/** Routes that take a file (multipart/form-data, read by multer in the route) besides JSON. */
const UPLOAD_ROUTES = new Set(['POST /api/imports/projects', 'POST /api/files']);

/**
 * A JSON API: a request body must be application/json. Anything else would reach the DTOs as
 * an empty or form-decoded body; a request without a body (no length, or length 0) is fine.
 */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  const upload = UPLOAD_ROUTES.has(`${req.method} ${req.path}`) && req.is('multipart/form-data');
  if (hasBody && !upload && !req.is('application/json')) {
    return next(new ApiError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be application/json.'));
  }
  next();
}

/**
 * Refuses bodies nested deeper than MAX_JSON_DEPTH, after body-parser and before validation,
 * whose recursive walks overflow the stack on a body nested thousands of levels deep. The scan
 * is iterative so it cannot overflow itself.
 */
export function limitJsonDepth(req: Request, _res: Response, next: NextFunction): void {
  const stack: Array<[unknown, number]> = [[req.body, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) return next(new JsonTooDeepError(MAX_JSON_DEPTH));
    for (const item of Object.values(value)) stack.push([item, depth + 1]);
  }
  next();
}
