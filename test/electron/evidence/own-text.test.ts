/**
 * A file's own text, as the viewer's search, 自动定位 and `evidence --text` read it: from the
 * same readers that make the previews, on files made by real programs (LibreOffice, openpyxl,
 * iconv; the OFD written part by part, see its make script).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileText, setTextSource } from '../../../electron/evidence/file-text.ts';
import { hasOwnText, ownText } from '../../../electron/evidence/own-text.ts';
import { giveTextSources } from '../../../electron/app/text-sources.ts';
import type { EvidenceType } from '../../../shared/evidence/evidence-type.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'evidence');
const bytesOf = (path: string) => new Uint8Array(readFileSync(resolve(fixtures, path)));

describe('own text', () => {
  it.each<[EvidenceType, string, string]>([
    ['doc', 'documents/红头文件.doc', '合肥市科学技术局文件'],
    ['docx', 'documents/红头文件.docx', '第 1 页'],
    ['rtf', 'documents/红头文件.rtf', '合肥市科学技术局文件'],
    ['odt', 'documents/红头文件.odt', '合肥市科学技术局文件'],
    ['xls', 'spreadsheets/contracts.xls', '¥12,345.68'],
    ['xls', 'spreadsheets/contracts.xls', '2026年2月1日'],
    ['ods', 'spreadsheets/contracts.ods', '25.6%'],
    ['csv', 'spreadsheets/gbk.csv', '合同'],
    ['txt', 'zip-text/note-gbk.txt', '技术合同登记证明'],
  ])('%s %s has %s in its text', async (type, path, wanted) => {
    expect(hasOwnText(type)).toBe(true);
    const pages = await ownText(type, bytesOf(path), path);
    expect(pages).not.toBeNull();
    expect(pages!.join('\n')).toContain(wanted);
  });

  it('gives an OFD its pages, each with its own text', async () => {
    const pages = await ownText('ofd', bytesOf('ofd/invoice.ofd'), 'invoice.ofd');
    expect(pages?.length).toBe(2);
    expect(pages?.[0]).toContain('电子发票（普通发票）');
    expect(pages?.[0]).toContain('¥12,345.68');
  });

  it('has none for a picture, and none for a damaged document', async () => {
    expect(hasOwnText('jpeg')).toBe(false);
    expect(await ownText('jpeg', bytesOf('documents/certificate.png'), 'x.jpg')).toBeNull();
    expect(await ownText('docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), '坏.docx')).toBeNull();
  });
});

describe('the search’s text sources, as the app gives them', () => {
  const tempDir = useTempDir();
  afterEach(() => {
    for (const kind of ['ocr', 'document', 'spreadsheet'] as const) setTextSource(kind, null);
  });

  it('reads a Word file and a spreadsheet by their own text, and a photo by the stored OCR', async () => {
    giveTextSources();
    const dir = tempDir();
    const db = openDatabase(resolve(dir, 'store.sqlite'));
    try {
      const ctx = { db, dataDir: dir };
      const doc = await fileText(ctx, { sha256: 'a'.repeat(64), type: 'doc', file: resolve(fixtures, 'documents/红头文件.doc') });
      expect(doc?.source).toBe('document');
      expect(doc?.pages[0]?.lines.some((line) => line.text.includes('合肥市科学技术局文件'))).toBe(true);
      const sheet = await fileText(ctx, { sha256: 'b'.repeat(64), type: 'xls', file: resolve(fixtures, 'spreadsheets/contracts.xls') });
      expect(sheet?.source).toBe('spreadsheet');
      expect(sheet?.pages[0]?.lines.some((line) => line.text.includes('¥12,345.68'))).toBe(true);
      const ofd = await fileText(ctx, { sha256: 'c'.repeat(64), type: 'ofd', file: resolve(fixtures, 'ofd/invoice.ofd') });
      expect(ofd?.source).toBe('document');
      expect(ofd?.pages.length).toBe(2);
      // A photo nobody has read with OCR yet has no text.
      expect(await fileText(ctx, { sha256: 'd'.repeat(64), type: 'jpeg', file: resolve(fixtures, 'documents/certificate.png') })).toBeNull();
    } finally {
      db.close();
    }
  });
});
