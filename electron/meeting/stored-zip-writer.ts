/**
 * Stored zip writer: a zip whose entries are stored as they are (method 0, no compression), the
 * container of a meeting file. Evidence is mostly PDFs and images that do not compress, and
 * storing keeps writing and checking a single pass over each file.
 *
 * Written here rather than with a library because the app ships no zip writer (yazl is a test
 * dependency only) and the format needed is small: local headers with UTF-8 names (flag bit 11),
 * a central directory, and ZIP64 records when a file, an offset or the entry count passes the
 * classic limits (meetings with scanned evidence can pass 4 GiB). Any unzip tool opens it.
 *
 * - atomic: the zip is written to a temporary file beside the target, flushed to the device and
 *   renamed over the target name, so a USB stick pulled half-way never holds a half meeting file.
 * - checked: every entry's bytes are hashed as they are copied; a file of the store that no
 *   longer has the SHA-256 the store recorded stops the export before anything is renamed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

export interface ZipEntrySource {
  /** The entry name, `/`-separated, written as UTF-8. */
  readonly name: string;
  readonly size: number;
  /** The SHA-256 the bytes must have; the export fails otherwise. */
  readonly sha256: string;
  open(): Readable | Promise<Readable>;
}

export class ZipSourceChanged extends Error {
  readonly entry: string;
  constructor(entry: string, what: string) {
    super(`${entry}: ${what}`);
    this.name = 'ZipSourceChanged';
    this.entry = entry;
  }
}

const LIMIT32 = 0xffffffff;
const LIMIT16 = 0xffff;
const FLAG_UTF8 = 0x0800;
const VERSION_ZIP64 = 45;
const VERSION_DEFAULT = 20;
/** Unix host (3) in the high byte, so the external attributes carry a Unix mode. */
const MADE_BY = (3 << 8) | VERSION_ZIP64;
const REGULAR_FILE_MODE = 0o100644;

interface WrittenEntry {
  readonly name: Buffer;
  readonly size: number;
  readonly crc: number;
  readonly offset: number;
}

/** MS-DOS time and date of `when`, as China time (UTC+8), so the file is the same on every laptop. */
function dosDateTime(when: Date): { time: number; date: number } {
  const local = new Date(when.getTime() + 8 * 3600 * 1000);
  const year = Math.min(Math.max(local.getUTCFullYear(), 1980), 2107);
  return {
    time: (local.getUTCHours() << 11) | (local.getUTCMinutes() << 5) | Math.floor(local.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((local.getUTCMonth() + 1) << 5) | local.getUTCDate(),
  };
}

function localHeader(name: Buffer, size: number, crc: number, stamp: { time: number; date: number }): Buffer {
  const zip64 = size >= LIMIT32;
  const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(size), 4);
    extra.writeBigUInt64LE(BigInt(size), 12);
  }
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_DEFAULT, 4);
  header.writeUInt16LE(FLAG_UTF8, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt16LE(stamp.time, 10);
  header.writeUInt16LE(stamp.date, 12);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(zip64 ? LIMIT32 : size, 18);
  header.writeUInt32LE(zip64 ? LIMIT32 : size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, name, extra]);
}

function centralHeader(entry: WrittenEntry, stamp: { time: number; date: number }): Buffer {
  const bigSize = entry.size >= LIMIT32;
  const bigOffset = entry.offset >= LIMIT32;
  const fields: bigint[] = [];
  if (bigSize) fields.push(BigInt(entry.size), BigInt(entry.size));
  if (bigOffset) fields.push(BigInt(entry.offset));
  const extra = Buffer.alloc(fields.length === 0 ? 0 : 4 + 8 * fields.length);
  if (fields.length > 0) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8 * fields.length, 2);
    fields.forEach((value, i) => extra.writeBigUInt64LE(value, 4 + 8 * i));
  }
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(MADE_BY, 4);
  header.writeUInt16LE(bigSize || bigOffset ? VERSION_ZIP64 : VERSION_DEFAULT, 6);
  header.writeUInt16LE(FLAG_UTF8, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(stamp.time, 12);
  header.writeUInt16LE(stamp.date, 14);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(bigSize ? LIMIT32 : entry.size, 20);
  header.writeUInt32LE(bigSize ? LIMIT32 : entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt16LE(0, 32);
  header.writeUInt16LE(0, 34);
  header.writeUInt16LE(0, 36);
  header.writeUInt32LE((REGULAR_FILE_MODE << 16) >>> 0, 38);
  header.writeUInt32LE(bigOffset ? LIMIT32 : entry.offset, 42);
  return Buffer.concat([header, entry.name, extra]);
}

function endRecords(count: number, directoryOffset: number, directorySize: number): Buffer {
  const zip64 = count > LIMIT16 || directoryOffset >= LIMIT32 || directorySize >= LIMIT32;
  const parts: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(MADE_BY, 12);
    record.writeUInt16LE(VERSION_ZIP64, 14);
    record.writeUInt32LE(0, 16);
    record.writeUInt32LE(0, 20);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(directorySize), 40);
    record.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
    locator.writeUInt32LE(1, 16);
    parts.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(zip64 ? LIMIT16 : count, 8);
  end.writeUInt16LE(zip64 ? LIMIT16 : count, 10);
  end.writeUInt32LE(zip64 ? LIMIT32 : directorySize, 12);
  end.writeUInt32LE(zip64 ? LIMIT32 : directoryOffset, 16);
  end.writeUInt16LE(0, 20);
  parts.push(end);
  return Buffer.concat(parts);
}

/** Writes the zip at `path` atomically; returns its size in bytes. */
export async function writeStoredZip(
  path: string,
  entries: readonly ZipEntrySource[],
  options: { readonly modified: Date; readonly signal?: AbortSignal | undefined },
): Promise<number> {
  const stamp = dosDateTime(options.modified);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  let position = 0;
  const write = async (bytes: Buffer, at = position): Promise<void> => {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, at + done);
      done += bytesWritten;
    }
    if (at === position) position += bytes.length;
  };
  try {
    const written: WrittenEntry[] = [];
    for (const entry of entries) {
      options.signal?.throwIfAborted();
      const name = Buffer.from(entry.name, 'utf8');
      const offset = position;
      // The CRC is known only after the bytes are read: the header goes first with a zero CRC
      // and is rewritten in place once the entry is copied.
      await write(localHeader(name, entry.size, 0, stamp));
      let crc = 0;
      let size = 0;
      const hash = createHash('sha256');
      for await (const chunk of await entry.open()) {
        const bytes = chunk as Buffer;
        crc = crc32(bytes, crc);
        hash.update(bytes);
        size += bytes.length;
        if (size > entry.size) throw new ZipSourceChanged(entry.name, '文件比记录的大 (larger than recorded)');
        await write(bytes);
      }
      if (size !== entry.size) throw new ZipSourceChanged(entry.name, '文件比记录的小 (smaller than recorded)');
      if (hash.digest('hex') !== entry.sha256) throw new ZipSourceChanged(entry.name, '内容与记录的 SHA-256 不符 (content changed)');
      await write(localHeader(name, entry.size, crc, stamp), offset);
      written.push({ name, size, crc, offset });
    }
    const directoryOffset = position;
    for (const entry of written) await write(centralHeader(entry, stamp));
    await write(endRecords(written.length, directoryOffset, position - directoryOffset));
    await handle.sync();
    await handle.close();
    await rename(temp, path);
    return position;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}
