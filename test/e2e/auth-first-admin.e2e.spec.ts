import { ConsoleLogger, INestApplication } from '@nestjs/common';
import { migrations } from '@luodi/platform';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { login } from '../support/auth-helpers';
import { createTestDatabase } from '../support/test-database';

/** Keeps what the app logs, so a test can read the one-time admin password. */
class CapturingLogger extends ConsoleLogger {
  readonly lines: string[] = [];
  constructor() {
    super('Luodi', { logLevels: ['error', 'warn', 'log'] });
  }
  override log(message: unknown) {
    this.lines.push(String(message));
  }
  override warn(message: unknown) {
    this.lines.push(String(message));
  }
}

const databases: Array<{ drop(): Promise<void> }> = [];
const apps: INestApplication[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const db of databases.splice(0)) await db.drop();
});

async function start(databaseUrl: string, env: Record<string, string>, logger = new CapturingLogger()) {
  const app = await createApp(loadConfig({ NODE_ENV: 'test', ...env }), databaseUrl, logger);
  apps.push(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${port}`, logger };
}

async function emptyDatabase(): Promise<string> {
  const db = await createTestDatabase(migrations);
  databases.push(db);
  return db.url;
}

const created = (logger: CapturingLogger) => logger.lines.filter((l) => l.startsWith('Created user admin'));

describe('the first start creates admin', () => {
  it('with LUODI_ADMIN_PASSWORD, without printing it; a restart creates nothing', async () => {
    const url = await emptyDatabase();
    const first = await start(url, { LUODI_ADMIN_PASSWORD: 'configured-first-pw' });
    expect(created(first.logger)).toEqual(['Created user admin with the password from LUODI_ADMIN_PASSWORD']);
    expect(first.logger.lines.join('\n')).not.toContain('configured-first-pw');
    await expect(login(first.baseUrl, 'admin', 'configured-first-pw')).resolves.toMatchObject({
      user: { role: 'admin' },
    });

    const second = await start(url, { LUODI_ADMIN_PASSWORD: 'another-first-pw' });
    expect(created(second.logger)).toEqual([]);
    await expect(login(second.baseUrl, 'admin', 'configured-first-pw')).resolves.toMatchObject({
      user: { role: 'admin' },
    });
  });

  it('without it, with a random password logged once that logs in', async () => {
    const url = await emptyDatabase();
    const first = await start(url, {});
    const [line] = created(first.logger);
    const password = /^Created user admin with password: (\S+) \(shown once/.exec(line)?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);
    await expect(login(first.baseUrl, 'admin', password!)).resolves.toMatchObject({ user: { username: 'admin' } });

    const second = await start(url, {});
    expect(second.logger.lines.join('\n')).not.toContain(password);
  });

  it('exactly once when two instances start together on an empty database', async () => {
    const url = await emptyDatabase();
    const logger = new CapturingLogger();
    const [a, b] = await Promise.all([start(url, {}, logger), start(url, {}, logger)]);
    const lines = created(logger);
    expect(lines).toHaveLength(1);
    const password = /password: (\S+) /.exec(lines[0])![1];
    await expect(login(a.baseUrl, 'admin', password)).resolves.toBeDefined();
    await expect(login(b.baseUrl, 'admin', password)).resolves.toBeDefined();
  });
});
