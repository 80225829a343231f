/**
 * The background OCR queue on a real store: packages imported for real, the real engine in
 * its capped worker, results read back by evidence hash. Few pages, so the test stays fast.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { importPackage } from '../../../electron/package-store/import-packages.ts';
import { OcrQueue } from '../../../electron/ocr/ocr-queue.ts';
import { ocrPageTexts, packageOcrProgress } from '../../../electron/ocr/ocr-store.ts';
import { giveTextSources } from '../../../electron/app/text-sources.ts';
import { searchFile, searchPackage } from '../../../electron/evidence/evidence-search.ts';
import { listedZipScanMembers } from '../../../electron/evidence/zip/zip-scan-members.ts';
import { storedZipMember } from '../../../electron/evidence/zip/zip-member-file.ts';
import { OcrReader } from '../../../electron/ocr/read-ocr.ts';
import type { OcrSource } from '../../../electron/ocr/ocr-task.ts';
import { testContext } from '../../helpers/context.ts';
import { alliancePackage, manifest } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const fixtures = resolve(import.meta.dirname, '../../fixtures/evidence/ocr');
const scan = readFileSync(join(fixtures, 'scanned-certificate.pdf'));
const turned = readFileSync(join(fixtures, 'certificate-exif-rotated.jpg'));
// A zip (made by Info-ZIP, see make-fixtures.sh) holding a copy of the scanned PDF and a text file.
const scansZip = readFileSync(join(fixtures, 'scans.zip'));
const memberPath = '证明材料/扫描件.zip/扫描件/技术合同登记证明.pdf';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The real reader, counting the pages it is asked to read (in order). */
class CountingReader extends OcrReader {
  readonly asked: string[] = [];
  override page(source: OcrSource, page: number) {
    this.asked.push(`${'file' in source ? source.file.slice(-64) : ''}#${page}`);
    return super.page(source, page);
  }
}

// The real engine: seconds a page on a busy two-core machine.
describe('OcrQueue', { timeout: 120_000 }, () => {
  const tempDir = useTempDir();
  const open: { ctx: ServiceContext; queue: OcrQueue }[] = [];
  afterEach(async () => {
    for (const { ctx, queue } of open.splice(0)) {
      await queue.stop();
      ctx.close();
    }
  });

  async function setup(reader = new CountingReader()) {
    const ctx = testContext(tempDir());
    const queue = new OcrQueue({ db: () => ctx.db, dataDir: ctx.dataDir, now: ctx.now, run: true, reader });
    open.push({ ctx, queue });
    const files = alliancePackage().with('成果转化/技术合同1.pdf', scan).with('证明/登记证明照片.jpg', turned);
    const report = await importPackage(ctx, { path: files.writeFolder(join(tempDir(), 'pkg')), name: 'pkg', uploadId: null });
    expect(report.outcome).toBe('imported');
    return { ctx, queue, reader };
  }

  it('reads a scanned PDF and a photo turned by its EXIF tag, and keeps pages with boxes on the page as shown', async () => {
    const { ctx, queue } = await setup();
    queue.wake();
    await queue.idle();
    for (const bytes of [scan, turned]) {
      const pages = ocrPageTexts(ctx.db, sha256(bytes));
      expect(pages).toHaveLength(1);
      const [page] = pages!;
      for (const key of ['技术合同登记证明', '340104202600123', '2026年3月18日']) expect(page!.text).toContain(key);
      for (const line of page!.lines) {
        const [x0, y0, x1, y1] = line.box;
        expect(0 <= x0 && x0 < x1 && x1 <= 1 && 0 <= y0 && y0 < y1 && y1 <= 1, JSON.stringify(line)).toBe(true);
      }
      // The title is at the top of the certificate as it is shown, not at a side.
      const title = page!.lines.find((l) => l.text.includes('技术合同登记证明'))!;
      expect(title.box[1]).toBeLessThan(0.3);
      expect(title.box[2] - title.box[0]).toBeGreaterThan(title.box[3] - title.box[1]);
    }
    const [progress] = packageOcrProgress(ctx.db);
    expect(progress).toMatchObject({ filesUncounted: 0 });
    expect(progress!.pagesDone).toBe(progress!.pagesTotal);
    // A file never read by OCR has no result.
    expect(ocrPageTexts(ctx.db, sha256(Buffer.from('missing')))).toBeNull();
  });

  it('reads a file in two packages once, and after a restart only the page not yet stored', async () => {
    const { ctx, queue, reader } = await setup();
    queue.wake();
    await queue.idle();
    const other = alliancePackage(manifest({ alliance: { id: 'HFA-099' } })).with('成果转化/技术合同1.pdf', scan);
    const report = await importPackage(ctx, { path: other.writeFolder(join(tempDir(), 'other')), name: 'other', uploadId: null });
    expect(report.outcome).toBe('imported');
    queue.wake();
    await queue.idle();
    // The other package's own files are read; the shared scan is not read a second time.
    expect(reader.asked.filter((a) => a.startsWith(sha256(scan)))).toEqual([`${sha256(scan)}#1`]);
    expect(packageOcrProgress(ctx.db)).toHaveLength(2);

    // As if the app had stopped before storing the photo's page: the app is closed and started
    // again on its data folder (the store reopened), and the new queue reads only that page.
    ctx.db.prepare('DELETE FROM ocr_page WHERE sha256 = ?').run(sha256(turned));
    await queue.stop();
    ctx.close();
    open.splice(open.findIndex((o) => o.ctx === ctx), 1);
    const reopened = testContext(ctx.dataDir);
    const again = new CountingReader();
    const restarted = new OcrQueue({ db: () => reopened.db, dataDir: reopened.dataDir, now: reopened.now, run: true, reader: again });
    open.push({ ctx: reopened, queue: restarted });
    restarted.wake();
    await restarted.idle();
    expect(again.asked).toEqual([`${sha256(turned)}#1`]);
    expect(ocrPageTexts(reopened.db, sha256(turned))?.[0]?.text).toContain('340104202600123');
  });

  it('reads the file put first before the others', async () => {
    const { queue, reader } = await setup();
    // Files of one import are queued in hash order: put first the one that would come later.
    const [earlier, later] = [sha256(scan), sha256(turned)].sort();
    queue.putFirst(later!);
    await queue.idle();
    expect(reader.asked[0]).toBe(`${later}#1`);
    expect(reader.asked).toContain(`${earlier}#1`);
  });

  it('refuses a file it cannot open within the cap and does not try it again', async () => {
    const { ctx, queue } = await setup(new CountingReader({ maxOldGenerationSizeMb: 256, timeoutMs: 1 }));
    queue.wake();
    await queue.idle();
    const refused = ctx.db.prepare("SELECT count(*) FROM ocr_file WHERE refusal = 'ocr-timeout'").pluck().get() as number;
    expect(refused).toBeGreaterThanOrEqual(2);
    expect(ocrPageTexts(ctx.db, sha256(scan))).toBeNull();
  });

  it('reads a scan inside a zip by its own hash, once with the same scan loose, counts it and finds its words', async () => {
    giveTextSources();
    const { ctx, queue, reader } = await setup();
    const zipped = alliancePackage(manifest({ alliance: { id: 'HFA-098' } })).with('证明材料/扫描件.zip', scansZip);
    const report = await importPackage(ctx, { path: zipped.writeFolder(join(tempDir(), 'zipped')), name: 'zipped', uploadId: null });
    expect(report.outcome).toBe('imported');
    queue.wake();
    await queue.idle();
    // The zip's PDF is the loose scan's bytes: one reading serves both packages.
    expect(reader.asked.filter((a) => a.startsWith(sha256(scan)))).toEqual([`${sha256(scan)}#1`]);
    expect(ocrPageTexts(ctx.db, sha256(scan))?.[0]?.text).toContain('340104202600123');
    const zipSha = sha256(scansZip);
    expect(listedZipScanMembers(ctx.dataDir, zipSha)).toEqual([{ path: '扫描件/技术合同登记证明.pdf', sha256: sha256(scan), type: 'pdf' }]);
    // The member's bytes are kept in the store's renditions, by their own hash.
    expect(storedZipMember(ctx.dataDir, sha256(scan))).toBe(join(ctx.dataDir, 'renditions', sha256(scan).slice(0, 2), sha256(scan), 'zip-member-v1', 'file.pdf'));
    const packageId = report.packageId!;
    const members = (s: string) => listedZipScanMembers(ctx.dataDir, s).map((m) => m.sha256);
    const withMembers = packageOcrProgress(ctx.db, members).find((p) => p.packageId === packageId)!;
    const without = packageOcrProgress(ctx.db).find((p) => p.packageId === packageId);
    expect(withMembers.pagesTotal).toBe((without?.pagesTotal ?? 0) + 1);
    expect(withMembers.pagesDone).toBe(withMembers.pagesTotal);

    const found = await searchPackage(ctx, packageId, '340104202600123');
    expect(found.files.map((f) => [f.path, f.paged, f.hits[0]?.page])).toContainEqual([memberPath, true, 1]);
    expect(found.unsearchable).not.toContain('证明材料/扫描件.zip');
    const inFile = await searchFile(ctx, packageId, memberPath, '登记编号');
    expect(inFile.source).toBe('ocr');
    expect(inFile.hits[0]?.page).toBe(1);
  });

  it('reads the scans of a zip an earlier version looked at as a file with nothing to read', async () => {
    const ctx = testContext(tempDir());
    const queue = new OcrQueue({ db: () => ctx.db, dataDir: ctx.dataDir, now: ctx.now, run: true, reader: new CountingReader() });
    open.push({ ctx, queue });
    const zipped = alliancePackage().with('证明材料/扫描件.zip', scansZip);
    const report = await importPackage(ctx, { path: zipped.writeFolder(join(tempDir(), 'zipped')), name: 'zipped', uploadId: null });
    expect(report.outcome).toBe('imported');
    // As the store of an earlier version holds it: the zip looked at, 0 pages, its scan unknown.
    ctx.db.prepare("INSERT INTO ocr_file (sha256, pages, refusal, queued_at) VALUES (?, 0, NULL, '2026-01-01T00:00:00.000Z')").run(sha256(scansZip));
    queue.wake();
    await queue.idle();
    expect(ocrPageTexts(ctx.db, sha256(scan))?.[0]?.text).toContain('340104202600123');
  });
});
