import { isAbsolute, resolve } from 'node:path';
import { trustedProxyProblem } from '../auth/client-address';
import { passwordWeakness } from '../users/password-policy';

/** Everything the service can be told from outside, validated once at start-up. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** PostgreSQL server; absent: an embedded PostgreSQL under `dataDir` is started. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPostgresPort: number;
  eventStore: 'postgres' | 'kurrentdb';
  kurrentDbUrl?: string;
  /** Whether this process runs the projections (`off` when a separate projector worker does). */
  projector: 'inline' | 'off';
  jwtSecret: string;
  tokenTtlSeconds: number;
  adminPassword?: string;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; empty: nobody's. */
  trustedProxies: string[];
  /** How long an Idempotency-Key is remembered; after that the same key runs afresh. */
  idempotencyTtlHours: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  logJson: boolean;
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'luodi-development-secret-not-for-production';

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

  const jwtSecret = env.LUODI_JWT_SECRET ?? (nodeEnv === 'production' ? '' : DEV_JWT_SECRET);
  if (nodeEnv === 'production' && (jwtSecret.length < 32 || jwtSecret === DEV_JWT_SECRET)) {
    problems.push('LUODI_JWT_SECRET must be set to a random secret of at least 32 characters in production');
  }
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
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
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
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
