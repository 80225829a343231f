/**
 * Files experts will not be able to see, warned per file in the clerk's import report and by
 * `validate` and `evidence` (the real CLI), each named by its path in the package with the reason:
 * an empty file, a PDF with an open password (made by qpdf), a file of a format the program cannot show,
 * and a TIFF scan too large for the viewer to convert (written by sharp, uncompressed).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { importPackage } from '../../../electron/package-store/import-packages.ts';
import { receiveUpload, uploadPath } from '../../../electron/package-store/incoming.ts';
import { maxPreviewBytes } from '../../../shared/evidence/evidence-type.ts';
import { minimalPdf } from '../../helpers/evidence-bytes.ts';
import { testContext } from '../../helpers/context.ts';
import { manifest, packageFiles } from '../../helpers/package-builder.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('unviewable-warnings-');
const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name));

async function writePackage(): Promise<{ path: string; tiffBytes: number }> {
  // 3600 × 3600 RGB without compression: about 37 MiB, as a scanner's colour scan at 300 dpi;
  // noise, as paper has, so the zip does not shrink it past the importer's compression-ratio limit.
  const tiff = await sharp({ create: { width: 3600, height: 3600, channels: 3, background: '#fafaf5', noise: { type: 'gaussian', mean: 200, sigma: 30 } } })
    .tiff({ compression: 'none' })
    .toBuffer();
  const evidence: Record<string, Uint8Array> = {
    '证明材料/空白.pdf': Buffer.alloc(0),
    '证明材料/审计报告（加密）.pdf': fixture('password.pdf'),
    '证明材料/成员名单.dat': fixture('unknown.bin'),
    '证明材料/大幅扫描件.tiff': tiff,
    '证明材料/合同.pdf': minimalPdf('合同'),
  };
  const m = manifest({ claims: { 'I1.office': { claimed: true, evidence: Object.keys(evidence) } } });
  const path = join(tempDir(), 'HFA-012.zip');
  await packageFiles([['manifest.json', JSON.stringify(m, null, 2)], ['自查报告.pdf', minimalPdf('自查报告')], ...Object.entries(evidence)]).writeZip(path);
  return { path, tiffBytes: tiff.length };
}

describe('files experts will not be able to see', () => {
  it('are warned one by one in the clerk’s import report, by validate and by evidence, each with its reason', async () => {
    const { path, tiffBytes } = await writePackage();
    expect(tiffBytes).toBeGreaterThan(maxPreviewBytes);
    const ctx = testContext(tempDir());
    const id = await receiveUpload(ctx.dataDir, Readable.from([readFileSync(path)]));
    const report = await importPackage(ctx, { path: uploadPath(ctx.dataDir, id), name: 'HFA-012 智能语音联盟.zip', uploadId: id });
    expect(report.outcome, JSON.stringify(report.problems)).toBe('imported');
    const unviewable = report.problems.filter((p) => p.code === 'file-not-viewable');
    expect(unviewable.map((p) => [p.severity, p.path])).toEqual([
      ['warning', '证明材料/空白.pdf'],
      ['warning', '证明材料/审计报告（加密）.pdf'],
      ['warning', '证明材料/成员名单.dat'],
      ['warning', '证明材料/大幅扫描件.tiff'],
    ]);
    const said = Object.fromEntries(unviewable.map((p) => [p.path, p.message]));
    expect(said['证明材料/大幅扫描件.tiff']).toMatch(/有 3\d\.\d MB，超过评审界面能显示的 30\.0 MB/u);
    expect(said['证明材料/审计报告（加密）.pdf']).toContain('密码');
    expect(said['证明材料/空白.pdf']).toContain('空文件');
    expect(said['证明材料/成员名单.dat']).toContain('不能显示');
    // The clerk's words: no codes or field paths in what the report shows.
    for (const p of unviewable) expect(p.message).not.toMatch(/file-not-viewable|claims\.|manifest\.json/u);
    ctx.close();

    const validate = runCli(['validate', path]);
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout.split('\n').filter((l) => l.includes('[file-not-viewable]'))).toHaveLength(4);

    const listed = runCli(['evidence', path, '--json', '--no-ocr']);
    expect(listed.status, listed.stderr).toBe(0);
    const files = (JSON.parse(listed.stdout) as { files: { path: string; type: string; viewable: boolean; problem: { code: string } | null }[] }).files;
    const scan = files.find((f) => f.path === '证明材料/大幅扫描件.tiff');
    expect(scan).toMatchObject({ type: 'tiff', viewable: false, problem: { code: 'too-large' } });
    expect(files.find((f) => f.path === '证明材料/合同.pdf')).toMatchObject({ viewable: true, problem: null });
  }, 120_000);
});
