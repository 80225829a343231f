/**
 * Previewers: for each evidence type the viewer cannot show from the raw bytes, the converter
 * that makes its preview (evidence-preview-types.ts). The type is the one the file's content
 * says (inspect-evidence.ts), never its name, so a .doc that is really a .docx is previewed as
 * what it is. A type without a previewer is offered to the system's viewer instead.
 *
 * Every previewer reads untrusted bytes: it runs its library in a capped worker (or does only
 * bounded work in main), and makes its product once per content hash (renditions.ts).
 */
import type { EvidencePreview, SpreadsheetFormat, SpreadsheetPreview } from '../../shared/api/evidence-preview-types.ts';
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import { AppError } from '../errors/app-error.ts';
import { readDocxPreview } from './read-docx-preview.ts';
import { rendition } from './renditions.ts';
import { readSpreadsheetPreview } from './spreadsheet/read-spreadsheet-preview.ts';

export interface PreviewInput {
  /** The stored bytes of the file. */
  readonly bytes: Uint8Array;
  readonly sha256: string;
  /** The file's package path (for a zip member: `<zip path>/<member path>`), for messages. */
  readonly path: string;
  /** The last segment of the path, for messages. */
  readonly fileName: string;
  /** Where renditions are kept (renditions.ts). */
  readonly dataDir: string;
}

export type Previewer = (input: PreviewInput) => Promise<EvidencePreview>;

const docx: Previewer = async ({ bytes }) => {
  // In a capped worker: a document that expands costs its preview, not the shell.
  const reading = await readDocxPreview(bytes);
  if (!reading.ok) throw new AppError(reading.failed === true ? 'preview-failed' : 'preview-refused', reading.message);
  return { kind: 'docx', blocks: reading.blocks, truncated: reading.truncated };
};

/** Raised whenever what spreadsheet-preview.ts makes of a file changes. */
const SPREADSHEET_PREVIEW_VERSION = 1;

function spreadsheet(format: SpreadsheetFormat): Previewer {
  // One converter per format: the same bytes are an .xls under one name and an .et under another.
  const converter = { name: `spreadsheet-${format}`, version: SPREADSHEET_PREVIEW_VERSION };
  return async ({ bytes, sha256, fileName, dataDir }) => {
    // Made once per content hash. A refusal is not stored: the next request checks again.
    const stored = await rendition(dataDir, sha256, converter, async () => {
      // In a capped worker: a workbook that expands costs its preview, not the shell.
      const reading = await readSpreadsheetPreview(bytes, format, fileName);
      if (!reading.ok) throw new AppError(reading.failed === true ? 'preview-failed' : 'preview-refused', reading.message);
      return new Map([['preview.json', JSON.stringify(reading.preview)]]);
    });
    return JSON.parse((await stored.read('preview.json')).toString('utf8')) as SpreadsheetPreview;
  };
}

export const previewers: Readonly<Partial<Record<EvidenceType, Previewer>>> = {
  docx,
  xlsx: spreadsheet('xlsx'),
  xls: spreadsheet('xls'),
  et: spreadsheet('et'),
  ods: spreadsheet('ods'),
  csv: spreadsheet('csv'),
};
