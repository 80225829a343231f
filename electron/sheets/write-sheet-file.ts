/**
 * Writing a sheet file: a USB stick may be pulled at any moment, and a half-written sheet must
 * never sit under the final name, so it is written atomically (files/atomic-write.ts); a new
 * version replaces a file of the same name.
 */
import type { Sheet } from '../../shared/sheet/sheet-schema.ts';
import { sheetText } from '../../shared/sheet/sheet-text.ts';
import { writeFileAtomically } from '../files/atomic-write.ts';

export async function writeSheetFile(path: string, sheet: Sheet): Promise<void> {
  await writeFileAtomically(path, sheetText(sheet), { overwrite: true });
}
