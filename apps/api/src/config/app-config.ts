import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import {
  DATABASE_URL_PROTOCOLS,
  DeliveryConfig,
  environmentReader,
  readDeliveryConfig,
  readEventStoreConfig,
} from '@luodi/platform';
import { trustedProxyProblem } from '../auth/client-address';
import { passwordWeakness } from '../users/password-policy';

/** Everything the service can be told from outside, validated once at start-up. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** PostgreSQL server; absent: an embedded PostgreSQL under `dataDir` is started. */
  databaseUrl?: string;
  /**
   * Read replicas of that server (e.g. a proxy port in front of them): the query endpoints read
   * there; absent: they read from DATABASE_URL.
   */
  readDatabaseUrl?: string;
  dataDir: string;
  embeddedPostgresPort: number;
  eventStore: 'postgres' | 'kurrentdb';
  kurrentDbUrl?: string;
  /** Whether this process runs the projections (`off` when a separate projector worker does). */
  projector: 'inline' | 'off';
  /** Token signing key; absent: one made at random on first start and kept in the database. */
  jwtSecret?: string;
  /** Interface to listen on: loopback unless told otherwise, so a first `npm start` is not public. */
  host: string;
  tokenTtlSeconds: number;
  adminPassword?: string;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; empty: nobody's. */
  trustedProxies: string[];
  /** How long an Idempotency-Key is remembered; after that the same key runs afresh. */
  idempotencyTtlHours: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  logJson: boolean;
  /** Limits of the HTTP server (http-server-limits.ts), so slow or idle clients cannot hold it. */
  http: HttpServerLimits;
  /** The supervision scheduler (督办): whether this process runs it, and how often. */
  supervisionScheduler: { enabled: boolean; intervalSeconds: number };
  /** How notifications are delivered (webhooks, e-mail). */
  delivery: DeliveryConfig;
}

export interface HttpServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

/** Reads and validates the environment; throws ConfigError listing every bad value at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const read = environmentReader(env);
  const { oneOf, int } = read;

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'], 'development');
  const { eventStore, kurrentDbUrl } = readEventStoreConfig(env, read);

  const jwtSecret = env.LUODI_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32)
    read.problem(
      'LUODI_JWT_SECRET must be a random secret of at least 32 characters (or unset: one is made and kept in the database)',
    );
  const host = env.LUODI_HOST || '127.0.0.1';
  if (isIP(host) === 0 && host !== 'localhost')
    read.problem(`LUODI_HOST must be an IP address to listen on, such as 127.0.0.1 or 0.0.0.0 (got "${host}")`);
  const adminPassword = env.LUODI_ADMIN_PASSWORD || undefined;
  const adminWeakness = adminPassword === undefined ? undefined : passwordWeakness(adminPassword, 'admin');
  if (adminWeakness)
    read.problem(`LUODI_ADMIN_PASSWORD is refused: ${adminWeakness.message.replace(/^\$property/, 'it')}`);
  const trustedProxies = (env.LUODI_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of trustedProxies) {
    const problem = trustedProxyProblem(entry);
    if (problem) read.problem(`LUODI_TRUSTED_PROXIES: ${problem}`);
  }

  const dataDir = env.LUODI_DATA_DIR || './data';
  const config: AppConfig = {
    env: nodeEnv,
    port: int('PORT', 3000, 0, 65535),
    host,
    databaseUrl: read.url('DATABASE_URL', DATABASE_URL_PROTOCOLS),
    readDatabaseUrl: read.url('LUODI_READ_DATABASE_URL', DATABASE_URL_PROTOCOLS),
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(dataDir),
    embeddedPostgresPort: int('LUODI_EMBEDDED_PG_PORT', 54329, 1, 65535),
    eventStore,
    kurrentDbUrl,
    projector: oneOf('LUODI_PROJECTOR', ['inline', 'off'], 'inline'),
    jwtSecret,
    tokenTtlSeconds: int('LUODI_TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    adminPassword,
    trustedProxies,
    idempotencyTtlHours: int('LUODI_IDEMPOTENCY_TTL_HOURS', 24, 1, 30 * 24),
    logLevel: oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'], 'log'),
    logJson: oneOf('LOG_FORMAT', ['json', 'text'], nodeEnv === 'production' ? 'json' : 'text') === 'json',
    http: {
      headersTimeoutMs: int('LUODI_HTTP_HEADERS_TIMEOUT_MS', 20_000, 100, 600_000),
      requestTimeoutMs: int('LUODI_HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
      keepAliveTimeoutMs: int('LUODI_HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
      maxConnections: int('LUODI_HTTP_MAX_CONNECTIONS', 1_000, 1, 1_000_000),
    },
    // Every instance may run it: the notices it issues are decided on each project's stream.
    supervisionScheduler: {
      enabled: oneOf('LUODI_SUPERVISION_SCHEDULER', ['on', 'off'], 'on') === 'on',
      intervalSeconds: int('LUODI_SUPERVISION_INTERVAL_SECONDS', 300, 1, 86_400),
    },
    delivery: readDeliveryConfig(env, read),
  };
  // Replicas of the embedded PostgreSQL do not exist; only a server of one's own has them.
  if (config.readDatabaseUrl && !config.databaseUrl)
    read.problem(
      'LUODI_READ_DATABASE_URL needs DATABASE_URL: read replicas belong to a PostgreSQL server of your own, not the embedded one',
    );
  // Node.js times out the headers within the whole request, so a longer header timeout is meaningless.
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs)
    read.problem('LUODI_HTTP_HEADERS_TIMEOUT_MS must not exceed LUODI_HTTP_REQUEST_TIMEOUT_MS');
  read.done();
  return config;
}
