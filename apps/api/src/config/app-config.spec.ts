import { ConfigError } from '@luodi/platform';
import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for a newcomer: embedded PostgreSQL, inline projector, port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      eventStore: 'postgres',
      projector: 'inline',
      env: 'development',
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('lists every bad value at once, naming the variable', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', EVENT_STORE: 'mongo', DATABASE_URL: 'mysql://x', LUODI_TOKEN_TTL_SECONDS: '5' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT must be an integer/);
    expect(attempt).toThrow(/EVENT_STORE must be one of postgres, kurrentdb/);
    expect(attempt).toThrow(/DATABASE_URL must start with postgres:/);
    expect(attempt).toThrow(/LUODI_TOKEN_TTL_SECONDS must be an integer from 60/);
  });

  it('refuses a weak token secret; without one, the service makes and stores its own', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).jwtSecret).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: 'production', LUODI_JWT_SECRET: 'short' })).toThrow(/LUODI_JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', LUODI_JWT_SECRET: 'x'.repeat(40) }).jwtSecret).toHaveLength(40);
  });

  it('needs KURRENTDB_URL when EVENT_STORE=kurrentdb', () => {
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(/KURRENTDB_URL is required/);
    expect(
      loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'esdb://localhost:2113?tls=false' }).kurrentDbUrl,
    ).toContain('esdb://');
  });
});

describe('loadConfig read replicas', () => {
  it('reads from LUODI_READ_DATABASE_URL only beside a DATABASE_URL of its own, and only a PostgreSQL URL', () => {
    expect(loadConfig({}).readDatabaseUrl).toBeUndefined();
    const primary = 'postgres://luodi@db:5432/luodi';
    expect(
      loadConfig({ DATABASE_URL: primary, LUODI_READ_DATABASE_URL: 'postgres://luodi@db:5433/luodi' }).readDatabaseUrl,
    ).toBe('postgres://luodi@db:5433/luodi');
    expect(() => loadConfig({ LUODI_READ_DATABASE_URL: 'postgres://luodi@db:5433/luodi' })).toThrow(
      /LUODI_READ_DATABASE_URL needs DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: primary, LUODI_READ_DATABASE_URL: 'mysql://db/luodi' })).toThrow(
      /LUODI_READ_DATABASE_URL must start with postgres:/,
    );
  });
});

describe('loadConfig HTTP server limits', () => {
  it('bounds slow and idle clients by default, and takes other values in milliseconds', () => {
    expect(loadConfig({}).http).toEqual({
      headersTimeoutMs: 20_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1_000,
    });
    expect(loadConfig({ LUODI_HTTP_REQUEST_TIMEOUT_MS: '60000', LUODI_HTTP_MAX_CONNECTIONS: '50' }).http).toMatchObject(
      { requestTimeoutMs: 60_000, maxConnections: 50 },
    );
  });

  it('refuses no limit at all, and a header timeout longer than the request timeout', () => {
    expect(() => loadConfig({ LUODI_HTTP_REQUEST_TIMEOUT_MS: '0' })).toThrow(
      /LUODI_HTTP_REQUEST_TIMEOUT_MS must be an integer from 100/,
    );
    expect(() => loadConfig({ LUODI_HTTP_MAX_CONNECTIONS: '0' })).toThrow(
      /LUODI_HTTP_MAX_CONNECTIONS must be an integer from 1/,
    );
    expect(() => loadConfig({ LUODI_HTTP_HEADERS_TIMEOUT_MS: '40000' })).toThrow(
      /LUODI_HTTP_HEADERS_TIMEOUT_MS must not exceed LUODI_HTTP_REQUEST_TIMEOUT_MS/,
    );
  });

  it('runs the supervision scheduler every 5 minutes unless told otherwise, and refuses a bad setting', () => {
    expect(loadConfig({}).supervisionScheduler).toEqual({ enabled: true, intervalSeconds: 300 });
    expect(
      loadConfig({ LUODI_SUPERVISION_SCHEDULER: 'off', LUODI_SUPERVISION_INTERVAL_SECONDS: '60' }).supervisionScheduler,
    ).toEqual({ enabled: false, intervalSeconds: 60 });
    expect(() => loadConfig({ LUODI_SUPERVISION_SCHEDULER: 'yes' })).toThrow(
      /LUODI_SUPERVISION_SCHEDULER must be one of on, off/,
    );
    expect(() => loadConfig({ LUODI_SUPERVISION_INTERVAL_SECONDS: '0' })).toThrow(
      /LUODI_SUPERVISION_INTERVAL_SECONDS must be an integer from 1/,
    );
  });
});

describe('loadConfig KURRENTDB_URL', () => {
  it('accepts a multi-host cluster connection string and refuses other schemes', () => {
    const cluster = 'kurrentdb://admin:changeit@node1:2113,node2:2113,node3:2113?tls=true';
    expect(loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: cluster }).kurrentDbUrl).toBe(cluster);
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'http://node1:2113' })).toThrow(
      /KURRENTDB_URL must be a KurrentDB connection string/,
    );
  });
});

describe('loadConfig LUODI_IDEMPOTENCY_TTL_HOURS', () => {
  it('defaults to a day and refuses values outside 1 to 720 hours', () => {
    expect(loadConfig({}).idempotencyTtlHours).toBe(24);
    expect(loadConfig({ LUODI_IDEMPOTENCY_TTL_HOURS: '2' }).idempotencyTtlHours).toBe(2);
    expect(() => loadConfig({ LUODI_IDEMPOTENCY_TTL_HOURS: '0' })).toThrow(
      /LUODI_IDEMPOTENCY_TTL_HOURS must be an integer from 1 to 720/,
    );
  });

  it('trusts no proxy by default, and takes IPv4/IPv6 addresses and CIDR ranges', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ LUODI_TRUSTED_PROXIES: ' 172.30.241.0/24, ::1 ,fd00::/8' }).trustedProxies).toEqual([
      '172.30.241.0/24',
      '::1',
      'fd00::/8',
    ]);
  });

  it('names a bad LUODI_TRUSTED_PROXIES entry', () => {
    expect(() => loadConfig({ LUODI_TRUSTED_PROXIES: '127.0.0.1,nginx' })).toThrow(
      /LUODI_TRUSTED_PROXIES: "nginx" is not an IP address or CIDR range/,
    );
    expect(() => loadConfig({ LUODI_TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(
      /LUODI_TRUSTED_PROXIES: "10.0.0.0\/40" has a bad prefix length/,
    );
  });
});
