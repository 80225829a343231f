/**
 * PDF inspection in its resident capped worker: real PDFs are read there (one thread for
 * file after file), and one that outgrows the heap cap or the time limit is reported damaged
 * with the reason, never taking the process down.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPdfCapped } from '../../../electron/package-reader/inspect/capped-pdf-inspection.ts';
import { MAX_RANGE_BYTES } from '../../../electron/package-reader/inspect/pdf-inspection.ts';
import { deterministicBytes } from '../../bench/deterministic-bytes.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name)));

describe('inspectPdfCapped', () => {
  const tempDir = useTempDir();

  it('reads a stored file by range, as the same bytes in memory', async () => {
    const file = join(tempDir(), 'five-pages.pdf');
    writeFileSync(file, fixture('five-pages.pdf'));
    expect(await inspectPdfCapped({ file, size: fixture('five-pages.pdf').length })).toEqual(await inspectPdfCapped(fixture('five-pages.pdf')));
  });

  it('reports damaged a stored file that pdf.js could open only by reading more than its budget, and reads the next file', async () => {
    // An object, and a startxref at the end that points at no cross-reference table: pdf.js
    // would rebuild the table from every byte of the file.
    const size = MAX_RANGE_BYTES + 8 * 1024 * 1024;
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), deterministicBytes('capped-pdf/broken-xref', size), Buffer.from('\nstartxref\n100\n%%EOF\n')]);
    const file = join(tempDir(), 'broken-xref.pdf');
    writeFileSync(file, bytes);
    expect(await inspectPdfCapped({ file, size: bytes.length })).toEqual({ kind: 'damaged', detail: '文件结构无法读取' });
    expect(await inspectPdfCapped(fixture('five-pages.pdf'))).toMatchObject({ kind: 'ok', pages: 5 });
  });

  it('counts pages and finds the text layer, file after file, and says when a password is needed', async () => {
    expect(await inspectPdfCapped(fixture('five-pages.pdf'))).toMatchObject({ kind: 'ok', pages: 5 });
    expect(await inspectPdfCapped(fixture('text.pdf'))).toMatchObject({ kind: 'ok', text: true });
    expect(await inspectPdfCapped(fixture('password.pdf'))).toEqual({ kind: 'password' });
    expect(await inspectPdfCapped(fixture('truncated.pdf'))).toMatchObject({ kind: expect.stringMatching(/ok|damaged/) });
  });

  it('reports a PDF whose reading outgrows the heap cap as damaged, saying why', async () => {
    expect(await inspectPdfCapped(fixture('five-pages.pdf'), { maxOldGenerationSizeMb: 8, timeoutMs: 60_000 })).toEqual({
      kind: 'damaged',
      detail: expect.stringMatching(/内存超过了上限|无法读取/),
    });
  });

  it('reports a PDF not read within the time limit as damaged, saying why', async () => {
    expect(await inspectPdfCapped(fixture('five-pages.pdf'), { maxOldGenerationSizeMb: 512, timeoutMs: 1 })).toEqual({
      kind: 'damaged',
      detail: expect.stringMatching(/秒内没能读完/),
    });
  });
});
