/**
 * Evidence bytes: a file's bytes as an inspection is given them. Either held in memory, or,
 * for a file the reader does not hold whole (larger than limits.ts `maxHeldBytes`), the
 * complete file on disk where the importer has just staged it (`StoredBytes`), read a range at
 * a time. So a 200 MB scan is never held in memory to be inspected: pdf.js reads only the
 * ranges it asks for (pdf-inspection.ts), sharp and exifr read the file themselves.
 *
 * A `StoredBytes` is plain data (a path and a size), so it crosses to a worker thread as is,
 * where a Uint8Array would be copied.
 */
import { open, readFile } from 'node:fs/promises';

export interface StoredBytes {
  /** A file holding exactly the evidence file's bytes, complete and not changed while read. */
  readonly file: string;
  readonly size: number;
}

export type EvidenceBytes = Uint8Array | StoredBytes;

export const isStored = (source: EvidenceBytes): source is StoredBytes => !(source instanceof Uint8Array);

export const sizeOf = (source: EvidenceBytes): number => (isStored(source) ? source.size : source.length);

/** Bytes `[begin, end)` of the file (fewer when it ends first). */
export async function readRange(source: EvidenceBytes, begin: number, end: number): Promise<Uint8Array> {
  const from = Math.max(0, begin);
  const to = Math.min(end, sizeOf(source));
  if (to <= from) return new Uint8Array(0);
  if (!isStored(source)) return source.subarray(from, to);
  const handle = await open(source.file, 'r');
  try {
    const buffer = new Uint8Array(to - from);
    let done = 0;
    while (done < buffer.length) {
      const { bytesRead } = await handle.read(buffer, done, buffer.length - done, from + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === buffer.length ? buffer : buffer.subarray(0, done);
  } finally {
    await handle.close();
  }
}

/** The whole file in memory: for the inspections that need it all at once (containers, TIFF). */
export async function readWhole(source: EvidenceBytes): Promise<Uint8Array> {
  return isStored(source) ? new Uint8Array(await readFile(source.file)) : source;
}

/**
 * The file's bytes from start to end, `chunkSize` at a time, each chunk preceded by the last
 * `overlap` bytes of the one before (so a search across a chunk boundary finds what it seeks),
 * with the chunk's offset in the file. A chunk is valid until the next is asked for (one
 * buffer is reused: the file is never held).
 */
export async function* chunksOf(source: EvidenceBytes, chunkSize: number, overlap: number): AsyncGenerator<{ readonly bytes: Uint8Array; readonly offset: number }> {
  if (!isStored(source)) {
    for (let at = 0; at < source.length; at += chunkSize) {
      const offset = Math.max(0, at - overlap);
      yield { bytes: source.subarray(offset, Math.min(source.length, at + chunkSize)), offset };
    }
    return;
  }
  const handle = await open(source.file, 'r');
  try {
    const buffer = new Uint8Array(overlap + chunkSize);
    let kept = 0;
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, kept, chunkSize, position);
      if (bytesRead === 0) return;
      const filled = kept + bytesRead;
      yield { bytes: buffer.subarray(0, filled), offset: position - kept };
      position += bytesRead;
      kept = Math.min(overlap, filled);
      buffer.copyWithin(0, filled - kept, filled);
    }
  } finally {
    await handle.close();
  }
}
