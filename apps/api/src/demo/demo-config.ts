import { DEMO_PASSWORD } from './demo-data.generator';

/** Where the demo keeps its embedded PostgreSQL, apart from a real installation's ./data. */
export const DEMO_DATA_DIR = 'data/demo';

/** Not `npm start`'s 54329, so the demo can run beside it. */
export const DEMO_EMBEDDED_PG_PORT = '54339';

/**
 * The environment the demo runs with. Whatever the caller's environment says, the demo never
 * touches real data: it always runs its own embedded PostgreSQL under data/demo (on a port of its
 * own unless LUODI_EMBEDDED_PG_PORT picks one, so it can run beside `npm start`), the default
 * event store and in-process projections, with the public demo password for admin. PORT, logging
 * and token settings are honoured.
 */
export function demoEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    NODE_ENV: 'development',
    DATABASE_URL: '',
    LUODI_DATA_DIR: DEMO_DATA_DIR,
    LUODI_EMBEDDED_PG_PORT: env.LUODI_EMBEDDED_PG_PORT || DEMO_EMBEDDED_PG_PORT,
    EVENT_STORE: 'postgres',
    KURRENTDB_URL: '',
    LUODI_PROJECTOR: 'inline',
    LUODI_ADMIN_PASSWORD: DEMO_PASSWORD,
  };
}
