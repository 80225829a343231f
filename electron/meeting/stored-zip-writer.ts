/**
 * Stored zip writer: a zip whose entries are stored as they are (method 0, no compression), the
 * container of a meeting file. Evidence is mostly PDFs and images that do not compress, and
 * storing keeps writing and checking a single pass over each file.
 *
 * The zip format is yazl's: UTF-8 names (flag bit 11), sizes and CRC in a data descriptor after
 * each entry, and ZIP64 records when a file, an offset or the entry count passes the classic
 * limits (meetings with scanned evidence can pass 4 GiB). Any unzip tool opens it.
 *
 * - atomic: the zip is written through files/atomic-write.ts, so a USB stick pulled half-way
 *   never holds a half meeting file, and a file that appeared under the name meanwhile is kept.
 * - checked: every entry's bytes are hashed as they are copied; a file of the store that no
 *   longer has the size and SHA-256 the store recorded stops the export before the zip gets its
 *   name.
 * - one file open at a time: each entry's source is opened only when yazl comes to it.
 * - the same bytes on every laptop: entries in the order given, each stamped with the meeting's
 *   export time as China time (UTC+8) in the MS-DOS fields only, whatever the laptop's time zone.
 */
import { createHash } from 'node:crypto';
import { PassThrough, pipeline, Transform, type Readable } from 'node:stream';
import yazl from 'yazl';
import type { WriteOutcome } from '../files/atomic-write.ts';
import { writeFileAtomically } from '../files/atomic-write.ts';

export interface ZipEntrySource {
  /** The entry name, `/`-separated, written as UTF-8. */
  readonly name: string;
  readonly size: number;
  /** The SHA-256 the bytes must have; the export fails otherwise. */
  readonly sha256: string;
  open(): Readable | Promise<Readable>;
}

export interface StoredZipOptions {
  /** The time every entry is stamped with. */
  readonly modified: Date;
  /** ZIP64 records even where the classic ones would do (tests of the ZIP64 reading path). */
  readonly forceZip64?: boolean;
}

export class ZipSourceChanged extends Error {
  readonly entry: string;
  constructor(entry: string, what: string) {
    super(`${entry}: ${what}`);
    this.name = 'ZipSourceChanged';
    this.entry = entry;
  }
}

const REGULAR_FILE_MODE = 0o100644;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/**
 * A date whose local-time fields are China time at `when`: yazl writes the MS-DOS time from the
 * local fields, and the meeting file must not depend on the time zone of the clerk's laptop.
 */
function chinaWallClock(when: Date): Date {
  const china = new Date(when.getTime() + CHINA_OFFSET_MS);
  return new Date(
    china.getUTCFullYear(),
    china.getUTCMonth(),
    china.getUTCDate(),
    china.getUTCHours(),
    china.getUTCMinutes(),
    china.getUTCSeconds(),
  );
}

/** Passes an entry's bytes on while checking them against the size and SHA-256 recorded. */
function checker(entry: ZipEntrySource): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > entry.size) return callback(new ZipSourceChanged(entry.name, '文件比记录的大 (larger than recorded)'));
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      if (size !== entry.size) return callback(new ZipSourceChanged(entry.name, '文件比记录的小 (smaller than recorded)'));
      if (hash.digest('hex') !== entry.sha256) return callback(new ZipSourceChanged(entry.name, '内容与记录的 SHA-256 不符 (content changed)'));
      callback();
    },
  });
}

/**
 * The zip's bytes as yazl makes them. A failing entry ends the iteration with its error; ending
 * the iteration early (a failed write) closes the file being read.
 */
async function* zipBytes(entries: readonly ZipEntrySource[], options: StoredZipOptions, count: { bytes: number }): AsyncIterable<Uint8Array> {
  const zip = new yazl.ZipFile();
  const output = new PassThrough();
  let reading: Readable | null = null;
  const fail = (error: unknown): void => void output.destroy(error instanceof Error ? error : new Error(String(error)));
  zip.on('error', fail);
  zip.outputStream.on('error', fail);
  zip.outputStream.pipe(output);
  const stamp = { mtime: chinaWallClock(options.modified), forceDosTimestamp: true, mode: REGULAR_FILE_MODE };
  const forceZip64Format = options.forceZip64 === true;
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.name, { ...stamp, compress: false, size: entry.size, forceZip64Format }, (give) => {
      Promise.resolve()
        .then(() => entry.open())
        .then((source) => {
          reading = source;
          const checked = checker(entry);
          // yazl pipes what it is given and sees no error upstream of it: they end the zip here.
          pipeline(source, checked, (error) => {
            if (error) fail(error);
          });
          give(null, checked);
        })
        .catch(fail);
    });
  }
  zip.end({ forceZip64Format, comment: '' });
  try {
    for await (const chunk of output) {
      count.bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  } finally {
    (reading as Readable | null)?.destroy();
    output.destroy();
  }
}

/**
 * Writes the zip at `path` atomically, never over an existing file: `'exists'` says a file was
 * already there (and is left as it was). `bytes` is the zip's size.
 */
export async function writeStoredZip(
  path: string,
  entries: readonly ZipEntrySource[],
  options: StoredZipOptions,
): Promise<{ readonly outcome: WriteOutcome; readonly bytes: number }> {
  const count = { bytes: 0 };
  const outcome = await writeFileAtomically(path, zipBytes(entries, options, count), { overwrite: false });
  return { outcome, bytes: count.bytes };
}
