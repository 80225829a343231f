/**
 * PDF failures in the expert's words: every kind of pdf.js error (by its name, as pdf.js
 * throws them: error objects whose `name` says the class) and our own checks of the bytes
 * become a Chinese message with something to do, and no English ever reaches the screen.
 */
import { describe, expect, it } from 'vitest';
import { notPdfKind, pdfMessage, pdfProblem, PdfOpenError, type PdfProblem } from '../../../renderer/src/evidence/pdf-error-message.ts';

function pdfjsError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, ...extra });
}

const ascii = (text: string) => new TextEncoder().encode(text);

describe('what went wrong with a PDF', () => {
  it('tells pdf.js errors apart by name', () => {
    expect(pdfProblem(pdfjsError('InvalidPDFException', 'Invalid PDF structure.'))).toEqual({ kind: 'damaged' });
    expect(pdfProblem(pdfjsError('MissingPDFException', 'Missing PDF "x".'))).toEqual({ kind: 'missing' });
    expect(pdfProblem(pdfjsError('ResponseException', 'Missing PDF', { status: 404, missing: true }))).toEqual({ kind: 'missing' });
    expect(pdfProblem(pdfjsError('ResponseException', 'Unexpected server response (500)', { status: 500, missing: false }))).toEqual({
      kind: 'read-failed',
      status: 500,
    });
    expect(pdfProblem(pdfjsError('UnexpectedResponseException', 'Unexpected server response (0)', { status: 0 }))).toEqual({
      kind: 'read-failed',
      status: null,
    });
    expect(pdfProblem(pdfjsError('PasswordException', 'No password given', { code: 1 }))).toEqual({ kind: 'password' });
    expect(pdfProblem(pdfjsError('UnknownErrorException', 'Something'))).toEqual({ kind: 'unknown' });
    expect(pdfProblem(new TypeError('Failed to fetch'))).toEqual({ kind: 'unknown' });
    expect(pdfProblem('a string')).toEqual({ kind: 'unknown' });
    expect(pdfProblem(null)).toEqual({ kind: 'unknown' });
    expect(pdfProblem(new PdfOpenError({ kind: 'empty' }))).toEqual({ kind: 'empty' });
  });

  it('recognises a file named .pdf that is a photo or an Office file, and leaves real PDFs alone', () => {
    expect(notPdfKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('PNG 图片');
    expect(notPdfKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('JPEG 图片');
    expect(notPdfKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toMatch(/^ZIP 压缩包/);
    expect(notPdfKind(ascii('%PDF-1.7\n%âãÏÓ'))).toBeNull();
    // pdf.js accepts a header after some junk; so do we.
    expect(notPdfKind(ascii('PK\u0003\u0004 junk then %PDF-1.4'))).toBeNull();
    // Not a known other kind: left to pdf.js, which reports it as damaged.
    expect(notPdfKind(ascii('hello'))).toBeNull();
  });

  const problems: PdfProblem[] = [
    { kind: 'empty' },
    { kind: 'not-pdf', actually: 'PNG 图片' },
    { kind: 'damaged' },
    { kind: 'missing' },
    { kind: 'read-failed', status: 500 },
    { kind: 'read-failed', status: null },
    { kind: 'password' },
    { kind: 'unknown' },
  ];

  it('says each in Chinese, with what the expert can do, in either shell', () => {
    for (const problem of problems) {
      for (const desktop of [true, false]) {
        const message = pdfMessage(problem, desktop);
        for (const text of [message.what, message.todo]) {
          expect(text).toMatch(/[\u4e00-\u9fff]/);
          // No English words (file kinds like PDF, PNG, ZIP, .docx are names, not English).
          expect(text.replace(/PDF|PNG|JPEG|ZIP|Word|Excel|\.docx|\.xlsx|\.pdf/g, '')).not.toMatch(/[A-Za-z]{3,}/);
        }
        expect(message.todo).toMatch(/会务人员|重新|密码/);
      }
    }
  });

  it('offers the system program only where it may help, by the shell', () => {
    expect(pdfMessage({ kind: 'damaged' }, true).todo).toContain('用系统程序打开');
    expect(pdfMessage({ kind: 'damaged' }, false).todo).toContain('桌面版');
    expect(pdfMessage({ kind: 'damaged' }, true).systemViewerHelps).toBe(true);
    expect(pdfMessage({ kind: 'empty' }, true).systemViewerHelps).toBe(false);
    expect(pdfMessage({ kind: 'not-pdf', actually: 'PNG 图片' }, true).what).toBe('这个文件名为 .pdf，但内容其实是PNG 图片，不是 PDF。');
    expect(pdfMessage({ kind: 'read-failed', status: 500 }, true).what).toBe('读取这个文件失败（500）。');
  });
});
