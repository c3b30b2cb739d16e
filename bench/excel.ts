/**
 * The Excel figures (`npm run bench:excel`): the project 台账 export at BENCH_EXCEL_PROJECTS
 * projects (default 100,000) — time to the last byte and the API's peak memory — and the import
 * of a ledger of BENCH_IMPORT_ROWS rows (default 5,000): dry run and commit. Writes
 * BENCH_RESULTS (default bench/results-excel.json) with the machine's load average.
 */
import './module-paths';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { Pool } from 'pg';
import { LEDGER_COLUMNS } from '../apps/api/src/imports/ledger-columns';
import { startApiProcess } from './api-process';
import { withBulkLoadIndexes } from './bulk-load';
import { createBenchDatabase, openServer } from './database';
import { generateEvents } from './generate';
import { rebuildBench } from './rebuild';
import { round } from './stats';

const knobs = {
  projects: Number(process.env.BENCH_EXCEL_PROJECTS ?? 100_000),
  importRows: Number(process.env.BENCH_IMPORT_ROWS ?? 5_000),
  results: process.env.BENCH_RESULTS ?? 'bench/results-excel.json',
};
const log = (message: string) => console.log(message);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
const seconds = (start: bigint) => round(Number(process.hrtime.bigint() - start) / 1e9, 2);
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCode = (first17: string) =>
  first17 + CHARSET[(31 - ([...first17].reduce((t, c, i) => t + CHARSET.indexOf(c) * (3 ** i % 31), 0) % 31)) % 31];

async function main(): Promise<void> {
  log(`Excel bench: ${os.cpus().length} cores, load average ${loadAverage().join(' ')}`);
  const server = await openServer();
  const db = await createBenchDatabase(server);
  const pool = new Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined);
  let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
  const results: Record<string, unknown> = {
    started: new Date().toISOString(),
    cores: os.cpus().length,
    loadAverageAtStart: loadAverage(),
    knobs,
  };
  try {
    log(
      `Generating ${knobs.projects.toLocaleString('en')} projects with the deciders, then rebuilding the read models`,
    );
    const generated = await withBulkLoadIndexes(pool, () =>
      generateEvents(db.url, { events: 0, projects: knobs.projects, log }),
    );
    await pool.query('VACUUM ANALYZE events');
    const rebuild = await rebuildBench(db.url, log);
    await pool.query('ANALYZE');
    results.generated = { projects: generated.projects, events: generated.events, rebuildSeconds: rebuild.seconds };
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM project_list');
    log(`  ${rows[0].n.toLocaleString('en')} projects in project_list`);

    const adminPassword = `bench-${randomBytes(9).toString('base64url')}`;
    api = await startApiProcess(db.url, { adminPassword });
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: adminPassword }),
    });
    const auth = { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };

    log(`\nExport: GET /api/projects/export.xlsx (${rows[0].n.toLocaleString('en')} rows)`);
    // The API's resident memory at rest first, to tell what the export adds.
    api.memory.start();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    results.idleApiMemory = api.memory.stop();
    api.memory.start();
    const exportStart = process.hrtime.bigint();
    const response = await fetch(`${api.baseUrl}/api/projects/export.xlsx`, { headers: auth });
    let bytes = 0;
    let firstByte: number | undefined;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      firstByte ??= seconds(exportStart);
      bytes += chunk.length;
    }
    const exportSeconds = seconds(exportStart);
    const exportMemory = api.memory.stop();
    results.export = {
      status: response.status,
      rows: rows[0].n,
      seconds: exportSeconds,
      firstByteSeconds: firstByte,
      megabytes: round(bytes / 1024 / 1024, 1),
      apiMemory: exportMemory,
      loadAverage: loadAverage(),
    };
    log(
      `  ${response.status}: ${round(bytes / 1024 / 1024, 1)} MB in ${exportSeconds} s (first byte ${firstByte} s); API peak RSS ${exportMemory.peakRssMb} MB (high-water mark ${exportMemory.highWaterMarkMb} MB; at rest ${(results.idleApiMemory as { peakRssMb: number }).peakRssMb} MB), load ${loadAverage().join(' ')}`,
    );

    if (knobs.importRows > 0) log(`\nImport: a ledger of ${knobs.importRows.toLocaleString('en')} rows`);
    const departments = generated.departments;
    const file = knobs.importRows > 0 ? await ledgerOf(knobs.importRows, departments) : Buffer.alloc(0);
    for (const dryRun of knobs.importRows > 0 ? [true, false] : []) {
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
      if (status !== 200 || body.invalid !== 0)
        throw new Error(`import failed: ${JSON.stringify(body).slice(0, 2000)}`);
    }
  } catch (error) {
    if (api) log(`API log:\n${api.logTail()}`);
    throw error;
  } finally {
    await api?.stop();
    await pool.end();
    await db.drop();
    await server.stop();
  }
  results.loadAverageAtEnd = loadAverage();
  writeFileSync(knobs.results, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nwritten to ${knobs.results}`);
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
