import { randomUUID } from 'node:crypto';
import { Pool, types } from 'pg';
import { QueryRunner } from 'typeorm';
import { eventStoreMigrations, NewEvent, PostgresEventStore } from '@luodi/event-store';
import { projectStream } from '@luodi/domain';
import { getPostgreSQLEventStore, PostgresEventStore as EmmettStore } from '@event-driven-io/emmett-postgresql';
import { withDatabase } from './database';
import { distribution, Distribution, msSince, round } from './stats';

/** The append figures run in a schema of their own, so their rows never meet the service's. */
const SCHEMA = 'bench_append';
/** A writer moves on to a new stream of its own after this many appends. */
const APPENDS_PER_STREAM = 100;

export interface AppendRun {
  writer: 'store' | 'raw-insert' | 'emmett';
  concurrency: number;
  eventsPerAppend: number;
  seconds: number;
  appends: number;
  events: number;
  eventsPerSecond: number;
  appendsPerSecond: number;
  latencyMs: Distribution;
}

export interface AppendOptions {
  seconds: number;
  concurrencies: number[];
  sizes: number[];
  log(message: string): void;
}

/**
 * Appends through the EventStore port (PostgresEventStore.appendToStream with the version the
 * writer last saw, as handleCommand calls it) against a raw one-statement INSERT of the same rows
 * through pg, which is the most the table can take: same payloads, same concurrency, each writer
 * on streams of its own, for a fixed time each, starting from an empty table. A peer beside them:
 * Emmett-PostgreSQL's appendToStream with the expected stream version, in a database of its own
 * (its tables live in `public`), created and dropped here.
 */
export async function appendBench(databaseUrl: string, options: AppendOptions): Promise<AppendRun[]> {
  const admin = new Pool({ connectionString: databaseUrl, max: 1 });
  await createEventsSchema(admin, SCHEMA);

  const emmettDatabase = `${new URL(databaseUrl).pathname.slice(1)}_emmett`;
  const emmettUrl = withDatabase(databaseUrl, emmettDatabase);
  await admin.query(`DROP DATABASE IF EXISTS ${emmettDatabase}`);
  await admin.query(`CREATE DATABASE ${emmettDatabase}`);

  const runs: AppendRun[] = [];
  try {
    // Emmett creates its schema on first use; done here, before any clock starts.
    const schemaPool = new Pool({ connectionString: emmettUrl, max: 1 });
    const emmett = getPostgreSQLEventStore(emmettUrl, { connectionOptions: { pool: schemaPool } });
    await emmett.schema.migrate();
    await emmett.close();
    await schemaPool.end().catch(() => undefined);
    emmettParsers = parsers();
    useParsers(OURS);

    for (const eventsPerAppend of options.sizes) {
      for (const concurrency of options.concurrencies) {
        for (const writer of ['raw-insert', 'store', 'emmett'] as const) {
          if (writer === 'emmett') await truncateEmmett(emmettUrl);
          else await admin.query(`TRUNCATE ${SCHEMA}.events`);
          const url = writer === 'emmett' ? emmettUrl : databaseUrl;
          const run = await runWriters(url, writer, concurrency, eventsPerAppend, options.seconds);
          options.log(
            `  ${writer.padEnd(10)} c=${String(concurrency).padStart(2)} ${eventsPerAppend} event(s)/append: ${round(run.eventsPerSecond, 0)} events/s, p50 ${round(run.latencyMs.p50, 2)} ms, p99 ${round(run.latencyMs.p99, 2)} ms`,
          );
          runs.push(run);
        }
      }
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${emmettDatabase} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  return runs;
}

/** A fresh schema holding the store's real DDL (events table, indexes, trigger). */
export async function createEventsSchema(admin: Pool, schema: string): Promise<void> {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const client = await admin.connect();
  try {
    await client.query(`SET search_path TO ${schema}`);
    const runner = { query: (sql: string) => client.query(sql) } as unknown as QueryRunner;
    for (const Migration of eventStoreMigrations) await new Migration().up(runner);
  } finally {
    client.release();
  }
}

/**
 * Emmett's client library (dumbo) swaps pg's process-wide parsers for bigint and JSON when it
 * opens a pool; ours are put back after each of its runs, or the rest of the bench (the store,
 * the rebuild) would read bigints and JSON as Emmett does.
 */
type Parsers = ReadonlyArray<readonly [number, (value: string) => unknown]>;
const parsers = (): Parsers => [20, 114, 3802].map((oid) => [oid, types.getTypeParser(oid, 'text')] as const);
const OURS = parsers();
let emmettParsers: Parsers = OURS;
function useParsers(set: Parsers): void {
  for (const [oid, parser] of set) types.setTypeParser(oid, 'text', parser);
}

async function runWriters(
  databaseUrl: string,
  writer: AppendRun['writer'],
  concurrency: number,
  eventsPerAppend: number,
  seconds: number,
): Promise<AppendRun> {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: concurrency, // Emmett's tables are in its own database's default schema.
    ...(writer === 'emmett' ? {} : { options: `-c search_path=${SCHEMA}` }),
  });
  if (writer === 'emmett') useParsers(emmettParsers);
  const store = new PostgresEventStore(pool);
  // Emmett on the same pool, so its connections too are open before the clock starts.
  const emmett: EmmettStore | undefined =
    writer === 'emmett' ? getPostgreSQLEventStore(databaseUrl, { connectionOptions: { pool } }) : undefined;
  const run = `${writer[0]}${randomUUID().slice(0, 8)}`;
  try {
    // Connections are opened before the clock starts: the figure is about appends, not log-ins.
    const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
    clients.forEach((c) => c.release());

    const latencies: number[] = [];
    let appends = 0;
    const started = process.hrtime.bigint();
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        let version = 0;
        let stream = 0;
        while (Date.now() < deadline) {
          if (version >= APPENDS_PER_STREAM * eventsPerAppend) {
            stream += 1;
            version = 0;
          }
          const streamId = projectStream(`${run}-${w}-${stream}`);
          const events = Array.from({ length: eventsPerAppend }, () => benchEvent());
          const start = process.hrtime.bigint();
          if (writer === 'store') {
            version = (await store.appendToStream(streamId, events, { expectedVersion: version })).version;
          } else if (emmett) {
            const result = await emmett.appendToStream(
              streamId,
              events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata })),
              { expectedStreamVersion: BigInt(version) },
            );
            version = Number(result.nextExpectedStreamVersion);
          } else {
            await rawInsert(pool, streamId, version, events);
            version += events.length;
          }
          latencies.push(msSince(start));
          appends += 1;
        }
      }),
    );
    const elapsed = msSince(started) / 1000;
    return {
      writer,
      concurrency,
      eventsPerAppend,
      seconds: round(elapsed, 2),
      appends,
      events: appends * eventsPerAppend,
      eventsPerSecond: (appends * eventsPerAppend) / elapsed,
      appendsPerSecond: appends / elapsed,
      latencyMs: distribution(latencies),
    };
  } finally {
    await emmett?.close();
    await store.close();
    await pool.end().catch(() => undefined);
    useParsers(OURS);
  }
}

/** Every Emmett run starts from empty tables, as ours does. */
async function truncateEmmett(emmettUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: emmettUrl, max: 1 });
  try {
    await pool.query('TRUNCATE emt_messages, emt_streams');
  } finally {
    await pool.end();
  }
}

/** The same rows as the store writes, in one autocommitted statement: no lock, no checks, no notify. */
async function rawInsert(pool: Pool, streamId: string, version: number, events: NewEvent[]): Promise<void> {
  const values: string[] = [];
  const params: unknown[] = [];
  events.forEach((e, i) => {
    const p = i * 7;
    values.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7})`);
    params.push(
      streamId,
      version + i + 1,
      e.eventId,
      e.type,
      e.schemaVersion,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
    );
  });
  await pool.query(
    `INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata) VALUES ${values.join(', ')}`,
    params,
  );
}

/** A progress report as the API writes it: about 600 bytes of data and metadata. */
function benchEvent(): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ProgressReported',
    schemaVersion: 1,
    data: {
      progressId: randomUUID(),
      milestoneId: randomUUID(),
      note: '厂房主体结构已封顶，主要生产设备采购合同已签订，预计下季度进场安装调试。',
      done: false,
      reporter: { userId: randomUUID(), username: 'industry-bureau', role: 'department', departmentCode: 'industry' },
      occurredAt: new Date().toISOString(),
    },
    metadata: {
      actor: { userId: randomUUID(), username: 'industry-bureau', role: 'department' },
      correlationId: randomUUID(),
    },
  };
}
