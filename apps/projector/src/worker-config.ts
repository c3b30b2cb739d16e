import { DATABASE_URL_PROTOCOLS, environmentReader, EventStoreConfig, readEventStoreConfig } from '@luodi/platform';

/** What the projector worker and the rebuild command can be told from outside, validated at start. */
export interface WorkerConfig extends EventStoreConfig {
  /** The API's database (its event log, read models and checkpoints). */
  databaseUrl: string;
  logJson: boolean;
  /** Events per batch: LUODI_PROJECTOR_BATCH_SIZE (default 1000) or LUODI_REBUILD_BATCH_SIZE (default 5000). */
  batchSize: number;
  /** The projector serves /metrics on this port when it is set; the rebuild has none. */
  metricsPort?: number;
}

const BATCH_SIZE = {
  projector: { name: 'LUODI_PROJECTOR_BATCH_SIZE', fallback: 1000 },
  rebuild: { name: 'LUODI_REBUILD_BATCH_SIZE', fallback: 5000 },
} as const;

/** Reads and validates the environment as the API's loadConfig does; throws ConfigError listing every bad value at once. */
export function loadWorkerConfig(worker: 'projector' | 'rebuild', env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const read = environmentReader(env);
  const databaseUrl = read.url('DATABASE_URL', DATABASE_URL_PROTOCOLS);
  if (!databaseUrl) {
    read.problem(
      'DATABASE_URL is required: the database of the API (with the embedded default: postgres://postgres:postgres@127.0.0.1:54329/luodi while the API runs)',
    );
  }
  const { name, fallback } = BATCH_SIZE[worker];
  const config: WorkerConfig = {
    databaseUrl: databaseUrl ?? '',
    ...readEventStoreConfig(env, read),
    logJson: read.oneOf('LOG_FORMAT', ['json', 'text'], 'text') === 'json',
    batchSize: read.int(name, fallback, 1, 100_000),
    ...(worker === 'projector' && env.METRICS_PORT ? { metricsPort: read.int('METRICS_PORT', 0, 1, 65535) } : {}),
  };
  read.done();
  return config;
}
