/**
 * Writing a command's output file: never half-written, and never over an existing file unless
 * the person asked for it (`--force`).
 *
 * - atomic: the bytes go to a temporary file in the same folder, are flushed to the device,
 *   and only then get the final name, so an interrupted write (a USB stick pulled out) leaves
 *   no broken file under that name.
 * - no-clobber: without `force`, the final name is given with `link`, which fails if the name
 *   exists, so a file appearing between our check and our write is not overwritten either. File
 *   systems without hard links (FAT32/exFAT USB sticks) fall back to check-then-rename.
 */
import { randomBytes } from 'node:crypto';
import { access, link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type WriteOutcome = 'written' | 'exists';

export async function writeOutputFile(path: string, bytes: Uint8Array, options: { readonly force: boolean }): Promise<WriteOutcome> {
  if (!options.force && (await exists(path))) return 'exists';
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.force) {
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
      return 'written';
    }
    return 'written';
  } finally {
    await rm(temp, { force: true });
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
