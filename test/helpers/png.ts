/**
 * Test helper: real PNG images as data URLs, for handwritten signatures. A 1×1 image, padded
 * with a `tEXt` chunk to reach a wanted data URL length (the 200 KB limit of sheets).
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 black PNG, with `padding` bytes of text in a tEXt chunk. */
export function pngBytes(padding = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const chunks = [
    chunk('IHDR', header),
    ...(padding > 0 ? [chunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(padding, 0x61)]))] : []),
    chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ];
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

export function pngDataUrl(padding = 0): string {
  return `data:image/png;base64,${pngBytes(padding).toString('base64')}`;
}

/** A PNG data URL of exactly `length` characters (length ≥ 200); pads with base64-neutral bytes. */
export function pngDataUrlOfLength(length: number): string {
  const base = pngDataUrl().length;
  // Each 3 bytes of padding add 4 characters; adjust the padding to land on the length exactly.
  for (let padding = Math.max(0, Math.floor(((length - base) * 3) / 4) - 40); ; padding += 1) {
    const url = pngDataUrl(padding);
    if (url.length === length) return url;
    if (url.length > length) throw new Error(`no PNG data URL of exactly ${length} characters`);
  }
}
