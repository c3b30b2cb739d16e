import { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of everything the API serves: the built web UI and the Swagger UI
 * at /api/docs load scripts only from this origin (no inline script, no eval). Styles allow
 * 'unsafe-inline' because ECharts tooltips and the Swagger UI page carry inline styles. docker/nginx.conf
 * sends the same policy (test/docker/compose-file.spec.ts checks they agree).
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

const helmetHeaders = helmet({
  // No upgrade-insecure-requests: the product also runs on plain http (localhost, intranet).
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // Sent below, only for requests that really came over TLS.
  strictTransportSecurity: false,
});

/**
 * Security headers on every answer. HSTS only when `req.secure`: Express derives that from
 * X-Forwarded-Proto only for peers 'trust proxy' names, so a plain-http client cannot ask for it.
 * API answers carry tokens and personal data, so no cache may keep them; the web UI's static
 * files keep their own caching (serve-web.ts).
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if (req.path === '/api' || req.path.startsWith('/api/') || req.path === '/metrics')
    res.setHeader('Cache-Control', 'no-store');
  helmetHeaders(req, res, next);
}
