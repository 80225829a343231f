/**
 * Local file headers: each zip entry is described twice, once in the central directory (which
 * yauzl lists and this reader trusts for names) and once in the local header before its data
 * (which streaming unzippers and some desktop tools read instead). A hostile zip can make the
 * two disagree, so that our check sees `证明材料/合同.pdf` while another tool unpacks
 * `../../x`, or the sizes we limit are not the sizes another tool inflates. Each entry's local
 * header is read here and must agree with its central record in name (the raw bytes and the
 * decoded name), method, the flags that change how it is read (encryption, data descriptor,
 * UTF-8) and, unless a data descriptor follows the data, CRC-32 and sizes.
 *
 * The header also tells where the entry's bytes (header and data) start and end, which is what
 * the overlap check needs.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Entry } from 'yauzl';
import { decodeEntryName, UNICODE_PATH_EXTRA_FIELD, type ExtraField } from './decode-entry-name.ts';

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_FIXED = 30;
const ZIP64_EXTRA = 0x0001;
const DATA_DESCRIPTOR_FLAG = 0x8;
/** Encryption (0), data descriptor (3), strong encryption (6), UTF-8 names (11). */
const COMPARED_FLAGS = 0x1 | 0x8 | 0x40 | 0x800;

export type LocalHeaderCheck =
  | { readonly ok: true; readonly start: number; readonly end: number }
  | { readonly ok: false; readonly what: string; readonly start?: number; readonly end?: number };

function parseExtraFields(bytes: Uint8Array): ExtraField[] {
  const fields: ExtraField[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 4 <= bytes.length) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (at + 4 + length > bytes.length) break;
    fields.push({ id, data: bytes.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return fields;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Reads the local header of `entry` and compares it with the central record. */
export async function checkLocalHeader(handle: FileHandle, entry: Entry, fileSize: number, centralName: string): Promise<LocalHeaderCheck> {
  const start = entry.relativeOffsetOfLocalHeader;
  const fixed = Buffer.alloc(LOCAL_FIXED);
  const { bytesRead } = await handle.read(fixed, 0, LOCAL_FIXED, start);
  if (bytesRead < LOCAL_FIXED || fixed.readUInt32LE(0) !== LOCAL_SIGNATURE) return { ok: false, what: '读不到它的本地文件头' };
  const flags = fixed.readUInt16LE(6);
  const method = fixed.readUInt16LE(8);
  const nameLength = fixed.readUInt16LE(26);
  const extraLength = fixed.readUInt16LE(28);
  const variable = Buffer.alloc(nameLength + extraLength);
  const more = await handle.read(variable, 0, variable.length, start + LOCAL_FIXED);
  if (more.bytesRead < variable.length) return { ok: false, what: '读不到它的本地文件头' };
  // Where the entry lies by its local header, for the overlap check even when it disagrees.
  const span = { start, end: start + LOCAL_FIXED + nameLength + extraLength + entry.compressedSize };
  const rawName = variable.subarray(0, nameLength);
  const extra = parseExtraFields(variable.subarray(nameLength));

  if (!sameBytes(rawName, entry.fileNameRaw)) return { ok: false, what: '文件名不同', ...span };
  // The raw bytes are the same; a Unicode Path field of the local header's own must then name
  // the same file. (Some tools write that field in the central directory only: the raw name,
  // checked as well, is what a reader of the local header gets then.)
  if (extra.some((field) => field.id === UNICODE_PATH_EXTRA_FIELD)) {
    const localDecoded = decodeEntryName(rawName, flags, extra);
    if (!localDecoded.ok || localDecoded.name !== centralName) return { ok: false, what: '文件名（含 Unicode 路径扩展字段）不同', ...span };
  }
  if ((flags & COMPARED_FLAGS) !== (entry.generalPurposeBitFlag & COMPARED_FLAGS)) return { ok: false, what: '标志位不同', ...span };
  if (method !== entry.compressionMethod) return { ok: false, what: '压缩方式不同', ...span };

  const crc = fixed.readUInt32LE(14);
  let packed = fixed.readUInt32LE(18);
  let unpacked = fixed.readUInt32LE(22);
  const zip64 = extra.find((field) => field.id === ZIP64_EXTRA);
  if (zip64 !== undefined && (unpacked === 0xffffffff || packed === 0xffffffff)) {
    const view = new DataView(zip64.data.buffer, zip64.data.byteOffset, zip64.data.byteLength);
    // In a local header the field holds both sizes (APPNOTE 4.5.3), unpacked first; a tool
    // that wrote only the one it needed is read the central directory's way.
    const unpackedInField = unpacked === 0xffffffff;
    const packedAt = unpackedInField || zip64.data.length >= 16 ? 8 : 0;
    if (unpackedInField && zip64.data.length >= 8) unpacked = Number(view.getBigUint64(0, true));
    if (packed === 0xffffffff && packedAt + 8 <= zip64.data.length) packed = Number(view.getBigUint64(packedAt, true));
  }
  const descriptor = (flags & DATA_DESCRIPTOR_FLAG) !== 0;
  // With a data descriptor the local header may leave CRC and sizes zero; any value it does
  // give must still be the central one.
  const agrees = (local: number, central: number): boolean => local === central || (descriptor && local === 0);
  if (!agrees(crc >>> 0, entry.crc32 >>> 0)) return { ok: false, what: 'CRC-32 校验码不同', ...span };
  if (!agrees(packed, entry.compressedSize)) return { ok: false, what: '压缩后大小不同', ...span };
  if (!agrees(unpacked, entry.uncompressedSize)) return { ok: false, what: '解压后大小不同', ...span };
  if (span.end > fileSize) return { ok: false, what: '数据超出了压缩包的末尾' };
  // A data descriptor after the data is not counted: its bytes are never inflated.
  return { ok: true, ...span };
}
