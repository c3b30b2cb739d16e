import { deflateRawSync } from 'node:zlib';
import { detectMediaType, EVIDENCE_MEDIA_TYPES } from './media-type';

/** A stored (uncompressed) zip of `names`, enough for the central directory to be read. */
function zipOf(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const data = deflateRawSync(Buffer.from('x'));
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('detectMediaType: evidence told by its bytes', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.4\n...'), EVIDENCE_MEDIA_TYPES.pdf],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0]), EVIDENCE_MEDIA_TYPES.jpeg],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), EVIDENCE_MEDIA_TYPES.png],
    ['a Word document', zipOf(['[Content_Types].xml', 'word/document.xml']), EVIDENCE_MEDIA_TYPES.docx],
    ['an Excel workbook', zipOf(['[Content_Types].xml', 'xl/workbook.xml']), EVIDENCE_MEDIA_TYPES.xlsx],
  ])('%s', (_, bytes, mediaType) => {
    expect(detectMediaType(bytes)).toBe(mediaType);
  });

  it.each([
    ['an executable', Buffer.from('MZ\x90\x00\x03\x00')],
    ['text that mentions %PDF- later', Buffer.from('hello %PDF-1.4')],
    ['a zip without [Content_Types].xml', zipOf(['word/document.xml'])],
    ['an Office zip that is neither Word nor Excel', zipOf(['[Content_Types].xml', 'ppt/presentation.xml'])],
    [
      'a zip with a damaged directory',
      Buffer.concat([zipOf(['[Content_Types].xml', 'word/a.xml']).subarray(0, 40), Buffer.alloc(30)]),
    ],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_, bytes) => {
    expect(detectMediaType(bytes)).toBeNull();
  });
});
