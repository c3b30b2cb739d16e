import { Response } from 'express';
import { stream, Workbook, Worksheet } from 'exceljs';
import { EventEmitter } from 'node:events';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How a column is written: its header, its width in characters and the kind of value. */
export interface SheetColumn {
  header: string;
  width: number;
  kind?: 'text' | 'integer' | 'wanYuan' | 'date' | 'percent';
}

const NUMBER_FORMATS: Record<NonNullable<SheetColumn['kind']>, string | undefined> = {
  text: '@',
  integer: '0',
  // 万元 from whole yuan: up to four decimals keep the yuan, two are always shown.
  wanYuan: '#,##0.00##',
  date: 'yyyy-mm-dd',
  percent: '0.0%',
};

export type CellValue = string | number | null | undefined;

/**
 * A text that a spreadsheet could take for a formula (= + - @, or a tab or carriage return in
 * front, OWASP's list) is written as a string cell in the text format '@': never a formula, and
 * Excel keeps it text when the cell is edited. Every string is a string cell anyway: this writer
 * never writes `<f>` elements.
 */
export const looksLikeFormula = (text: string): boolean => /^[=+\-@\t\r]/.test(text);

/** Whole yuan as 万元 (the unit of a 台账). */
export const wanYuan = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : yuan / 10_000;

/** A business date `YYYY-MM-DD` as a date cell (Excel dates have no zone: midnight UTC reads back as that date). */
function dateCell(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** A sheet with a title row (what and as of when), a frozen header row, widths and number formats. */
export class LedgerSheet {
  private readonly sheet: Worksheet;

  constructor(
    workbook: Workbook | stream.xlsx.WorkbookWriter,
    name: string,
    title: string,
    private readonly columns: SheetColumn[],
  ) {
    this.sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    this.sheet.columns = columns.map((c) => ({ width: c.width }));
    const titleRow = this.sheet.addRow([title]);
    titleRow.font = { bold: true, size: 14 };
    this.sheet.mergeCells(1, 1, 1, columns.length);
    titleRow.commit();
    const header = this.sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    });
    header.commit();
  }

  /** One data row; dates are `YYYY-MM-DD` strings, amounts already in 万元. */
  add(values: CellValue[]): void {
    const row = this.sheet.addRow(
      values.map((value, i) =>
        this.columns[i].kind === 'date' && typeof value === 'string' && value !== ''
          ? dateCell(value)
          : (value ?? null),
      ),
    );
    this.columns.forEach((column, i) => {
      const value = values[i];
      const format = NUMBER_FORMATS[column.kind ?? 'text'];
      const cell = row.getCell(i + 1);
      if (typeof value === 'string' && (column.kind ?? 'text') !== 'date') {
        if (looksLikeFormula(value) || column.kind === 'text' || column.kind === undefined) cell.numFmt = '@';
      } else if (format && value !== null && value !== undefined) {
        cell.numFmt = format;
      }
    });
    row.commit();
  }

  /**
   * Resolves once the zip has taken the XML of the rows added so far and `res` has sent it on.
   * exceljs writes a streamed sheet into archiver's entry stream without heeding write()'s answer,
   * so a writer faster than deflate would queue the whole uncompressed sheet there (about 0.7 MB
   * per 1,000 ledger rows). Rejects if the client goes away meanwhile.
   */
  async drained(res: Response): Promise<void> {
    // Archiver's entry is a readable-stream 2 PassThrough: no writableNeedDrain, hence its state.
    const entry = (
      this.sheet as { stream?: { pipes?: (EventEmitter & { _writableState?: { needDrain?: boolean } })[] } }
    ).stream?.pipes?.[0];
    if (entry?._writableState?.needDrain) await drainOf(entry, res);
    if (res.writableNeedDrain) await drainOf(res, res);
  }

  commit(): void {
    this.sheet.commit();
  }
}

function drainOf(stream: EventEmitter, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const drained = () => {
      res.off('close', closed);
      resolve();
    };
    const closed = () => {
      stream.off('drain', drained);
      reject(new Error('the client closed the download'));
    };
    stream.once('drain', drained);
    res.once('close', closed);
  });
}

/** Starts an .xlsx download on `res` and gives the streaming workbook that writes it. */
export function xlsxDownload(res: Response, fileName: string): stream.xlsx.WorkbookWriter {
  res.status(200);
  res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
  // RFC 6266: an ASCII fallback and the UTF-8 name (Chinese file names).
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  return new stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
}
