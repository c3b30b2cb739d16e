import express, { Express } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Serves the built web UI (dist/web) at `/`, with index.html for the UI's own routes, so no
 * separate web server is needed. Without a build, `/` says how to make one.
 */
export function serveWeb(app: Express, dir = resolve('dist/web')): void {
  const index = join(dir, 'index.html');
  const noCache = { 'Cache-Control': 'no-cache' };
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
