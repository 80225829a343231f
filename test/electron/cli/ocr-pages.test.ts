/**
 * `ocrPages` (electron/cli/evidence-text.ts): the pages of one file the cross-check command
 * reads with OCR, with the real engine in its capped worker on the committed scans
 * (test/fixtures/evidence/ocr/): only pages without their own text, a TIFF page by page, and a
 * file OCR cannot read reported and left without pages.
 */
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ocrPages } from '../../../electron/cli/evidence-text.ts';
import { OcrReader } from '../../../electron/ocr/read-ocr.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const fixture = (name: string): string => resolve(import.meta.dirname, '../../fixtures/evidence/ocr', name);
const tempDir = useTempDir('ocr-pages-');
// The real engine: seconds a page on a busy two-core machine.
const OCR_TIMEOUT = 120_000;

describe('ocrPages', () => {
  const reader = new OcrReader();
  afterAll(async () => {
    await reader.close();
  });

  it('reads only the scanned page of a partly scanned PDF, and not a page known to have its own text', async () => {
    const asked: string[] = [];
    const pages = await ocrPages(reader, 'pdf', fixture('partly-scanned.pdf'), { onPage: (page, of) => asked.push(`${page}/${of}`) });
    // Page 1 has a text layer: the worker looks at it and reads nothing.
    expect(pages.map((p) => p.page)).toEqual([2]);
    expect(pages[0]?.text).toContain('340104202600123');
    expect(asked).toEqual(['1/2', '2/2']);
    // Told page 1 has its own text (the features say so), it does not even ask for it.
    asked.length = 0;
    expect((await ocrPages(reader, 'pdf', fixture('partly-scanned.pdf'), { ownText: new Set([1]), onPage: (page, of) => asked.push(`${page}/${of}`) })).map((p) => p.page)).toEqual([2]);
    expect(asked).toEqual(['2/2']);
  }, OCR_TIMEOUT);

  it('reads a TIFF page by page from the pictures the viewer shows, and a photo as one page', async () => {
    // The page pictures are written beside the file, as in the command's spool folder.
    const tiff = join(tempDir(), 'scan.tiff');
    copyFileSync(fixture('certificate-pages.tiff'), tiff);
    const pages = await ocrPages(reader, 'tiff', tiff);
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(pages[0]?.text).toContain('附件');
    expect(pages[1]?.text).toContain('340104202600123');
    const photo = await ocrPages(reader, 'jpeg', fixture('certificate-exif-rotated.jpg'));
    expect(photo.map((p) => p.page)).toEqual([1]);
    expect(photo[0]?.text).toContain('技术合同登记证明');
  }, OCR_TIMEOUT);

  it('reports a file it cannot read within its caps and gives it no pages', async () => {
    await reader.close();
    // A reader with a cap no file can meet: counting the pages already runs out of time.
    const hurried = new OcrReader({ maxOldGenerationSizeMb: 256, timeoutMs: 1 });
    try {
      const refused: (number | null)[] = [];
      const codes: string[] = [];
      const pages = await ocrPages(hurried, 'pdf', fixture('scanned-certificate.pdf'), {
        onRefusal: (page, refusal) => {
          refused.push(page);
          codes.push(refusal.code);
        },
      });
      expect(pages).toEqual([]);
      expect(refused).toEqual([null]);
      expect(codes).toEqual(['ocr-timeout']);
    } finally {
      await hurried.close();
    }
  }, OCR_TIMEOUT);
});
