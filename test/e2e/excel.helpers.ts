import { crc32, deflateRawSync } from 'node:zlib';
import { Workbook, Worksheet } from 'exceljs';
import { LEDGER_COLUMNS } from '../../apps/api/src/imports/ledger-columns';
import { TestUser } from '../support/auth-helpers';
import { RunningApi } from '../support/start-api';
import type { Reply } from './projects.helpers';

/** A JSON body, read field by field as the other e2e specs do (see Reply). */
export type Json = Reply['body'];

/** Helpers of the Excel export and import specs. */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A 统一社会信用代码 with its GB 32100-2015 check character, from 17 characters of the code set. */
export function creditCode(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + CHARSET.indexOf(char) * (3 ** i % 31), 0);
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

/** GETs an .xlsx and parses it with exceljs. */
export async function downloadWorkbook(
  api: RunningApi,
  path: string,
  user: TestUser,
): Promise<{ status: number; contentType: string | null; workbook: Workbook; body: Buffer }> {
  const response = await fetch(`${api.baseUrl}${path}`, { headers: user.headers });
  const body = Buffer.from(await response.arrayBuffer());
  const workbook = new Workbook();
  if (response.ok) await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return { status: response.status, contentType: response.headers.get('content-type'), workbook, body };
}

/** The data rows of a ledger sheet (below its title and header rows), as plain values. */
export function dataRows(sheet: Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n <= 2) return;
    const values: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(plain(row.getCell(c).value));
    rows.push(values);
  });
  return rows;
}

/** Dates as `YYYY-MM-DD` (the exports write calendar dates at midnight UTC), empty cells as ''. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/** A workbook as an upload: the bytes of the .xlsx. */
export async function xlsxBytes(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip archive of `entries`, deflated: for files that are zips but no plain workbook (a macro-enabled one, a zip bomb). */
export function zipOf(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const compressed = deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, compressed);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** POSTs a file to the import as multipart/form-data field `file`. */
export async function upload(
  api: RunningApi,
  user: TestUser,
  file: Buffer,
  options: { dryRun?: boolean; fileName?: string; field?: string } = {},
): Promise<{ status: number; body: Json; contentType: string | null }> {
  const form = new FormData();
  form.append(options.field ?? 'file', new Blob([file]), options.fileName ?? 'ledger.xlsx');
  const send = () =>
    fetch(`${api.baseUrl}/api/imports/projects${options.dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      headers: { Authorization: user.headers.Authorization },
      body: form,
    });
  // A kept-alive connection the server closes (after 5 s idle) just as it is reused: send again.
  const response = await send().catch((error) =>
    error?.cause?.code === 'ECONNRESET' ? send() : Promise.reject(error),
  );
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    contentType: response.headers.get('content-type'),
  };
}

export type Row = Record<string, string | number | { formula: string } | null>;

/** A ledger as the template has it: a title row, the header row, then the rows. */
export async function ledger(rows: Row[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('项目台账');
  sheet.addRow(['项目台账']);
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(LEDGER_COLUMNS.map((c) => row[c.header] ?? null));
  return xlsxBytes(workbook);
}

export const DEPARTMENTS = [
  { code: 'hyj', name: '市海洋发展局' },
  { code: 'gxj', name: '市工业和信息化局' },
  { code: 'zrzyj', name: '市自然资源和规划局' },
  { code: 'fgw', name: '市发展和改革委员会' },
];
export const CONFERENCES = [
  { title: '第一届民营经济创意会', heldOn: '2024-04-10' },
  { title: '第二届民营经济创意会', heldOn: '2024-07-10' },
];
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 29 library projects of 20 enterprises (some with two projects, one known only by name), at two
 * conferences: 24 with a landing plan, 12 of them landed, 2 withdrawn.
 */
export function qingdaoRows(): Row[] {
  return Array.from({ length: 29 }, (_, i) => {
    const enterprise = i % 20;
    const conference = CONFERENCES[i < 15 ? 0 : 1];
    const lead = DEPARTMENTS[i % 4];
    const row: Row = {
      项目编号: `QD-2024-${String(i + 1).padStart(3, '0')}`,
      项目名称: `创意项目${i + 1}`,
      申报企业: `青岛创意企业${enterprise + 1}有限公司`,
      统一社会信用代码:
        enterprise === 19 ? null : creditCode(`913702000000${String(enterprise + 10).padStart(4, '0')}X`),
      产业链: ['海洋经济', '智能制造', '数字经济'][i % 3],
      '区(市)': ['市南区', '黄岛区', '崂山区'][i % 3],
      '计划投资(万元)': 1000 * (i + 1) + 0.5,
      申报日期: addDays('2024-03-01', i % 10),
      入库日期: '2024-03-20',
      '创意好(分)': 90,
      '论证实(分)': 85,
      '可落地(分)': 80,
      发布创意会: conference.title,
      创意会日期: conference.heldOn,
    };
    if (i < 24)
      Object.assign(row, {
        牵头部门: i % 2 ? lead.code : lead.name,
        配合部门: DEPARTMENTS[(i + 1) % 4].name,
        交办日期: addDays(conference.heldOn, 5),
        计划落地日期: '2025-06-30',
      });
    if (i < 12) Object.assign(row, { 落地日期: addDays('2024-10-01', i), '实际投资(万元)': 1000 * (i + 1) + 100 });
    if (i === 27 || i === 28) Object.assign(row, { 退出日期: '2024-09-01', 退出原因: '企业调整投资方向' });
    return row;
  });
}
