/**
 * Writing a file atomically: under its final name the file is complete or not there at all,
 * whatever happens half-way (a USB stick pulled out, a full disk, a crash, a damaged source).
 *
 * - temporary file: the bytes go to `.<name>.<random>.tmp` in the same folder (so the final
 *   step stays within one file system), are flushed to the device (fsync), and only then get
 *   the final name. The temporary file is removed whether the write succeeds or fails.
 * - overwrite: with `overwrite: true` the final name is given by `rename`, which replaces an
 *   existing file in one step. With `overwrite: false` it is given by `link`, which fails if the
 *   name exists, so a file appearing between a caller's check and our write is not overwritten
 *   either; the outcome is then `'exists'` and nothing was changed. File systems without hard
 *   links (FAT32/exFAT USB sticks) fall back to check-then-rename.
 * - content: text (UTF-8), bytes, or a stream of bytes (a zip being written), copied as it comes.
 */
import { randomBytes } from 'node:crypto';
import { access, type FileHandle, link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type AtomicContent = string | Uint8Array | AsyncIterable<Uint8Array>;

export interface AtomicWriteOptions {
  /** Replace a file already under the name; when false, leave it and report `'exists'`. */
  readonly overwrite: boolean;
  /** Permission bits of a new file (before the umask); default 0o666. */
  readonly mode?: number;
}

export type WriteOutcome = 'written' | 'exists';

export async function writeFileAtomically(path: string, content: AtomicContent, options: AtomicWriteOptions): Promise<WriteOutcome> {
  if (!options.overwrite && (await exists(path))) return 'exists';
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o666);
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
      else for await (const chunk of content) await writeAll(handle, chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      await rename(temp, path);
      return 'written';
    }
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return 'exists';
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
      if (await exists(path)) return 'exists';
      await rename(temp, path);
    }
    return 'written';
  } finally {
    await rm(temp, { force: true });
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let done = 0;
  while (done < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, done, chunk.length - done);
    done += bytesWritten;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
