import { ProblemCode } from '@luodi/contract';
import { ApiError } from '../common/problem';
import { inflateRawSync } from 'node:zlib';

/** The limits of an import (docs/api.md): what a city's ledger needs, with room to spare. */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file. */
  fileBytes: 5 * 1024 * 1024,
  /** Bytes of all its parts unpacked: an .xlsx compresses about 10:1, a zip bomb a million to one. */
  unpackedBytes: 60 * 1024 * 1024,
  /** Parts in the zip (a workbook has a dozen or so). */
  entries: 1_000,
  /** Project rows per file. */
  rows: 10_000,
} as const;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const OLE_COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

const notXlsx = (message: string) => new ApiError('IMPORT_NOT_XLSX', message);

/**
 * Checks an upload is an .xlsx workbook before any spreadsheet code reads it: a zip (not a
 * renamed CSV or an .xls), whose parts unpack within the limits — each part is inflated here
 * with a cap on its output, so a zip bomb stops at the cap whatever its headers claim — and
 * whose content types declare a plain workbook, not a macro-enabled one.
 */
export function inspectXlsx(file: Buffer): void {
  if (file.length > IMPORT_LIMITS.fileBytes)
    throw tooLarge(`The file is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB.`, 'PAYLOAD_TOO_LARGE');
  if (file.subarray(0, 8).equals(OLE_COMPOUND_FILE))
    throw notXlsx('This is an .xls (Excel 97–2003) or another OLE file: save it as an Excel workbook (.xlsx).');
  if (file.length < 22 || file.readUInt32LE(0) !== LOCAL_HEADER)
    throw notXlsx('The file is not an Excel workbook (.xlsx).');
  const end = findEndOfCentralDirectory(file);
  const count = file.readUInt16LE(end + 10);
  let offset = file.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw notXlsx('ZIP64 archives are not accepted; save the workbook again in Excel.');
  if (count > IMPORT_LIMITS.entries)
    throw tooLarge(`The workbook has ${count} parts; at most ${IMPORT_LIMITS.entries}.`, 'IMPORT_UNPACKED_TOO_LARGE');

  let budget = IMPORT_LIMITS.unpackedBytes;
  let contentTypes: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > file.length || file.readUInt32LE(offset) !== CENTRAL_HEADER)
      throw notXlsx('The file is a damaged zip archive.');
    const method = file.readUInt16LE(offset + 10);
    const compressed = file.readUInt32LE(offset + 20);
    const nameLength = file.readUInt16LE(offset + 28);
    const skip = nameLength + file.readUInt16LE(offset + 30) + file.readUInt16LE(offset + 32);
    const local = file.readUInt32LE(offset + 42);
    const name = file.toString('utf8', offset + 46, offset + 46 + nameLength);
    names.push(name);
    offset += 46 + skip;

    if (local + 30 > file.length || file.readUInt32LE(local) !== LOCAL_HEADER)
      throw notXlsx('The file is a damaged zip archive.');
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(start, start + compressed);
    let size: number;
    let content: Buffer | undefined;
    if (method === 0) {
      size = data.length;
      content = data;
    } else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) });
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw tooLarge(
            `The workbook unpacks to more than ${IMPORT_LIMITS.unpackedBytes / 1024 / 1024} MB.`,
            'IMPORT_UNPACKED_TOO_LARGE',
          );
        }
        throw notXlsx('The file is a damaged zip archive.');
      }
      size = content.length;
    } else {
      throw notXlsx(`A part of the file is compressed with method ${method}, which .xlsx files do not use.`);
    }
    budget -= size;
    if (budget < 0)
      throw tooLarge(
        `The workbook unpacks to more than ${IMPORT_LIMITS.unpackedBytes / 1024 / 1024} MB.`,
        'IMPORT_UNPACKED_TOO_LARGE',
      );
    if (name === '[Content_Types].xml') contentTypes = content.toString('utf8');
  }
  if (contentTypes === undefined)
    throw notXlsx('The zip archive is no Office document (it has no [Content_Types].xml).');
  if (contentTypes.includes(MACRO_MAIN) || names.some((n) => /vbaProject\.bin$/i.test(n))) {
    throw new ApiError(
      'IMPORT_MACRO_ENABLED',
      'Macro-enabled workbooks (.xlsm) are not accepted: save it as an Excel workbook (.xlsx), without macros.',
    );
  }
  if (!contentTypes.includes(XLSX_MAIN)) throw notXlsx('The Office document is no Excel workbook (.xlsx).');
}

function findEndOfCentralDirectory(file: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 0xffff); at--) {
    if (file.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw notXlsx('The file is not an Excel workbook (.xlsx): no zip directory.');
}

function tooLarge(message: string, code: ProblemCode): ApiError {
  return new ApiError(code, message);
}

export const missingFile = () =>
  new ApiError('IMPORT_FILE_MISSING', 'Send the workbook as the multipart/form-data field "file".');
