/**
 * Zip writer: a small, deterministic writer of zip files, so re-running the generator gives
 * byte-identical packages (and so the same package digests). yazl cannot be used for the GBK
 * sample: it always sets the UTF-8 flag, and that sample exists to show names without it.
 *
 * - entry: a file (stored for media that is already compressed, deflated otherwise) or a
 *   folder (name ending in `/`, as Windows tools write them).
 * - name encoding: UTF-8 with the UTF-8 flag (bit 11), or the bytes the caller gives (GBK)
 *   without it.
 * - timestamp: one fixed MS-DOS date and time for every entry; no extra fields (which would
 *   carry real times).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** `/`-separated; a folder ends with `/`. */
  readonly name: string;
  readonly data?: Uint8Array | undefined;
}

export interface ZipOptions {
  /** Bytes of each name; default UTF-8 with the UTF-8 flag set. */
  readonly encodeName?: ((name: string) => Uint8Array) | undefined;
  /** Local time written into every entry. */
  readonly time: { readonly year: number; readonly month: number; readonly day: number; readonly hour: number; readonly minute: number };
}

const STORED_EXTENSIONS = /\.(pdf|png|jpe?g|zip|xlsx|docx)$/i;

export function writeZip(entries: readonly ZipEntry[], options: ZipOptions): Uint8Array {
  const utf8 = options.encodeName === undefined;
  const encode = options.encodeName ?? ((name: string) => new TextEncoder().encode(name));
  const { year, month, day, hour, minute } = options.time;
  const dosTime = (hour << 11) | (minute << 5);
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  const flags = utf8 ? 0x0800 : 0;

  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encode(entry.name);
    const folder = entry.name.endsWith('/');
    const data = entry.data ?? new Uint8Array(0);
    const deflate = !folder && data.length > 0 && !STORED_EXTENSIONS.test(entry.name);
    const packed = deflate ? new Uint8Array(deflateRawSync(data, { level: 9 })) : data;
    const crc = crc32(data);

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed: 2.0
    local.setUint16(6, flags, true);
    local.setUint16(8, deflate ? 8 : 0, true);
    local.setUint16(10, dosTime, true);
    local.setUint16(12, dosDate, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    chunks.push(new Uint8Array(local.buffer), name, packed);

    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true); // made by: MS-DOS/FAT, 2.0, as Windows tools write
    header.setUint16(6, 20, true);
    header.setUint16(8, flags, true);
    header.setUint16(10, deflate ? 8 : 0, true);
    header.setUint16(12, dosTime, true);
    header.setUint16(14, dosDate, true);
    header.setUint32(16, crc, true);
    header.setUint32(20, packed.length, true);
    header.setUint32(24, data.length, true);
    header.setUint16(28, name.length, true);
    header.setUint16(30, 0, true);
    header.setUint16(32, 0, true);
    header.setUint16(34, 0, true);
    header.setUint16(36, 0, true);
    header.setUint32(38, folder ? 0x10 : 0x20, true); // MS-DOS attributes: directory / archive
    header.setUint32(42, offset, true);
    central.push(new Uint8Array(header.buffer), name);

    offset += 30 + name.length + packed.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Folder entries for every folder of the given file names, parents first, as Windows writes them. */
export function withFolderEntries(names: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const name of names) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(`${parts.slice(0, i).join('/')}/`);
  }
  return [...folders].sort();
}
