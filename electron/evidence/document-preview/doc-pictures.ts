/**
 * The pictures of a Word binary document (.doc, and a .doc saved as .wps), which no maintained
 * JavaScript library extracts (word-extractor gives the text only).
 *
 * Word 97–2003 keeps each picture as an Office Art BLIP record ([MS-ODRAW] 2.2.23–2.2.31):
 * inline pictures in the `Data` stream, floating ones in the `WordDocument` stream (the
 * delay stream the table stream's BStore points into). A BLIP record is an 8-byte header
 * (version 0, an instance naming the picture kind, recType 0xF01A–0xF02A, length) then one or
 * two 16-byte ids, a tag byte for bitmaps, and the picture file itself. Rather than follow
 * every pointer of the FIB, the streams are scanned for such headers, and a record counts only
 * when its length fits the stream and its payload begins with its kind's own signature, so a
 * byte pattern in text is never taken for a picture. The same picture met twice (one id) is
 * listed once.
 *
 * Bounded: one pass over each stream, at most MAX_IMAGES records kept.
 */
import { readCompoundFile } from '../../package-reader/inspect/ole-compound-file.ts';
import { MAX_IMAGES } from './document-images.ts';

export interface DocPicture {
  /** The picture file's bytes (a DIB is given its BMP file header), or null for a kind not drawn. */
  readonly bytes: Uint8Array | null;
  /** The kind, as in the label of one not drawn ("EMF"). */
  readonly format: 'PNG' | 'JPEG' | 'BMP' | 'TIFF' | 'EMF' | 'WMF' | 'PICT';
}

/** recType → the instances with one id, with two ids, the bytes before the picture after the ids, and the kind. */
const blipKinds: ReadonlyMap<number, { one: number[]; two: number[]; extra: number; format: DocPicture['format'] }> = new Map([
  [0xf01a, { one: [0x3d4], two: [0x3d5], extra: 34, format: 'EMF' }],
  [0xf01b, { one: [0x216], two: [0x217], extra: 34, format: 'WMF' }],
  [0xf01c, { one: [0x542], two: [0x543], extra: 34, format: 'PICT' }],
  [0xf01d, { one: [0x46a, 0x6e2], two: [0x46b, 0x6e3], extra: 1, format: 'JPEG' }],
  [0xf02a, { one: [0x46a, 0x6e2], two: [0x46b, 0x6e3], extra: 1, format: 'JPEG' }],
  [0xf01e, { one: [0x6e0], two: [0x6e1], extra: 1, format: 'PNG' }],
  [0xf01f, { one: [0x7a8], two: [0x7a9], extra: 1, format: 'BMP' }],
  [0xf029, { one: [0x6e4], two: [0x6e5], extra: 1, format: 'TIFF' }],
]);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function docPictures(bytes: Uint8Array): DocPicture[] {
  const file = readCompoundFile(bytes);
  if (file === null) return [];
  const pictures: DocPicture[] = [];
  const seen = new Set<string>();
  for (const name of ['Data', 'WordDocument']) {
    const stream = file.streams.find((s) => s.name === name);
    const data = stream === undefined ? null : file.read(stream);
    if (data === null) continue;
    scan(data, pictures, seen);
  }
  return pictures;
}

function scan(data: Uint8Array, into: DocPicture[], seen: Set<string>): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 0; at + 8 <= data.length && into.length < MAX_IMAGES; at += 1) {
    // Every recType of a BLIP is 0xF0xx: test the cheap byte first.
    if (data[at + 3] !== 0xf0) continue;
    const kind = blipKinds.get(view.getUint16(at + 2, true));
    if (kind === undefined) continue;
    const verInstance = view.getUint16(at, true);
    if ((verInstance & 0xf) !== 0) continue;
    const instance = verInstance >> 4;
    const ids = kind.one.includes(instance) ? 1 : kind.two.includes(instance) ? 2 : 0;
    if (ids === 0) continue;
    const length = view.getUint32(at + 4, true);
    const start = at + 8;
    const payloadAt = start + 16 * ids + kind.extra;
    if (length > data.length - start || payloadAt >= start + length) continue;
    const payload = data.subarray(payloadAt, start + length);
    const picture = checked(kind.format, payload);
    if (picture === null) continue;
    const id = Buffer.from(data.subarray(start, start + 16)).toString('hex');
    if (!seen.has(id)) {
      seen.add(id);
      into.push(picture);
    }
    at = start + length - 1;
  }
}

/** The picture if the payload begins as its kind's file does, else null (not a BLIP after all). */
function checked(format: DocPicture['format'], payload: Uint8Array): DocPicture | null {
  switch (format) {
    case 'PNG':
      return PNG.every((b, i) => payload[i] === b) ? { format, bytes: payload } : null;
    case 'JPEG':
      return payload[0] === 0xff && payload[1] === 0xd8 && payload[2] === 0xff ? { format, bytes: payload } : null;
    case 'TIFF':
      return (payload[0] === 0x49 && payload[1] === 0x49) || (payload[0] === 0x4d && payload[1] === 0x4d) ? { format, bytes: null } : null;
    case 'BMP':
      return bitmapFile(payload);
    case 'EMF':
    case 'WMF':
    case 'PICT':
      // A metafile BLIP's picture is usually deflated; its kind is all the label needs.
      return { format, bytes: null };
  }
}

/** A DIB (BITMAPINFOHEADER + palette + pixels) as a .bmp file: the 14-byte file header in front. */
function bitmapFile(dib: Uint8Array): DocPicture | null {
  if (dib.length < 40) return null;
  const view = new DataView(dib.buffer, dib.byteOffset, dib.byteLength);
  const headerSize = view.getUint32(0, true);
  if (headerSize !== 40 && headerSize !== 108 && headerSize !== 124) return null;
  const bitCount = view.getUint16(14, true);
  const compression = view.getUint32(16, true);
  const used = view.getUint32(32, true);
  const palette = (used !== 0 ? used : bitCount <= 8 ? 1 << bitCount : 0) * 4;
  const masks = headerSize === 40 && compression === 3 ? 12 : 0;
  const file = new Uint8Array(14 + dib.length);
  const out = new DataView(file.buffer);
  file[0] = 0x42;
  file[1] = 0x4d;
  out.setUint32(2, file.length, true);
  out.setUint32(10, 14 + headerSize + masks + palette, true);
  file.set(dib, 14);
  return { format: 'BMP', bytes: file };
}
