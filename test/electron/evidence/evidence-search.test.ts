/**
 * The evidence searches and 自动定位 in main, on fixtures made by real programs
 * (test/fixtures/evidence/find-page/make-fixtures.sh): a Chinese PDF with a text layer
 * (LibreOffice), its scan without one (pdftoppm + img2pdf) and the scan's OCR text as the OCR
 * store hands it over (scan-ocr.json, from pdftotext's word boxes), given through the seam.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageImportReports } from '../../../shared/api/job-results.ts';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { setTextSource } from '../../../electron/evidence/file-text.ts';
import { storedRendition } from '../../../electron/evidence/renditions.ts';
import type { PageText } from '../../../shared/evidence/page-text.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { manifest as packageManifest, packageFiles } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('evidence-search-');
const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'evidence', 'find-page');
const fixture = (name: string) => readFileSync(join(fixtures, name));
const scanOcr = JSON.parse(fixture('scan-ocr.json').toString('utf8')) as (PageText & { text: string })[];

async function importPackage(ctx: ServiceContext): Promise<number> {
  const root = tempDir();
  const manifest = packageManifest({
    claims: {
      'I4.techContracts': {
        items: [
          { id: 'HT-2026-021', title: '声学模型联合开发合同', date: '2026-08-01', evidence: ['证明材料/合同汇编.pdf'] },
          { id: 'tc-9', title: '扫描的许可合同', date: '2026-05-12', evidence: ['证明材料/合同扫描件.pdf'] },
        ],
      },
    },
  });
  packageFiles({
    'manifest.json': JSON.stringify(manifest),
    '自查报告.pdf': fixture('contracts.pdf'),
    '证明材料/合同汇编.pdf': fixture('contracts.pdf'),
    '证明材料/合同扫描件.pdf': fixture('scan.pdf'),
    '证明材料/说明.txt': '联盟办公室说明',
    '证明材料/加密.pdf': readFileSync(join(fixtures, '..', 'password.pdf')),
  }).writeFolder(root);
  const { jobId } = await call(ctx, 'package-import', { sources: [{ path: root }] });
  await ctx.jobs.idle();
  const id = packageImportReports(await call(ctx, 'job-status', { jobId }))[0]?.packageId;
  if (id === null || id === undefined) throw new Error('package not imported');
  return id;
}

function scanHash(ctx: ServiceContext, packageId: number): string {
  return ctx.db.prepare<[number], { sha256: string }>("SELECT sha256 FROM package_file WHERE package_id = ? AND path = '证明材料/合同扫描件.pdf'").get(packageId)!.sha256;
}

afterEach(() => setTextSource('ocr', null));

describe('searching one file', () => {
  it('finds words in a Chinese text layer, typed half-width, with a box where the text is', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    const found = await call(ctx, 'evidence-search', { packageId, path: '证明材料/合同汇编.pdf', query: '人民币120万元' });
    expect(found.source).toBe('text-layer');
    expect(found.hits.map((h) => h.page)).toEqual([2]);
    const [x0, y0, x1, y1] = found.hits[0]!.boxes[0]!;
    // Where poppler puts that line (scan-ocr.json is made from its boxes): the same band of the page.
    const line = scanOcr[1]!.lines.find((l) => l.text.startsWith('合同金额'))!;
    expect(y0).toBeLessThan(line.box![3]);
    expect(y1).toBeGreaterThan(line.box![1]);
    expect(x0).toBeGreaterThan(line.box![0]);
    expect(x1).toBeLessThanOrEqual(line.box![2] + 0.02);
    expect(found.hits[0]!.snippet.match).toBe('人民币１２０万元');

    // Every hit of a word on several pages, and the text layer kept once per file.
    const many = await call(ctx, 'evidence-search', { packageId, path: '证明材料/合同汇编.pdf', query: '合同编号' });
    expect(many.hits.map((h) => h.page)).toEqual([2, 3]);
    const sha = ctx.db.prepare<[], { sha256: string }>("SELECT sha256 FROM package_file WHERE path = '证明材料/合同汇编.pdf'").get()!.sha256;
    expect(storedRendition(ctx.dataDir, sha, { name: 'pdf-text', version: 1 })?.names).toEqual(['text.json']);
  });

  it('has nothing to search in a scan until OCR text is given, then finds it with the OCR boxes', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    const before = await call(ctx, 'evidence-search', { packageId, path: '证明材料/合同扫描件.pdf', query: '签订日期' });
    expect(before).toEqual({ source: null, noText: 'scan', hits: [], truncated: false });

    const sha = scanHash(ctx, packageId);
    setTextSource('ocr', (_ctx, file) => (file.sha256 === sha ? scanOcr : null));
    const after = await call(ctx, 'evidence-search', { packageId, path: '证明材料/合同扫描件.pdf', query: '签订日期' });
    expect(after.source).toBe('ocr');
    expect(after.hits.map((h) => h.page)).toEqual([2, 3]);
    const line = scanOcr[2]!.lines.find((l) => l.text.startsWith('签订日期'))!;
    expect(after.hits[1]!.boxes[0]![1]).toBe(line.box![1]);
    expect(after.hits[1]!.boxes[0]![0]).toBe(line.box![0]);
  });

  it('searches a partly scanned PDF in its text layer and, on its scanned pages, in the OCR text, saying which pages OCR read', async () => {
    const ctx = testContext(tempDir());
    const root = tempDir();
    const evidence = '证明材料/合同及付款凭证.pdf';
    packageFiles({
      'manifest.json': JSON.stringify(packageManifest({ claims: { 'I1.office': { claimed: true, evidence: [evidence] } } })),
      '自查报告.pdf': fixture('contracts.pdf'),
      [evidence]: fixture('partly-scanned.pdf'),
    }).writeFolder(root);
    const { jobId } = await call(ctx, 'package-import', { sources: [{ path: root }] });
    await ctx.jobs.idle();
    const packageId = packageImportReports(await call(ctx, 'job-status', { jobId }))[0]!.packageId!;
    const sha = ctx.db.prepare<[number, string], string>('SELECT sha256 FROM package_file WHERE package_id = ? AND path = ?').pluck().get(packageId, evidence)!;
    const search = (query: string) => call(ctx, 'evidence-search', { packageId, path: evidence, query });

    // Before OCR: the text layer's pages only (the scanned pages 3 and 4 hold 签订日期 and 付款凭证's amount).
    expect((await search('签订日期')).hits.map((h) => h.page)).toEqual([2]);
    expect((await search('1,200,000')).hits).toEqual([]);
    // OCR stores only the pages without text of their own (ocr-task.ts).
    setTextSource('ocr', (_ctx, file) => (file.sha256 === sha ? scanOcr.filter((p) => p.page >= 3) : null));
    const dated = await search('签订日期');
    expect(dated.source).toBe('text-layer');
    expect(dated.ocrPages).toEqual([3, 4]);
    expect(dated.hits.map((h) => h.page)).toEqual([2, 3]);
    const paid = await search('1,200,000');
    expect(paid.hits.map((h) => h.page)).toEqual([4]);
    const line = scanOcr[3]!.lines.find((l) => l.text.includes('1,200,000'))!;
    expect(paid.hits[0]!.boxes[0]![1]).toBe(line.box![1]);
    // The text layer's pages keep their own text: OCR never stands in for a page that has it.
    expect((await search('目录')).hits.map((h) => h.page)).toEqual([1]);
    const everywhere = await call(ctx, 'package-search', { packageId, query: '付款日期' });
    expect(everywhere.files.map((f) => [f.path, f.hits.map((h) => h.page)])).toEqual([
      ['自查报告.pdf', [4]],
      [evidence, [4]],
    ]);
  });

  it('says why a PDF has no text: an open password', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    expect(await call(ctx, 'evidence-search', { packageId, path: '证明材料/加密.pdf', query: '合同' })).toEqual({ source: null, noText: 'password', hits: [], truncated: false });
  });

  it('refuses a path the package does not have', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    await expect(call(ctx, 'evidence-search', { packageId, path: '../alliance-review.sqlite', query: '合同' })).rejects.toThrow(/^evidence-not-found/);
  });
});

describe('searching every file of the package', () => {
  it('lists hits by file and page, and names the files it could not search', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    const sha = scanHash(ctx, packageId);
    setTextSource('ocr', (_ctx, file) => (file.sha256 === sha ? scanOcr : null));
    const found = await call(ctx, 'package-search', { packageId, query: '许可 合同' });
    expect(found.files.map((f) => [f.path, f.hits.map((h) => h.page), f.total])).toEqual([
      ['自查报告.pdf', [1, 2], 2],
      ['证明材料/合同扫描件.pdf', [1, 2], 2],
      ['证明材料/合同汇编.pdf', [1, 2], 2],
    ]);
    expect(found.files[0]!.paged).toBe(true);
    expect(found.files[0]!.hits[1]!.snippet).toEqual({ before: '语音识别技术', match: '许可合同', after: '合同编号：HT-2026-015 甲…' });
    // The text file is searched by its own text (the app gives that source when its context is made).
    expect(found.unsearchable).toEqual(['证明材料/加密.pdf']);
    const office = await call(ctx, 'package-search', { packageId, query: '办公室说明' });
    expect(office.files.map((f) => [f.path, f.hits.map((h) => h.page)])).toEqual([['证明材料/说明.txt', [1]]]);
  });
});

describe('自动定位', () => {
  it('finds the page the item’s fields point to in the text layer, and in OCR text', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    const item = { id: 'HT-2026-021', title: '声学模型联合开发合同', date: '2026-08-01', amountWan: 85.5 };
    expect(await call(ctx, 'evidence-locate', { packageId, path: '证明材料/合同汇编.pdf', item })).toEqual({ page: 3, found: ['title', 'id', 'date', 'amount'] });
    // The payment page (its date written with slashes, the amount in 元), not the contract of the same date and amount.
    expect(await call(ctx, 'evidence-locate', { packageId, path: '证明材料/合同汇编.pdf', item: { title: '付款凭证', date: '2026-05-12', amountWan: 120 } })).toEqual({
      page: 4,
      found: ['title', 'date', 'amount'],
    });
    // Without the title: the first page with both (the contract, 2026年5月12日 and １２０万元).
    expect(await call(ctx, 'evidence-locate', { packageId, path: '证明材料/合同汇编.pdf', item: { title: '别的', date: '2026-05-12', amountWan: 120 } })).toEqual({
      page: 2,
      found: ['date', 'amount'],
    });
    expect(await call(ctx, 'evidence-locate', { packageId, path: '证明材料/合同汇编.pdf', item: { title: '不在其中的合同' } })).toEqual({ page: null, found: [] });

    expect(await call(ctx, 'evidence-locate', { packageId, path: '证明材料/合同扫描件.pdf', item })).toEqual({ page: null, found: [] });
    const sha = scanHash(ctx, packageId);
    setTextSource('ocr', (_ctx, file) => (file.sha256 === sha ? scanOcr : null));
    expect((await call(ctx, 'evidence-locate', { packageId, path: '证明材料/合同扫描件.pdf', item })).page).toBe(3);
  });

  it('does not locate in a file without pages', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    expect(await call(ctx, 'evidence-locate', { packageId, path: '证明材料/说明.txt', item: { title: '联盟办公室说明' } })).toEqual({ page: null, found: [] });
  });
});
