import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@luodi/platform';
import { createApp, createLogger } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { EmbeddedDatabaseError, openDatabase } from '../database/embedded-database';
import { shutDownOnSignals } from '../shutdown';
import { SupervisionSchedulerService } from '../supervision/supervision-scheduler.service';
import { DEMO_DATA_DIR, demoEnvironment } from './demo-config';
import { DEMO_PASSWORD, DemoPlan, DemoPlanSummary, generateDemoPlan, summarizeDemoPlan } from './demo-data.generator';
import { generateMatchmakingPlan } from './demo-matchmaking.generator';
import { hasData, seedDemoData, seedMatchmakingData } from './demo-seeder';

/**
 * `npm run demo`: the product on its own embedded PostgreSQL (data/demo) with a realistic data
 * set, seeded through the HTTP API on the first start and kept for the next ones.
 */

/** Written once seeding has finished: its absence beside existing data means an interrupted seeding. */
interface SeedRecord {
  seed: number;
  today: string;
  seconds: number;
  summary: DemoPlanSummary;
  logins: DemoPlan['users'];
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(demoEnvironment(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  const logger = createLogger(config);
  let database;
  try {
    database = await openDatabase({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
      log: (m) => logger.log(m, 'Database'),
    });
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseError)) throw error;
    console.error(error.message);
    process.exit(error.exitCode);
  }
  const app = await createApp(config, database.url, logger);

  const stop = shutDownOnSignals(app, database, logger);

  try {
    // Only this machine: the demo's passwords are public.
    await app.listen(config.port, '127.0.0.1');
  } catch (error) {
    console.error(
      `The demo cannot listen on port ${config.port} (${(error as Error).message}); set PORT to a free one.`,
    );
    return stop('start-up failed', 1);
  }
  const port = (app.getHttpServer().address() as { port: number }).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const recordFile = join(config.dataDir, 'demo-seed.json');

  let record: SeedRecord | undefined;
  if (!(await hasData(baseUrl, DEMO_PASSWORD))) {
    try {
      record = await seed(baseUrl);
    } catch (error) {
      console.error(String(error));
      console.error(`The demo data set is incomplete. Delete ${DEMO_DATA_DIR} and run \`npm run demo\` again.`);
      return stop('seeding failed', 1);
    }
    writeFileSync(recordFile, JSON.stringify(record, null, 2));
    // The scheduler's first pass ran on the empty database: issue the story's notices now, not in 5 minutes.
    if (config.supervisionScheduler.enabled) await app.get(SupervisionSchedulerService).runOnce();
  } else if (existsSync(recordFile)) {
    record = JSON.parse(readFileSync(recordFile, 'utf8')) as SeedRecord;
  } else {
    console.warn(
      `The data in ${DEMO_DATA_DIR} was not seeded to the end. Delete ${DEMO_DATA_DIR} and run \`npm run demo\` again for the full data set.`,
    );
  }
  console.log(banner(`http://localhost:${port}`, record));
}

async function seed(baseUrl: string): Promise<SeedRecord> {
  const plan = generateDemoPlan({ today: new Date() });
  const summary = summarizeDemoPlan(plan);
  console.log(
    `Seeding the demo data through the API: ${summary.departments} departments, ${summary.users} users, ${summary.enterprises} enterprises, ` +
      `${summary.conferences} conferences, ${summary.projects} projects (${summary.calls} calls)...`,
  );
  const started = Date.now();
  let reported = 0;
  await seedDemoData(plan, {
    baseUrl,
    adminPassword: DEMO_PASSWORD,
    onProgress: (done, of) => {
      const tenth = Math.floor((done * 10) / of);
      if (tenth === reported) return;
      reported = tenth;
      console.log(`  ${done}/${of} projects (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    },
  });
  const matchmaking = generateMatchmakingPlan({ seed: plan.seed, today: new Date(plan.today) });
  console.log(
    `Seeding matchmaking: ${matchmaking.events.length} events, ${matchmaking.demands.length} demands, ${matchmaking.cooperations.length} proposals...`,
  );
  await seedMatchmakingData(matchmaking, { baseUrl });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  console.log(`Seeded in ${seconds} s.`);
  return { seed: plan.seed, today: plan.today, seconds, summary, logins: plan.users };
}

/** The two department users shown; every department has one, named by its code. */
const SHOWN_DEPARTMENTS = ['gxj', 'zrzyj'];

function banner(url: string, record: SeedRecord | undefined): string {
  const lines = ['', `Luodi (落地) demo: ${url}   (API docs: ${url}/api/docs)`];
  if (record) {
    const s = record.summary;
    lines.push(
      `Data: ${s.projects} projects of ${s.enterprises} enterprises at ${s.conferences} conferences; ${s.inLibrary} in the library, ` +
        `${s.landed} landed (landing rate ${percent(s.landingRate)}; ${percent(s.presentedLandingRate)} of presented projects), ` +
        `planned investment ${Math.round(s.investmentYuan / 1e8)}亿元.`,
    );
  }
  const logins = [
    { username: 'admin', role: 'admin', label: '管理员' },
    ...(record?.logins ?? []).filter((u) => u.role !== 'department' || SHOWN_DEPARTMENTS.includes(u.username)),
  ];
  lines.push(`Log in with the password "${DEMO_PASSWORD}" as:`);
  for (const login of logins) lines.push(`  ${login.username.padEnd(10)} ${login.role.padEnd(11)} ${login.label}`);
  if (record) {
    const others = record.logins
      .filter((u) => u.role === 'department' && !SHOWN_DEPARTMENTS.includes(u.username))
      .map((u) => u.username);
    lines.push(`  (every department has a user named by its code: ${others.join(', ')})`);
  }
  lines.push(`Ctrl-C stops the demo. To start over with fresh data, delete ${DEMO_DATA_DIR}.`, '');
  return lines.join('\n');
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
