/**
 * How every Luodi process reads its environment (the API's app-config.ts, the projector's and the
 * rebuild's worker-config.ts): each variable through one of these readers, every bad value
 * collected, then one ConfigError listing them all, before anything starts.
 */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface EnvironmentReader {
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
  int(name: string, fallback: number, min: number, max: number): number;
  url(name: string, protocols: string[]): string | undefined;
  /** Records a problem found by a check of the caller's own. */
  problem(message: string): void;
  /** Throws ConfigError if any value was bad. */
  done(): void;
}

export function environmentReader(env: NodeJS.ProcessEnv): EnvironmentReader {
  const problems: string[] = [];
  return {
    oneOf(name, allowed, fallback) {
      const value = env[name] ?? fallback;
      if (!allowed.includes(value as (typeof allowed)[number]))
        problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return value as (typeof allowed)[number];
    },
    int(name, fallback, min, max) {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max)
        problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return value;
    },
    url(name, protocols) {
      const raw = env[name];
      if (!raw) return undefined;
      try {
        const parsed = new URL(raw);
        if (!protocols.includes(parsed.protocol))
          problems.push(`${name} must start with ${protocols.join(' or ')} (got "${parsed.protocol}")`);
      } catch {
        problems.push(`${name} is not a valid URL`);
      }
      return raw;
    },
    problem(message) {
      problems.push(message);
    },
    done() {
      if (problems.length > 0) throw new ConfigError(problems);
    },
  };
}

export const DATABASE_URL_PROTOCOLS = ['postgres:', 'postgresql:'];

export interface EventStoreConfig {
  eventStore: 'postgres' | 'kurrentdb';
  kurrentDbUrl?: string;
}

/** EVENT_STORE (postgres, the default, or kurrentdb) and KURRENTDB_URL, read the same way by every process. */
export function readEventStoreConfig(env: NodeJS.ProcessEnv, read: EnvironmentReader): EventStoreConfig {
  const eventStore = read.oneOf('EVENT_STORE', ['postgres', 'kurrentdb'], 'postgres');
  // Not parsed with URL: a cluster connection string lists several hosts (a,b,c:2113).
  const kurrentDbUrl = env.KURRENTDB_URL || undefined;
  if (kurrentDbUrl && !/^(esdb|kurrentdb|kdb)(\+discover)?:\/\/\S+$/.test(kurrentDbUrl)) {
    read.problem('KURRENTDB_URL must be a KurrentDB connection string (kurrentdb://, kurrentdb+discover://, esdb://)');
  }
  if (eventStore === 'kurrentdb' && !kurrentDbUrl) read.problem('KURRENTDB_URL is required when EVENT_STORE=kurrentdb');
  return { eventStore, kurrentDbUrl };
}

/** How notifications leave: the delivery worker's retries and limits, and the e-mail server. */
export interface DeliveryConfig {
  /** Attempts per delivery before it is given up (`failed`). */
  maxAttempts: number;
  /** The wait before the 2nd attempt; doubled before each further one. */
  baseDelayMs: number;
  /** Longest wait for one request (webhook or SMTP). */
  timeoutMs: number;
  /** Deliveries under way at once in one process (one per channel at most). */
  concurrency: number;
  /** Longest sleep between looks at the outbox when nothing wakes the worker. */
  pollMs: number;
  /** smtp:// or smtps:// server for e-mail; absent: no e-mail. */
  smtpUrl?: string;
  smtpFrom: string;
}

export function readDeliveryConfig(env: NodeJS.ProcessEnv, read: EnvironmentReader): DeliveryConfig {
  return {
    maxAttempts: read.int('LUODI_DELIVERY_MAX_ATTEMPTS', 8, 1, 100),
    baseDelayMs: read.int('LUODI_DELIVERY_BASE_DELAY_MS', 2_000, 1, 3_600_000),
    timeoutMs: read.int('LUODI_DELIVERY_TIMEOUT_MS', 10_000, 50, 300_000),
    concurrency: read.int('LUODI_DELIVERY_CONCURRENCY', 8, 1, 256),
    pollMs: read.int('LUODI_DELIVERY_POLL_MS', 1_000, 10, 60_000),
    smtpUrl: read.url('LUODI_SMTP_URL', ['smtp:', 'smtps:']),
    smtpFrom: env.LUODI_SMTP_FROM || 'Luodi <luodi@localhost>',
  };
}
