/**
 * Zip members: the entries of a zip held in memory (an Office or OFD container, or a .zip
 * inside a package), listed with names decoded as the package's own (decode-entry-name.ts)
 * and read one at a time, bounded: a member is inflated only up to the size it declares and
 * only when that size is within the caller's cap, so a zip bomb inside a package costs no more
 * than the cap.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { decodeEntryName } from '../decode-entry-name.ts';

export interface ZipMember {
  readonly name: string;
  readonly directory: boolean;
  readonly encrypted: boolean;
  /** Stored or deflated: what yauzl can inflate. */
  readonly supported: boolean;
  readonly size: number;
  readonly packedSize: number;
  readonly entry: Entry;
}

export interface ZipInMemory {
  readonly members: readonly ZipMember[];
  /** The member's bytes, or null when it is larger than `cap`, encrypted, or damaged. */
  readonly read: (member: ZipMember, cap: number) => Promise<Uint8Array | null>;
  /**
   * Reads the whole member, hashing it and keeping its first `keep` bytes; null when it is
   * encrypted, uses another compression, is damaged, or yields other than its declared size.
   */
  readonly hashed: (member: ZipMember, keep: number) => Promise<{ readonly sha256: string; readonly head: Uint8Array } | null>;
  readonly close: () => void;
}

export type ZipOpening = { readonly ok: true; readonly zip: ZipInMemory } | { readonly ok: false; readonly reason: 'damaged' | 'too-many-entries' };

function open(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, strictFileNames: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry): void => (cleanup(), resolve(entry));
    const onEnd = (): void => (cleanup(), resolve(null));
    const onError = (error: Error): void => (cleanup(), reject(error));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function openStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))));
}

export async function openZipInMemory(bytes: Uint8Array, maxEntries: number): Promise<ZipOpening> {
  let zip: ZipFile;
  try {
    zip = await open(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (zip.entryCount > maxEntries) {
    zip.close();
    return { ok: false, reason: 'too-many-entries' };
  }
  const members: ZipMember[] = [];
  try {
    for (let entry = await nextEntry(zip); entry !== null; entry = await nextEntry(zip)) {
      const decoded = decodeEntryName(entry.fileNameRaw, entry.generalPurposeBitFlag, entry.extraFields);
      const name = decoded.ok ? decoded.name : new TextDecoder('gb18030').decode(entry.fileNameRaw);
      members.push({
        name,
        directory: name.endsWith('/') || name.endsWith('\\'),
        encrypted: (entry.generalPurposeBitFlag & 0x1) !== 0,
        supported: entry.compressionMethod === 0 || entry.compressionMethod === 8,
        size: entry.uncompressedSize,
        packedSize: entry.compressedSize,
        entry,
      });
    }
  } catch {
    zip.close();
    return { ok: false, reason: 'damaged' };
  }
  const read = async (member: ZipMember, cap: number): Promise<Uint8Array | null> => {
    if (member.directory || member.encrypted || !member.supported || member.size > cap) return null;
    try {
      const stream = await openStream(zip, member.entry);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        // Never more than declared: a lying header stops here, within the cap.
        if (size > member.size) {
          stream.destroy();
          return null;
        }
        chunks.push(chunk as Buffer);
      }
      return size === member.size ? new Uint8Array(Buffer.concat(chunks, size)) : null;
    } catch {
      return null;
    }
  };
  const hashed = async (member: ZipMember, keep: number): Promise<{ sha256: string; head: Uint8Array } | null> => {
    if (member.directory || member.encrypted || !member.supported) return null;
    try {
      const stream = await openStream(zip, member.entry);
      const hash = createHash('sha256');
      const kept: Buffer[] = [];
      let size = 0;
      let keptSize = 0;
      for await (const data of stream) {
        const chunk = data as Buffer;
        size += chunk.length;
        if (size > member.size) {
          stream.destroy();
          return null;
        }
        hash.update(chunk);
        if (keptSize < keep) {
          const part = chunk.subarray(0, keep - keptSize);
          kept.push(part);
          keptSize += part.length;
        }
      }
      if (size !== member.size) return null;
      return { sha256: hash.digest('hex'), head: new Uint8Array(Buffer.concat(kept, keptSize)) };
    } catch {
      return null;
    }
  };
  return { ok: true, zip: { members, read, hashed, close: () => zip.close() } };
}
