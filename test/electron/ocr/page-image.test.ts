/**
 * Page pictures for OCR from PDFs made by real programs: a black-and-white (1 bit) scan, read
 * through pdf.js's image decoders, and a page with its own text, which needs no OCR.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrTask } from '../../../electron/ocr/ocr-task.ts';

const fixtures = resolve(import.meta.dirname, '../../fixtures/evidence');

describe('PDF pages for OCR', { timeout: 120_000 }, () => {
  it('reads a 1-bit scanned page', async () => {
    const result = await ocrTask({ op: 'page', source: { kind: 'pdf', file: resolve(fixtures, 'ocr/scanned-certificate-1bit.pdf') }, page: 1 });
    expect(result).toMatchObject({ op: 'page', source: 'ocr' });
    const text = result.op === 'page' ? result.lines.map((l) => l.text).join('\n') : '';
    for (const key of ['技术合同登记证明', '340104202600123']) expect(text).toContain(key);
  });

  it('does not OCR a page with its own text, and gives that text for the search', async () => {
    const source = { kind: 'pdf', file: resolve(fixtures, 'text.pdf') } as const;
    expect(await ocrTask({ op: 'page', source, page: 1 })).toMatchObject({ source: 'text-layer', lines: [] });
    expect(await ocrTask({ op: 'text', source, page: 1 })).toEqual({ op: 'text', page: 1, text: '技术合同登记证明\n合同编号：2026-001' });
  });
});
