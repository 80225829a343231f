/**
 * The inspection of real files, made by the programs offices use (test/fixtures/evidence/
 * make-fixtures.sh): the type from the content, pages, sheets, whether the viewer shows it,
 * its problem and whether it has its own text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectEvidence } from '../../../electron/package-reader/inspect-evidence.ts';
import type { EvidenceInspection } from '../../../shared/evidence/evidence-inspection.ts';

const fixtures = resolve(import.meta.dirname, '../../fixtures/evidence');

function inspect(file: string, path = `证明材料/${file}`, options: { keep?: number } = {}): Promise<EvidenceInspection> {
  const bytes = new Uint8Array(readFileSync(resolve(fixtures, file)));
  return inspectEvidence({ path, bytes: options.keep === undefined ? bytes : bytes.subarray(0, options.keep), size: bytes.length });
}

type Row = [file: string, type: string, pages: number | null, sheets: number | null, viewable: boolean, problem: string | null, text: string];

describe('inspectEvidence: real files', () => {
  it.each<Row>([
    ['five-pages.pdf', 'pdf', 5, null, true, null, 'none'],
    ['text.pdf', 'pdf', 1, null, true, null, 'document'],
    ['truncated.pdf', 'pdf', null, null, false, 'damaged', 'none'],
    ['password.pdf', 'pdf', null, null, true, 'password', 'none'],
    ['photo.jpg', 'jpeg', null, null, true, null, 'none'],
    ['photo.jfif', 'jpeg', null, null, true, null, 'none'],
    ['photo-named.pdf', 'jpeg', null, null, true, 'extension-mismatch', 'none'],
    ['photo.png', 'png', null, null, true, null, 'none'],
    ['photo.gif', 'gif', null, null, true, null, 'none'],
    ['photo.bmp', 'bmp', null, null, true, null, 'none'],
    ['three-pages.tiff', 'tiff', 3, null, true, null, 'none'],
    ['photo.heic', 'heic', null, null, true, null, 'none'],
    ['letter.docx', 'docx', null, null, true, null, 'document'],
    ['letter.doc', 'doc', null, null, true, null, 'document'],
    ['letter.rtf', 'rtf', null, null, true, null, 'document'],
    ['letter.odt', 'odt', null, null, true, null, 'document'],
    ['sheet.xlsx', 'xlsx', null, 1, true, null, 'document'],
    ['sheet.xls', 'xls', null, 1, true, null, 'document'],
    ['sheet.ods', 'ods', null, 1, true, null, 'document'],
    ['table.csv', 'csv', null, null, true, null, 'document'],
    ['note.txt', 'txt', null, null, true, null, 'document'],
    ['note-gbk.txt', 'txt', null, null, true, null, 'document'],
    ['note-utf16.txt', 'txt', null, null, true, null, 'document'],
    ['document.ofd', 'ofd', 2, null, true, null, 'document'],
    ['bundle.zip', 'zip', null, null, true, null, 'none'],
    ['empty.pdf', 'unknown', null, null, false, 'empty', 'none'],
    ['unknown.bin', 'unknown', null, null, false, 'unsupported-format', 'none'],
  ])('%s: %s, pages %s, sheets %s, viewable %s, problem %s, text %s', async (file, type, pages, sheets, viewable, problem, text) => {
    const found = await inspect(file);
    expect({ type: found.type, pages: found.pages, sheets: found.sheets, viewable: found.viewable, problem: found.problem?.code ?? null, text: found.text }).toEqual({
      type,
      pages,
      sheets,
      viewable,
      problem,
      text,
    });
  });

  it('types by content, never by name: a .wps that is a Word file is doc, an .et that is an Excel file is xls', async () => {
    expect((await inspect('letter.doc', '证明材料/通知.wps')).type).toBe('doc');
    expect((await inspect('letter.doc', '证明材料/通知.wps')).problem).toBeNull();
    expect((await inspect('sheet.xls', '证明材料/名单.et')).type).toBe('xls');
    expect((await inspect('photo.jpg', '证明材料/照片')).type).toBe('jpeg');
    expect((await inspect('photo.jpg', '证明材料/照片')).problem).toBeNull();
    // csv has no signature: text named .csv is csv, the same text named otherwise is txt.
    expect((await inspect('table.csv', '证明材料/表.txt')).type).toBe('txt');
  });

  it('names the file, the reason and what to do, in Chinese', async () => {
    expect((await inspect('empty.pdf')).problem?.message).toBe('“证明材料/empty.pdf”是空文件（0 字节），专家看不到任何内容。请让联盟重新提供这个文件。');
    expect((await inspect('photo-named.pdf')).problem?.message).toMatch(/^“证明材料\/photo-named\.pdf”的扩展名是 \.pdf，但内容是JPEG 图片，与扩展名不符。.*请让联盟/);
    expect((await inspect('password.pdf')).problem?.message).toMatch(/^“证明材料\/password\.pdf”（PDF 文档）设了打开密码.*不加密的 PDF/);
    expect((await inspect('truncated.pdf')).problem?.message).toMatch(/^“证明材料\/truncated\.pdf”（PDF 文档）已损坏：文件不完整，缺少结尾。/);
    // An RTF letter is shown now (word-processor previews): no warning for it.
    expect((await inspect('letter.rtf')).problem).toBeNull();
  });

  it('a PDF cut short that pdf.js still opens is shown, with its pages, and warned as damaged', async () => {
    const bytes = new Uint8Array(readFileSync(resolve(fixtures, 'five-pages.pdf')));
    // Drop the end marker only: the cross-reference table is rebuilt, the file lacks its end.
    const cut = bytes.subarray(0, bytes.length - 7);
    const found = await inspectEvidence({ path: 'a.pdf', bytes: cut.slice(), size: cut.length });
    expect(found).toMatchObject({ type: 'pdf', pages: 5, viewable: true, problem: { code: 'damaged' } });
  });

  it('a file larger than what is kept is typed from its head and its pages are not counted', async () => {
    const found = await inspect('five-pages.pdf', '证明材料/大.pdf', { keep: 200 });
    expect(found).toMatchObject({ type: 'pdf', pages: null, viewable: true, problem: null });
  });

  it('a TIFF whose directory points outside the file is damaged', async () => {
    const bytes = new Uint8Array(readFileSync(resolve(fixtures, 'three-pages.tiff')));
    const cut = bytes.slice(0, 40);
    const found = await inspectEvidence({ path: 'scan.tiff', bytes: cut, size: cut.length });
    expect(found).toMatchObject({ type: 'tiff', pages: null, problem: { code: 'damaged' } });
  });
});
