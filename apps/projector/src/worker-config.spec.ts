import { ConfigError } from '@luodi/platform';
import { loadWorkerConfig } from './worker-config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/luodi';

describe('loadWorkerConfig', () => {
  it('needs only DATABASE_URL; the rest has defaults', () => {
    expect(loadWorkerConfig('projector', { DATABASE_URL })).toEqual({
      databaseUrl: DATABASE_URL,
      eventStore: 'postgres',
      kurrentDbUrl: undefined,
      logJson: false,
      batchSize: 1000,
    });
    expect(loadWorkerConfig('rebuild', { DATABASE_URL, LOG_FORMAT: 'json' })).toMatchObject({
      batchSize: 5000,
      logJson: true,
    });
    expect(
      loadWorkerConfig('projector', { DATABASE_URL, METRICS_PORT: '9464', LUODI_PROJECTOR_BATCH_SIZE: '100' }),
    ).toMatchObject({ metricsPort: 9464, batchSize: 100 });
  });

  it('lists every bad value at once, naming the variable, as the API does', () => {
    const attempt = () =>
      loadWorkerConfig('projector', {
        DATABASE_URL: 'mysql://x',
        LUODI_PROJECTOR_BATCH_SIZE: 'lots',
        METRICS_PORT: '99999',
        EVENT_STORE: 'kurrentdb',
        LOG_FORMAT: 'xml',
      });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL must start with postgres:/);
    expect(attempt).toThrow(/LUODI_PROJECTOR_BATCH_SIZE must be an integer from 1 to 100000 \(got "lots"\)/);
    expect(attempt).toThrow(/METRICS_PORT must be an integer from 1 to 65535/);
    expect(attempt).toThrow(/KURRENTDB_URL is required when EVENT_STORE=kurrentdb/);
    expect(attempt).toThrow(/LOG_FORMAT must be one of json, text/);
  });

  it('refuses to start without DATABASE_URL, and reads each worker its own batch size', () => {
    expect(() => loadWorkerConfig('rebuild', {})).toThrow(/DATABASE_URL is required/);
    expect(() => loadWorkerConfig('rebuild', { DATABASE_URL, LUODI_REBUILD_BATCH_SIZE: '0' })).toThrow(
      /LUODI_REBUILD_BATCH_SIZE must be an integer from 1/,
    );
    expect(loadWorkerConfig('rebuild', { DATABASE_URL, LUODI_PROJECTOR_BATCH_SIZE: '0' }).batchSize).toBe(5000);
  });
});
