/**
 * PDF inspection in its resident capped worker: real PDFs are read there (one thread for
 * file after file), and one that outgrows the heap cap or the time limit is reported damaged
 * with the reason, never taking the process down.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPdfCapped } from '../../../electron/package-reader/inspect/capped-pdf-inspection.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name)));

describe('inspectPdfCapped', () => {
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
