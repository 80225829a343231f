/**
 * Writing a sheet file atomically: a USB stick may be pulled at any moment, and a half-written
 * sheet must never sit under the final name. We write a temporary file in the same folder,
 * flush it to the device, then rename it over the final name (a rename within one folder is
 * atomic on every file system the meeting uses).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Sheet } from '../../shared/sheet/sheet-schema.ts';
import { sheetText } from '../../shared/sheet/sheet-text.ts';

export async function writeSheetFile(path: string, sheet: Sheet): Promise<void> {
  await writeFileAtomically(path, sheetText(sheet));
}

export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
