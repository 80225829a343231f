/**
 * The text `alliance-review evidence --text` prints and the text the viewer's search reads are one
 * text: the command reads a file itself (electron/cli/evidence-text.ts, no data folder), the app
 * from its store (electron/evidence/file-text.ts, renditions and injected sources), and for each
 * fixture made by a real program (LibreOffice, qpdf, img2pdf, openpyxl; test/fixtures/evidence/)
 * both give the same pages with the same words, compared as the search compares them (folded:
 * full-width forms, case and whitespace aside). Scanned pages are left out here (OCR is off for
 * the command and no OCR text is stored for the app), so both give them empty.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileText as commandText } from '../../../electron/cli/evidence-text.ts';
import { fileText as searchText } from '../../../electron/evidence/file-text.ts';
import { OcrReader } from '../../../electron/ocr/read-ocr.ts';
import { inspectEvidence } from '../../../electron/package-reader/inspect-evidence.ts';
import { foldText } from '../../../shared/evidence/page-text.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('search-text-agrees-');
const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'evidence');
const reader = new OcrReader();
afterAll(() => reader.close());

const files = [
  'text.pdf',
  'ocr/partly-scanned.pdf',
  'find-page/contracts.pdf',
  'find-page/partly-scanned.pdf',
  'letter.docx',
  'letter.doc',
  'letter.odt',
  'letter.rtf',
  'sheet.xlsx',
  'sheet.xls',
  'sheet.ods',
  'table.csv',
  'spreadsheets/contracts.xls',
  'document.ofd',
  'ofd/invoice.ofd',
  'note.txt',
  'note-gbk.txt',
  'note-utf16.txt',
];

describe('the command’s text and the search’s text', () => {
  it.each(files)('%s: the same words on the same pages', async (name) => {
    const dir = tempDir();
    const ctx = testContext(dir);
    const bytes = readFileSync(join(fixtures, name));
    const file = join(dir, name.replaceAll('/', '-'));
    copyFileSync(join(fixtures, name), file);
    const { type } = await inspectEvidence({ path: name, bytes: new Uint8Array(bytes), size: bytes.length });
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const command = await commandText(reader, type, file, { ocr: false });
    if (!command.ok) throw new Error(`${name}: the command found no page`);
    const search = await searchText(ctx, { sha256, type, file });
    const searched = new Map((search?.pages ?? []).map((p) => [p.page, foldText(p.lines.map((l) => l.text).join('\n'))]));
    const printed = command.pages.map(foldText);
    // Something to compare: every fixture has words of its own.
    expect(printed.join('').length, name).toBeGreaterThan(0);
    expect(printed.map((_, i) => searched.get(i + 1) ?? ''), name).toEqual(printed);
    ctx.close();
  }, 60_000);
});
