/** The kinds of evidence accepted, told by their bytes (magic numbers), never by the file name. */
export const EVIDENCE_MEDIA_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[keyof typeof EVIDENCE_MEDIA_TYPES];

const PDF = Buffer.from('%PDF-');
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END = 0x06054b50;

/** The media type of the bytes, or null when they are none of the accepted kinds. */
export function detectMediaType(bytes: Buffer): EvidenceMediaType | null {
  const starts = (magic: Buffer) => bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
  if (starts(PDF)) return EVIDENCE_MEDIA_TYPES.pdf;
  if (starts(JPEG)) return EVIDENCE_MEDIA_TYPES.jpeg;
  if (starts(PNG)) return EVIDENCE_MEDIA_TYPES.png;
  if (bytes.length >= 30 && bytes.readUInt32LE(0) === ZIP_LOCAL_HEADER) {
    // An Office document is a zip with [Content_Types].xml and its main part under word/ or xl/.
    const names = zipEntryNames(bytes);
    if (!names?.includes('[Content_Types].xml')) return null;
    if (names.some((n) => n.startsWith('word/'))) return EVIDENCE_MEDIA_TYPES.docx;
    if (names.some((n) => n.startsWith('xl/'))) return EVIDENCE_MEDIA_TYPES.xlsx;
  }
  return null;
}

/** The entry names of a zip's central directory, or null when it has none that reads. */
function zipEntryNames(zip: Buffer): string[] | null {
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === ZIP_END) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== ZIP_CENTRAL_HEADER) return null;
    const nameLength = zip.readUInt16LE(offset + 28);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return names;
}
