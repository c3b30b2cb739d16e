import { crc32, deflateRawSync } from 'node:zlib';
import { Workbook, Worksheet } from 'exceljs';
import { TestUser } from '../support/auth-helpers';
import { RunningApi } from '../support/start-api';

/** Helpers of the Excel export and import specs. */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A 统一社会信用代码 with its GB 32100-2015 check character, from 17 characters of the code set. */
export function creditCode(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + CHARSET.indexOf(char) * (3 ** i % 31), 0);
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

/** GETs an .xlsx and parses it with exceljs. */
export async function downloadWorkbook(api: RunningApi, path: string, user: TestUser): Promise<{ status: number; contentType: string | null; workbook: Workbook; body: Buffer }> {
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
export async function upload(api: RunningApi, user: TestUser, file: Buffer, options: { dryRun?: boolean; fileName?: string; field?: string } = {}): Promise<{ status: number; body: any; contentType: string | null }> {
  const form = new FormData();
  form.append(options.field ?? 'file', new Blob([file]), options.fileName ?? 'ledger.xlsx');
  const send = () => fetch(`${api.baseUrl}/api/imports/projects${options.dryRun ? '?dryRun=true' : ''}`, { method: 'POST', headers: { Authorization: user.headers.Authorization }, body: form });
  // A kept-alive connection the server closes (after 5 s idle) just as it is reused: send again.
  const response = await send().catch((error) => (error?.cause?.code === 'ECONNRESET' ? send() : Promise.reject(error)));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, contentType: response.headers.get('content-type') };
}
