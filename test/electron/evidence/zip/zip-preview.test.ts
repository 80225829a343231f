/**
 * Zips inside a package, text files and OFD through the real `evidence-preview` handler, on a
 * real imported package (a real SQLite file and store): the member list of a zip made as Chinese
 * Windows makes it (GBK names), and each member opened by `<zip path>/<member path>`.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageImportReports } from '../../../../shared/api/job-results.ts';
import type { ServiceContext } from '../../../../electron/app/context.ts';
import { renditionFile } from '../../../../electron/evidence/renditions.ts';
import { call } from '../../../helpers/call.ts';
import { testContext } from '../../../helpers/context.ts';
import { manifest as packageManifest, packageFiles } from '../../../helpers/package-builder.ts';
import { useTempDir } from '../../../helpers/temp-dir.ts';

const tempDir = useTempDir('zip-preview-');
const fixtures = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'evidence');
const fixture = (name: string) => readFileSync(join(fixtures, name));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const filesUnder = (dir: string): string[] => (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));

async function importPackage(ctx: ServiceContext): Promise<number> {
  const root = tempDir();
  const manifest = packageManifest({
    claims: { 'I1.office': { claimed: true, evidence: ['证明材料/附件.zip', '证明材料/说明.txt', '证明材料/电子发票.ofd'] } },
    selfReport: '证明材料/说明.txt',
  });
  packageFiles([
    ['manifest.json', JSON.stringify(manifest)],
    ['证明材料/附件.zip', fixture('zip-text/bundle-gbk.zip')],
    ['证明材料/说明.txt', fixture('zip-text/note-gbk.txt')],
    ['证明材料/电子发票.ofd', fixture('ofd/invoice.ofd')],
  ]).writeFolder(root);
  const { jobId } = await call(ctx, 'package-import', { sources: [{ path: root }] });
  await ctx.jobs.idle();
  // The queue woken by the import lists the zip's scans (and keeps them in the store) even with
  // OCR off: let it finish, so the files a test sees written are the preview's own.
  await ctx.ocr.idle();
  const status = await call(ctx, 'job-status', { jobId });
  const id = packageImportReports(status)[0]?.packageId;
  if (id === null || id === undefined) throw new Error(JSON.stringify(status.results));
  return id;
}

describe('a zip inside the package', () => {
  it('lists its members with GBK names decoded, their sizes, types by content and whether they open', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    const preview = await call(ctx, 'evidence-preview', { packageId, path: '证明材料/附件.zip' });
    expect(preview).toEqual({
      kind: 'zip',
      notice: null,
      members: [
        { path: '合同.pdf', size: fixture('five-pages.pdf').length, type: 'pdf', viewable: true, problem: null },
        { path: '说明.txt', size: fixture('zip-text/note-gbk.txt').length, type: 'txt', viewable: true, problem: null },
        { path: '照片/现场.jpg', size: fixture('photo.jpg').length, type: 'jpeg', viewable: true, problem: null },
        { path: '电子发票.ofd', size: fixture('ofd/invoice.ofd').length, type: 'ofd', viewable: true, problem: null },
        { path: '内层.zip', size: expect.any(Number) as number, type: 'zip', viewable: false, problem: expect.stringContaining('压缩包里的压缩包只列出，不打开') as string },
      ],
    });
  });

  it('opens a PDF member from a rendition holding exactly its bytes, never a file outside the store', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    const packageId = await importPackage(ctx);
    const pdf = fixture('five-pages.pdf');
    const before = new Set(filesUnder(dataDir));
    const preview = await call(ctx, 'evidence-preview', { packageId, path: '证明材料/附件.zip/合同.pdf' });
    // The one file written, if any, is the rendition: the OCR queue may have kept this scan member
    // already after the import. Nothing of the zip was unpacked anywhere else.
    const rendition = join('renditions', sha256(pdf).slice(0, 2), sha256(pdf), 'zip-member-v1', 'file.pdf');
    const added = filesUnder(dataDir).filter((f) => !before.has(f) && !/\.sqlite(-wal|-shm)?$/.test(f));
    expect(added.filter((f) => f !== rendition)).toEqual([]);
    expect(filesUnder(dataDir)).toContain(rendition);
    expect(preview).toEqual({ kind: 'file', type: 'pdf', sha256: sha256(pdf), file: { sha256: sha256(pdf), converter: 'zip-member-v1', name: 'file.pdf' } });
    const served = renditionFile(dataDir, sha256(pdf), 'zip-member-v1', 'file.pdf');
    expect(served).not.toBeNull();
    expect(readFileSync(served!).equals(pdf)).toBe(true);
    const photo = await call(ctx, 'evidence-preview', { packageId, path: '证明材料/附件.zip/照片/现场.jpg' });
    expect(photo).toMatchObject({ kind: 'file', type: 'image', file: { name: 'file.jpg' } });
  });

  it('opens a GBK text member and an OFD member through their previewers', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    const text = await call(ctx, 'evidence-preview', { packageId, path: '证明材料/附件.zip/说明.txt' });
    expect(text).toMatchObject({ kind: 'text', encoding: 'gb18030', lines: ['技术合同登记证明', '合同编号：2026-001', '成交金额：￥12,345.68', '登记机构：合肥市科学技术局'] });
    const ofd = await call(ctx, 'evidence-preview', { packageId, path: '证明材料/附件.zip/电子发票.ofd' });
    expect(ofd).toMatchObject({ kind: 'pages', paged: true, pages: [{ image: { sha256: sha256(fixture('ofd/invoice.ofd')), name: 'page-1.svg' } }, { image: { name: 'page-2.svg' } }] });
  });

  it('refuses a zip in the zip, a member it does not have, and a path that escapes nothing', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    await expect(call(ctx, 'evidence-preview', { packageId, path: '证明材料/附件.zip/内层.zip' })).rejects.toThrow(/^preview-refused.*压缩包里的压缩包只列出/);
    await expect(call(ctx, 'evidence-preview', { packageId, path: '证明材料/附件.zip/没有.pdf' })).rejects.toThrow(/^evidence-not-found.*压缩包“证明材料\/附件.zip”里没有文件 没有.pdf/);
    await expect(call(ctx, 'evidence-preview', { packageId, path: '证明材料/附件.zip/内层.zip/a.txt' })).rejects.toThrow(/^evidence-not-found/);
    await expect(call(ctx, 'evidence-preview', { packageId, path: '证明材料/附件.zip/../说明.txt' })).rejects.toThrow(/^evidence-not-found/);
    // An OFD is a zip too, but a document: its parts are not members.
    await expect(call(ctx, 'evidence-preview', { packageId, path: '证明材料/电子发票.ofd/OFD.xml' })).rejects.toThrow(/^evidence-not-found.*是文档，不是压缩包/);
  });
});

describe('a zip bomb inside the package', () => {
  it('lists the member compressed past the ratio limit with why, and never inflates it', async () => {
    const work = tempDir();
    const bomb = join(work, 'bomb.zip');
    await packageFiles([
      ['zeros.txt', new Uint8Array(4 * 1024 * 1024)],
      ['说明.txt', '正常的文件'],
    ]).writeZip(bomb, { compress: true });
    const root = tempDir();
    packageFiles([
      ['manifest.json', JSON.stringify(packageManifest({ claims: { 'I1.office': { claimed: true, evidence: ['附件.zip'] } }, selfReport: '自查报告.txt' }))],
      ['自查报告.txt', '自查报告'],
      ['附件.zip', readFileSync(bomb)],
    ]).writeFolder(root);
    const ctx = testContext(tempDir());
    const { jobId } = await call(ctx, 'package-import', { sources: [{ path: root }] });
    await ctx.jobs.idle();
    const packageId = packageImportReports(await call(ctx, 'job-status', { jobId }))[0]!.packageId!;
    const preview = await call(ctx, 'evidence-preview', { packageId, path: '附件.zip' });
    expect(preview).toEqual({
      kind: 'zip',
      notice: null,
      members: [
        { path: 'zeros.txt', size: 4 * 1024 * 1024, type: null, viewable: false, problem: '压缩比超过了 200:1，是“压缩炸弹”的特征，不打开。' },
        { path: '说明.txt', size: Buffer.byteLength('正常的文件'), type: 'txt', viewable: true, problem: null },
      ],
    });
    await expect(call(ctx, 'evidence-preview', { packageId, path: '附件.zip/zeros.txt' })).rejects.toThrow(/^preview-refused.*压缩比超过了 200:1/);
    expect(await call(ctx, 'evidence-preview', { packageId, path: '附件.zip/说明.txt' })).toMatchObject({ kind: 'text', lines: ['正常的文件'] });
  });
});

describe('text and OFD files of the package', () => {
  it('shows a GBK text with its encoding and an OFD as numbered SVG pages', async () => {
    const ctx = testContext(tempDir());
    const packageId = await importPackage(ctx);
    expect(await call(ctx, 'evidence-preview', { packageId, path: '证明材料/说明.txt' })).toMatchObject({ kind: 'text', encoding: 'gb18030', truncated: false });
    const ofd = await call(ctx, 'evidence-preview', { packageId, path: '证明材料/电子发票.ofd' });
    expect(ofd).toMatchObject({ kind: 'pages', paged: true, notice: null });
    expect(ofd.kind === 'pages' && ofd.pages.map((p) => p.image.name)).toEqual(['page-1.svg', 'page-2.svg']);
  });
});
