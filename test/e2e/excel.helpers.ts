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
