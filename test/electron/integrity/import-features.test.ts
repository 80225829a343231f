/**
 * The import's reading of large files: a file larger than the reader holds in memory
 * (`maxHeldBytes`) reaches the inspection as its head and its staged copy on disk, never as
 * its whole bytes, and the inspection and the cross-check features read from that copy are
 * the same as those read from the whole bytes in memory. Real PDFs (pdfkit, an image and a
 * text layer on every page), one cut short, one with bytes after its end, and random bytes
 * behind a PDF head, in a real zip
 * read through the importer's own path (staging, importFeatures).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvidenceInspection } from '../../../shared/evidence/evidence-inspection.ts';
import { createEvidenceStaging } from '../../../electron/evidence/evidence-staging.ts';
import { closeFileFeatures, readFileFeatures } from '../../../electron/integrity/file-features.ts';
import { importFeatures } from '../../../electron/integrity/import-features.ts';
import { checkPackage } from '../../../electron/package-reader/check-package.ts';
import { inspectEvidence } from '../../../electron/package-reader/inspect-evidence.ts';
import { defaultLimits } from '../../../electron/package-reader/limits.ts';
import { deterministicBytes } from '../../bench/deterministic-bytes.ts';
import { bigScanPdf } from '../../helpers/big-scan-pdf.ts';
import { alliancePackage } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const MiB = 1024 * 1024;

describe('import of files larger than the reader holds', () => {
  const tempDir = useTempDir();

  it('inspects them from the staged copy, holding only their head, with the same result as from the whole bytes', { timeout: 120_000 }, async () => {
    // 180 pages of about 110 KB each: about 20 MB, above the 16 MiB the reader holds.
    const scan = await bigScanPdf(180);
    expect(scan.length).toBeGreaterThan(defaultLimits.maxHeldBytes);
    const cut = scan.subarray(0, scan.length - 300_000);
    // Bytes after the end, as a broken copy leaves them: pdf.js must look 1.5 MB back for startxref.
    const trailing = Buffer.concat([scan, deterministicBytes('import-features/trailing', 1_500_000)]);
    const random = Buffer.concat([Buffer.from('%PDF-1.7\n'), deterministicBytes('import-features/random', 20 * MiB)]);
    const files = { '证明材料/扫描件.pdf': scan, '证明材料/不完整.pdf': cut, '证明材料/尾部多余.pdf': trailing, '证明材料/随机.pdf': random };
    const zip = await alliancePackage().with(files).writeZip(join(tempDir(), 'package.zip'));

    const staging = createEvidenceStaging(tempDir());
    const features = importFeatures(() => false);
    const seen = new Map<string, { held: number; onDisk: boolean; inspection: EvidenceInspection }>();
    try {
      const checked = await checkPackage(zip, {
        openFile: () => staging.sink(),
        inspectFile: async (input, file) => {
          const inspection = await features.inspectFile(input, file);
          seen.set(input.path, { held: input.bytes.length, onDisk: input.file !== undefined, inspection });
          return inspection;
        },
      });
      expect(checked.reading.files.map((f) => f.path)).toEqual(expect.arrayContaining(Object.keys(files)));
      const read = await features.done();

      for (const [path, bytes] of Object.entries(files)) {
        const got = seen.get(path);
        expect(got, path).toMatchObject({ onDisk: true });
        expect(got?.held, path).toBeLessThanOrEqual(64 * 1024);
        // The same bytes inspected whole in memory, as the reader did before it held only heads.
        expect(got?.inspection, path).toEqual(await inspectEvidence({ path, bytes: new Uint8Array(bytes), size: bytes.length }));
      }
      expect(seen.get('证明材料/扫描件.pdf')?.inspection).toMatchObject({ type: 'pdf', pages: 180, viewable: true, problem: null, text: 'document' });
      // pdfkit writes the page tree last: cut short, the file does not open, from memory or not.
      expect(seen.get('证明材料/不完整.pdf')?.inspection).toMatchObject({ type: 'pdf', pages: null, viewable: false, problem: { code: 'damaged' } });
      expect(seen.get('证明材料/尾部多余.pdf')?.inspection).toMatchObject({ type: 'pdf', pages: 180, viewable: true, problem: { code: 'damaged' } });
      expect(seen.get('证明材料/随机.pdf')?.inspection).toMatchObject({ type: 'pdf', pages: null, viewable: false, problem: { code: 'damaged' } });

      const scanFeatures = [...read.values()].find((f) => f.pageCount === 180);
      expect(scanFeatures?.pages).toHaveLength(180);
      expect(scanFeatures).toEqual(await readFileFeatures(new Uint8Array(scan), 'pdf'));
    } finally {
      staging.discard();
      await closeFileFeatures();
    }
  });
});
