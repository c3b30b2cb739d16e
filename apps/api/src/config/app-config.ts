import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
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
}

export interface HttpServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError listing every bad value at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = env[name] ?? fallback;
    if (!allowed.includes(value as T)) problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return value as T;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = env[name];
    if (!raw) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must start with ${protocols.join(' or ')} (got "${parsed.protocol}")`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'], 'development');
  const eventStore = oneOf('EVENT_STORE', ['postgres', 'kurrentdb'], 'postgres');
  // Not parsed with URL: a cluster connection string lists several hosts (a,b,c:2113).
  const kurrentDbUrl = env.KURRENTDB_URL || undefined;
  if (kurrentDbUrl && !/^(esdb|kurrentdb|kdb)(\+discover)?:\/\/\S+$/.test(kurrentDbUrl)) {
    problems.push('KURRENTDB_URL must be a KurrentDB connection string (kurrentdb://, kurrentdb+discover://, esdb://)');
  }
  if (eventStore === 'kurrentdb' && !kurrentDbUrl) problems.push('KURRENTDB_URL is required when EVENT_STORE=kurrentdb');

  const jwtSecret = env.LUODI_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) problems.push('LUODI_JWT_SECRET must be a random secret of at least 32 characters (or unset: one is made and kept in the database)');
  const host = env.LUODI_HOST || '127.0.0.1';
  if (isIP(host) === 0 && host !== 'localhost') problems.push(`LUODI_HOST must be an IP address to listen on, such as 127.0.0.1 or 0.0.0.0 (got "${host}")`);
  const adminPassword = env.LUODI_ADMIN_PASSWORD || undefined;
  const adminWeakness = adminPassword === undefined ? undefined : passwordWeakness(adminPassword, 'admin');
  if (adminWeakness) problems.push(`LUODI_ADMIN_PASSWORD is refused: ${adminWeakness.message.replace(/^\$property/, 'it')}`);
  const trustedProxies = (env.LUODI_TRUSTED_PROXIES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of trustedProxies) {
    const problem = trustedProxyProblem(entry);
    if (problem) problems.push(`LUODI_TRUSTED_PROXIES: ${problem}`);
  }

  const dataDir = env.LUODI_DATA_DIR || './data';
  const config: AppConfig = {
    env: nodeEnv,
    port: int('PORT', 3000, 0, 65535),
    host,
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    readDatabaseUrl: url('LUODI_READ_DATABASE_URL', ['postgres:', 'postgresql:']),
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
  };
  // Replicas of the embedded PostgreSQL do not exist; only a server of one's own has them.
  if (config.readDatabaseUrl && !config.databaseUrl) problems.push('LUODI_READ_DATABASE_URL needs DATABASE_URL: read replicas belong to a PostgreSQL server of your own, not the embedded one');
  // Node.js times out the headers within the whole request, so a longer header timeout is meaningless.
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs) problems.push('LUODI_HTTP_HEADERS_TIMEOUT_MS must not exceed LUODI_HTTP_REQUEST_TIMEOUT_MS');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
