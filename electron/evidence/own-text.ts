/**
 * A file's own text, for every type that has text of its own besides PDF (whose text layer is
 * read page by page elsewhere): the text the viewer's search, 自动定位 and
 * `alliance-review evidence --text` use, from the same readers that make the previews, so a
 * search finds what the expert sees.
 *
 * - pages: a paged type (OFD) gives one text a page; every other type one text for the whole
 *   file: a document with its headers, footers and notes; a spreadsheet's sheets one after the
 *   other, each cell as displayed (`¥12,345.68`, `2026年2月1日`), a tab between cells; a text file.
 * - null: the type has no text of its own (a picture, a zip), or its reader refused the file
 *   (damaged, too large): then there is nothing to search, which callers say.
 *
 * Every reader runs capped (documents, spreadsheets and OFD in their workers); a text file is
 * read in main, bounded by the preview's own size limit.
 */
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import { isDocumentFormat } from './document-preview/document-preview.ts';
import { readOfdPageTexts } from './ofd/read-ofd-preview.ts';
import { readDocumentText } from './read-document-preview.ts';
import { spreadsheetText } from './spreadsheet/spreadsheet-text.ts';
import { etUnreadable } from './spreadsheet/et-unreadable.ts';
import { plainText } from './text/plain-text.ts';

const spreadsheetFormats = ['xlsx', 'xls', 'et', 'ods', 'csv'] as const;
type SheetFormat = (typeof spreadsheetFormats)[number];
const isSpreadsheetFormat = (type: string): type is SheetFormat => (spreadsheetFormats as readonly string[]).includes(type);

/** Whether a file of this type has text of its own that `ownText` reads. */
export function hasOwnText(type: EvidenceType): boolean {
  return type === 'txt' || type === 'ofd' || isDocumentFormat(type) || isSpreadsheetFormat(type);
}

/** The file's own text, one entry a page (one for an unpaged type), or null. */
export async function ownText(type: EvidenceType, bytes: Uint8Array, fileName: string): Promise<readonly string[] | null> {
  if (type === 'txt') return [plainText(bytes)];
  if (type === 'ofd') {
    const pages = await readOfdPageTexts(bytes);
    return pages === null ? null : pages.map((page) => page.text);
  }
  if (isDocumentFormat(type)) {
    const reading = await readDocumentText(bytes, type);
    return reading.ok ? [reading.text] : null;
  }
  if (isSpreadsheetFormat(type)) {
    const reading = await spreadsheetText(bytes, type, fileName);
    if (reading.ok) return [reading.sheets.map((sheet) => `${sheet.sheet}\n${sheet.text}`).join('\n\n')];
    // WPS 表格's own .et that no library reads: the text found in it, as its preview shows.
    if (type === 'et' && reading.message === etUnreadable(fileName)) {
      const found = await readDocumentText(bytes, 'et');
      return found.ok ? [found.text] : null;
    }
    return null;
  }
  return null;
}
