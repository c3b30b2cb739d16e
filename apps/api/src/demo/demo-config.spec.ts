import { resolve } from 'node:path';
import { loadConfig } from '../config/app-config';
import { DEMO_EMBEDDED_PG_PORT, demoEnvironment } from './demo-config';
import { DEMO_PASSWORD } from './demo-data.generator';

describe('demoEnvironment', () => {
  const real = {
    DATABASE_URL: 'postgres://luodi:secret@db.example:5432/luodi',
    LUODI_DATA_DIR: '/var/lib/luodi',
    EVENT_STORE: 'kurrentdb',
    KURRENTDB_URL: 'kurrentdb://kurrent.example:2113',
    LUODI_ADMIN_PASSWORD: 'the-real-admin-password',
    NODE_ENV: 'production',
    PORT: '8080',
    LOG_LEVEL: 'warn',
  };

  it('never points the demo at a real installation’s data', () => {
    const config = loadConfig(demoEnvironment(real));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(resolve('data/demo'));
    expect(config.embeddedPostgresPort).not.toBe(loadConfig({}).embeddedPostgresPort);
    expect(config.eventStore).toBe('postgres');
    expect(config.adminPassword).toBe(DEMO_PASSWORD);
    expect(config.env).toBe('development');
  });

  it('keeps the port and logging the caller chose', () => {
    expect(loadConfig(demoEnvironment(real))).toMatchObject({ port: 8080, logLevel: 'warn' });
  });

  it('takes the embedded PostgreSQL port the caller chose, and its own one otherwise', () => {
    expect(loadConfig(demoEnvironment({ ...real, LUODI_EMBEDDED_PG_PORT: '55001' })).embeddedPostgresPort).toBe(55001);
    expect(loadConfig(demoEnvironment(real)).embeddedPostgresPort).toBe(Number(DEMO_EMBEDDED_PG_PORT));
  });
});
