/**
 * The Excel figures (`npm run bench:excel`). For each of BENCH_EXCEL_SIZES projects (default
 * 1000,20000,100000; BENCH_EXCEL_PROJECTS=n runs one size), on a fresh bench database: the project
 * 台账 export — time to the last byte and the API's peak heapUsed (sampled inside the API by
 * heap-probe.ts), external memory and RSS. On the largest size the export runs again with the API
 * started with --max-old-space-size=BENCH_EXCEL_TIGHT_HEAP_MB (default 96; 0 skips it): it only
 * completes if the export's live heap does not grow with the row count. Then the import of a
 * ledger of BENCH_IMPORT_ROWS rows (default 5,000; 0 skips it): dry run and commit. Writes
 * BENCH_RESULTS (default bench/results-excel.json) with the machine's load average.
 */
import './module-paths';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { LEDGER_COLUMNS } from '../apps/api/src/imports/ledger-columns';
import { ApiProcess, startApiProcess } from './api-process';
import { withBulkLoadIndexes } from './bulk-load';
import { BenchServer, createBenchDatabase, openServer } from './database';
import { generateEvents } from './generate';
import { heapPeaks, HeapPeaks } from './heap-probe';
import { rebuildBench } from './rebuild';
import { round } from './stats';

const knobs = {
  sizes: (process.env.BENCH_EXCEL_SIZES ?? process.env.BENCH_EXCEL_PROJECTS ?? '1000,20000,100000')
    .split(',')
    .map(Number)
    .sort((a, b) => a - b),
  tightHeapMb: Number(process.env.BENCH_EXCEL_TIGHT_HEAP_MB ?? 96),
  importRows: Number(process.env.BENCH_IMPORT_ROWS ?? 5_000),
  results: process.env.BENCH_RESULTS ?? 'bench/results-excel.json',
};
const log = (message: string) => console.log(message);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
const seconds = (start: bigint) => round(Number(process.hrtime.bigint() - start) / 1e9, 2);
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCode = (first17: string) =>
  first17 + CHARSET[(31 - ([...first17].reduce((t, c, i) => t + CHARSET.indexOf(c) * (3 ** i % 31), 0) % 31)) % 31];

interface ExportFigures {
  projects: number;
  maxOldSpaceMb: number | null;
  status: number;
  seconds: number;
  firstByteSeconds?: number;
  megabytes: number;
  /** heap-probe.ts's peaks inside the API during the export, and at rest just before it. */
  heap: HeapPeaks;
  heapAtRest: HeapPeaks;
  apiRss: ReturnType<ApiProcess['memory']['stop']>;
  loadAverage: number[];
}

async function main(): Promise<void> {
  log(`Excel bench: ${os.cpus().length} cores, load average ${loadAverage().join(' ')}`);
  const server = await openServer();
  const results: Record<string, unknown> = {
    started: new Date().toISOString(),
    cores: os.cpus().length,
    loadAverageAtStart: loadAverage(),
    knobs,
  };
  const exports: ExportFigures[] = [];
  results.exports = exports;
  try {
    for (const projects of knobs.sizes) {
      const largest = projects === knobs.sizes[knobs.sizes.length - 1];
      await onDatabase(server, projects, results, async (databaseUrl, departments) => {
        const adminPassword = `bench-${randomBytes(9).toString('base64url')}`;
        // The tight heap first: the import after the default run adds projects.
        const heapSizes = [...(largest && knobs.tightHeapMb > 0 ? [knobs.tightHeapMb] : []), null];
        for (const maxOldSpaceMb of heapSizes) {
          const api = await startProbedApi(databaseUrl, adminPassword, maxOldSpaceMb);
          try {
            const auth = await login(api, adminPassword);
            exports.push(await measureExport(api, auth, projects, maxOldSpaceMb));
            if (largest && maxOldSpaceMb === null && knobs.importRows > 0)
              await measureImport(api, auth, departments, results);
          } catch (error) {
            log(`API log:\n${api.logTail()}`);
            throw error;
          } finally {
            await api.stop();
          }
        }
      });
    }
  } finally {
    await server.stop();
  }
  results.loadAverageAtEnd = loadAverage();
  writeFileSync(knobs.results, `${JSON.stringify(results, null, 2)}\n`);
  log(
    '\nprojects  max-old-space  status  seconds  MB     peak heapUsed (at rest)  after full GC (GCs)  peak external  peak RSS  load',
  );
  for (const e of exports)
    log(
      [
        String(e.projects).padEnd(8),
        (e.maxOldSpaceMb === null ? 'default' : `${e.maxOldSpaceMb} MB`).padEnd(13),
        String(e.status).padEnd(6),
        String(e.seconds).padEnd(7),
        String(e.megabytes).padEnd(5),
        `${e.heap.peakHeapUsedMb} MB (${e.heapAtRest.peakHeapUsedMb})`.padEnd(23),
        `${e.heap.peakHeapAfterFullGcMb ?? '-'} MB (${e.heap.fullGcs})`.padEnd(19),
        `${e.heap.peakExternalMb} MB`.padEnd(13),
        `${e.apiRss.peakRssMb} MB`.padEnd(8),
        e.loadAverage.join(' '),
      ].join('  '),
    );
  log(`\nwritten to ${knobs.results}`);
}

/** A fresh bench database with `projects` generated projects and rebuilt read models, dropped after `use`. */
async function onDatabase(
  server: BenchServer,
  projects: number,
  results: Record<string, unknown>,
  use: (databaseUrl: string, departments: string[]) => Promise<void>,
): Promise<void> {
  const db = await createBenchDatabase(server);
  const pool = new Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined);
  try {
    log(`\nGenerating ${projects.toLocaleString('en')} projects with the deciders, then rebuilding the read models`);
    const generated = await withBulkLoadIndexes(pool, () => generateEvents(db.url, { events: 0, projects, log }));
    await pool.query('VACUUM ANALYZE events');
    const rebuild = await rebuildBench(db.url, log);
    await pool.query('ANALYZE');
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM project_list');
    if (rows[0].n !== projects) log(`  note: ${rows[0].n} projects in project_list`);
    ((results.generated ??= []) as unknown[]).push({
      projects: rows[0].n,
      events: generated.events,
      rebuildSeconds: rebuild.seconds,
    });
    await use(db.url, generated.departments);
  } finally {
    await pool.end();
    await db.drop();
  }
}

function startProbedApi(databaseUrl: string, adminPassword: string, maxOldSpaceMb: number | null): Promise<ApiProcess> {
  return startApiProcess(databaseUrl, {
    adminPassword,
    nodeOptions: [
      '--require',
      path.join(__dirname, 'heap-probe.js'),
      ...(maxOldSpaceMb === null ? [] : [`--max-old-space-size=${maxOldSpaceMb}`]),
    ],
    env: { LUODI_HEAP_PROBE: '1' },
  });
}

async function login(api: ApiProcess, adminPassword: string): Promise<{ Authorization: string }> {
  const response = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: adminPassword }),
  });
  return { Authorization: `Bearer ${((await response.json()) as { accessToken: string }).accessToken}` };
}

async function measureExport(
  api: ApiProcess,
  auth: { Authorization: string },
  projects: number,
  maxOldSpaceMb: number | null,
): Promise<ExportFigures> {
  log(
    `\nExport: GET /api/projects/export.xlsx (${projects.toLocaleString('en')} rows), max-old-space-size ${maxOldSpaceMb ?? 'default'}`,
  );
  // The API at rest first (after its start and the login), to tell what the export adds.
  const startup = await heapPeaks(api.pid, 0);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const heapAtRest = await heapPeaks(api.pid, startup.seq);
  api.memory.start();
  const exportStart = process.hrtime.bigint();
  const response = await fetch(`${api.baseUrl}/api/projects/export.xlsx`, { headers: auth });
  let bytes = 0;
  let firstByte: number | undefined;
  let tail = Buffer.alloc(0);
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    firstByte ??= seconds(exportStart);
    bytes += chunk.length;
    tail = Buffer.concat([tail, chunk]).subarray(-22);
  }
  const exportSeconds = seconds(exportStart);
  const apiRss = api.memory.stop();
  const heap = await heapPeaks(api.pid, heapAtRest.seq);
  // A whole zip ends with its end-of-central-directory record (no archive comment here).
  if (response.status !== 200 || tail.readUInt32LE(0) !== 0x06054b50)
    throw new Error(`the export did not complete: ${response.status}, ${bytes} bytes`);
  const figures: ExportFigures = {
    projects,
    maxOldSpaceMb,
    status: response.status,
    seconds: exportSeconds,
    firstByteSeconds: firstByte,
    megabytes: round(bytes / 1024 / 1024, 1),
    heap,
    heapAtRest,
    apiRss,
    loadAverage: loadAverage(),
  };
  log(
    `  ${response.status}: ${figures.megabytes} MB in ${exportSeconds} s (first byte ${firstByte} s); API peak heapUsed ${heap.peakHeapUsedMb} MB (at rest ${heapAtRest.peakHeapUsedMb} MB; after a full GC ${heap.peakHeapAfterFullGcMb ?? '-'} MB, ${heap.fullGcs} full GCs), external ${heap.peakExternalMb} MB, RSS ${apiRss.peakRssMb} MB; load ${figures.loadAverage.join(' ')}`,
  );
  return figures;
}

async function measureImport(
  api: ApiProcess,
  auth: { Authorization: string },
  departments: string[],
  results: Record<string, unknown>,
): Promise<void> {
  log(`\nImport: a ledger of ${knobs.importRows.toLocaleString('en')} rows`);
  const file = await ledgerOf(knobs.importRows, departments);
  for (const dryRun of [true, false]) {
    api.memory.start();
    const start = process.hrtime.bigint();
    const { status, body } = await postFile(
      `${api.baseUrl}/api/imports/projects${dryRun ? '?dryRun=true' : ''}`,
      auth.Authorization,
      file,
    );
    const took = seconds(start);
    const memory = api.memory.stop();
    const figure = {
      status,
      rows: body.rows,
      invalid: body.invalid,
      imported: body.imported,
      seconds: took,
      rowsPerSecond: round(knobs.importRows / took, 0),
      apiMemory: memory,
      loadAverage: loadAverage(),
      fileKilobytes: round(file.length / 1024, 0),
    };
    results[dryRun ? 'importDryRun' : 'importCommit'] = figure;
    log(
      `  ${dryRun ? 'dry run' : 'commit '}: ${status} in ${took} s (${figure.rowsPerSecond} rows/s), ${JSON.stringify(body.imported ?? { invalid: body.invalid })}; API peak RSS ${memory.peakRssMb} MB, load ${loadAverage().join(' ')}`,
    );
    if (status !== 200 || body.invalid !== 0) throw new Error(`import failed: ${JSON.stringify(body).slice(0, 2000)}`);
  }
}

/** POSTs a file as multipart field `file` with node:http: no client timeout (fetch gives up on answers after 300 s). */
function postFile(
  url: string,
  authorization: string,
  file: Buffer,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const boundary = `bench${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-ledger.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: {
          Authorization: authorization,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': body.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A ledger like a city's: a project per row, its enterprise (two projects each), conference and plan; 40 % landed, 5 % withdrawn. */
async function ledgerOf(rows: number, departments: string[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('项目台账');
  sheet.addRow(['项目台账']);
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
  for (let i = 0; i < rows; i++) {
    const enterprise = Math.floor(i / 2);
    const month = String((i % 9) + 1).padStart(2, '0');
    const row: Record<string, string | number> = {
      项目编号: `BENCH-${i}`,
      项目名称: `台账项目${i}`,
      申报企业: `台账企业${enterprise}有限公司`,
      统一社会信用代码: creditCode(`91370200${String(enterprise).padStart(8, '0')}X`),
      产业链: ['海洋经济', '智能制造', '数字经济', '新能源'][i % 4],
      '区(市)': ['市南区', '黄岛区', '崂山区', '城阳区'][i % 4],
      '计划投资(万元)': 500 + (i % 97) * 10,
      申报日期: `2024-${month}-01`,
      入库日期: `2024-${month}-10`,
      '创意好(分)': 85,
      '论证实(分)': 80,
      '可落地(分)': 80,
      发布创意会: `台账创意会${month}`,
      创意会日期: `2024-${month}-20`,
      牵头部门: departments[i % departments.length],
      配合部门: departments[(i + 1) % departments.length],
      交办日期: `2024-${month}-25`,
      计划落地日期: '2025-12-31',
    };
    if (i % 10 < 4) Object.assign(row, { 落地日期: `2025-${month}-15`, '实际投资(万元)': 600 });
    else if (i % 20 === 5) Object.assign(row, { 退出日期: `2025-${month}-01`, 退出原因: '企业调整' });
    sheet.addRow(LEDGER_COLUMNS.map((c) => row[c.header] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
