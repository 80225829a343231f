/**
 * Previewers: for each evidence type the viewer cannot show from the raw bytes, the converter
 * that makes its preview (evidence-preview-types.ts). The type is the one the file's content
 * says (inspect-evidence.ts), never its name, so a .doc that is really a .docx is previewed as
 * what it is. A type without a previewer is offered to the system's viewer instead.
 *
 * Every previewer reads untrusted bytes: it runs its library in a capped worker (or does only
 * bounded work in main), and makes its product once per content hash (renditions.ts).
 */
import type { DocumentFormat, DocumentPreview, EvidencePreview, SpreadsheetFormat, SpreadsheetPreview } from '../../shared/api/evidence-preview-types.ts';
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import { AppError } from '../errors/app-error.ts';
import { readDocumentPreview } from './read-document-preview.ts';
import { rendition } from './renditions.ts';
import { ofdPreview } from './ofd/ofd-previewer.ts';
import { textPreview } from './text/plain-text.ts';
import { zipPreview } from './zip/zip-preview.ts';
import { readSpreadsheetPreview } from './spreadsheet/read-spreadsheet-preview.ts';
import { etUnreadable } from './spreadsheet/et-unreadable.ts';
import { imagePagesPreviewer } from './image-pages-previewer.ts';

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

// The largest file previewed from its bytes in memory: the inspection warns about a larger one (file-not-viewable).
import { maxPreviewBytes } from '../../shared/evidence/evidence-type.ts';
export { maxPreviewBytes };

/**
 * Word-processor files (.docx, .doc, .wps, .rtf, .odt): read in a capped worker, the preview
 * kept as a rendition (one JSON file, pictures inside as data: URLs) so it is made once per
 * file. The format is part of the converter's name: the same bytes are one format only.
 */
const documentPreviewer =
  (format: DocumentFormat): Previewer =>
  async ({ bytes, sha256, dataDir }) => {
    const stored = await rendition(dataDir, sha256, { name: `document-${format}`, version: 1 }, async () => {
      const reading = await readDocumentPreview(bytes, format);
      if (!reading.ok) throw new AppError(reading.failed === true ? 'preview-failed' : 'preview-refused', reading.message);
      return new Map([['preview.json', JSON.stringify(reading.preview)]]);
    });
    return JSON.parse((await stored.read('preview.json')).toString('utf8')) as DocumentPreview;
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

/**
 * An .et that WPS saved as BIFF8 is detected as the .xls it is; what is left as `et` is WPS
 * 表格's own format, which SheetJS reads only in part. When it cannot, the text found in the
 * file is shown with a notice (document-preview/wps-document.ts `readEt`), never a refusal
 * alone: the expert sees what the file says, and is told to check it in WPS.
 */
const etSheet = spreadsheet('et');
const etText = documentPreviewer('et');
const et: Previewer = async (input) => {
  try {
    return await etSheet(input);
  } catch (error) {
    if (!(error instanceof AppError) || error.message !== etUnreadable(input.fileName)) throw error;
    try {
      return await etText(input);
    } catch (unread) {
      // Not even a compound file to search (cut short, damaged): the spreadsheet's refusal says what to do.
      if (unread instanceof AppError) throw error;
      throw unread;
    }
  }
};

// In a capped worker, pages stored as SVG renditions (ofd/ofd-previewer.ts).
const ofd: Previewer = (input) => ofdPreview(input);

// Bounded work in main: at most the first megabytes are decoded (text/plain-text.ts).
const txt: Previewer = ({ bytes }) => Promise.resolve(textPreview(bytes));

// Lists the members, each typed from its first bytes, made once per zip (zip/zip-preview.ts).
const zip: Previewer = (input) => zipPreview(input, maxPreviewBytes);

export const previewers: Readonly<Partial<Record<EvidenceType, Previewer>>> = {
  docx: documentPreviewer('docx'),
  doc: documentPreviewer('doc'),
  wps: documentPreviewer('wps'),
  rtf: documentPreviewer('rtf'),
  odt: documentPreviewer('odt'),
  xlsx: spreadsheet('xlsx'),
  xls: spreadsheet('xls'),
  et,
  ods: spreadsheet('ods'),
  csv: spreadsheet('csv'),
  ofd,
  txt,
  zip,
  tiff: imagePagesPreviewer('tiff'),
  heic: imagePagesPreviewer('heic'),
};
