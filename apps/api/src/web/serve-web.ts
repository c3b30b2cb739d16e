import express, { Express, NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

/** Encodings written at build time (apps/web/vite.config.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Serves the built web UI (dist/web) at `/`, with index.html for the UI's own routes, so no
 * separate web server is needed. Without a build, `/` says how to make one.
 */
export function serveWeb(app: Express, dir = resolve('dist/web')): void {
  const index = join(dir, 'index.html');
  const noCache = { 'Cache-Control': 'no-cache' };
  app.use(precompressed(dir));
  // index.html names the hashed assets of its release, so it is revalidated; they may be cached.
  app.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => path === index && res.setHeader('Cache-Control', noCache['Cache-Control']),
    }),
  );
  app.get(/^\/(?!api\/|api$|metrics$).*/, (_req, res) => {
    if (existsSync(index)) res.sendFile(index, { cacheControl: false, headers: noCache });
    else res.status(404).type('text/plain').send('The web UI is not built: run `npm run build`.');
  });
}

/**
 * The hashed assets as the build compressed them (brotli or gzip), when the browser accepts it:
 * 850 kB of JavaScript become about 250 kB on the wire, with no compression work per request.
 */
function precompressed(dir: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    let path: string;
    try {
      path = resolve(dir, `.${decodeURIComponent(req.path)}`);
    } catch {
      return next(); // a malformed escape: express.static answers it
    }
    if (!path.startsWith(dir + sep)) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = ENCODINGS.find(
      ({ name, suffix }) => new RegExp(`\\b${name}\\b`).test(accepted) && existsSync(path + suffix),
    );
    res.vary('Accept-Encoding');
    if (!encoding) return next();
    res.type(extname(path));
    res.setHeader('Content-Encoding', encoding.name);
    res.sendFile(path + encoding.suffix, { maxAge: '1h' }, (error) => error && next());
  };
}
