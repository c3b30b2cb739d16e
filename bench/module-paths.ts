import Module from 'node:module';
import path from 'node:path';

/**
 * Resolves the `@luodi/*` path aliases of tsconfig.json inside dist/bench at run time (tsc keeps
 * them as written). Imported first by run.ts and excel.ts, before anything that needs an alias.
 */
const root = path.resolve(__dirname, '..'); // dist/bench
const aliases: Record<string, string> = {
  '@luodi/event-store/kurrentdb': 'libs/event-store/src/kurrentdb/kurrentdb-event-store',
};

const resolver = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolve = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]): string {
  const lib = /^@luodi\/([a-z-]+)$/.exec(request);
  const target = aliases[request] ?? (lib ? `libs/${lib[1]}/src` : undefined);
  return resolve.call(this, target ? path.join(root, target) : request, ...rest);
};
