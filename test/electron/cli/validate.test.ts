import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { alliancePackage, everyShapeClaims, manifest as packageManifest, packageFiles, type Json } from '../../helpers/package-builder.ts';
import { evidenceBytes } from '../../helpers/evidence-bytes.ts';

/** The manifest with one claim of every shape, each with its evidence. */
const baseManifest = (): Json => packageManifest({ claims: everyShapeClaims() });

const tempDir = useTempDir('cli-validate-');
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

describe('alliance-review validate', () => {
  it('exits 0 for a valid zip and prints a summary with the digest', async () => {
    const path = join(tempDir(), 'HFA-012.zip');
    await alliancePackage(baseManifest()).writeZip(path);
    const run = runCli(['validate', path]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^✓ 材料包有效 valid：HFA-012 .*摘要 digest [0-9a-f]{64}；警告 0 条。\n$/);
  });

  it('exits 0 for a valid folder with warnings, printing each warning on stdout', async () => {
    const root = join(tempDir(), 'HFA-012');
    alliancePackage(baseManifest()).with('证明材料/旧照片.jpg', evidenceBytes('证明材料/旧照片.jpg', 'old')).writeFolder(root);
    const run = runCli(['validate', root]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toEqual([
      expect.stringMatching(/^警告 warning \[file-not-referenced\] 证明材料\/旧照片\.jpg：/),
      expect.stringMatching(/^✓ 材料包有效 valid：.*警告 1 条。$/),
    ]);
  });

  it('resolves a relative path against the working directory', async () => {
    const dir = tempDir();
    await alliancePackage(baseManifest()).writeZip(join(dir, 'p.zip'));
    expect(runCli(['validate', 'p.zip'], dir).status).toBe(0);
  });

  it('exits 1 for an invalid package, one error a line on stderr with where it is', async () => {
    const manifest = baseManifest();
    manifest['year'] = '2026';
    const files = alliancePackage(manifest).without('白皮书.pdf').with('多余.pdf', evidenceBytes('多余.pdf', 'x'));
    const path = join(tempDir(), 'bad.zip');
    await files.writeZip(path);
    const run = runCli(['validate', path]);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^错误 error \[field-invalid\] year（第 4 行第 11 列）：“year”写得不对/),
      expect.stringMatching(/^错误 error \[evidence-not-found\] claims\.I10\.status\.evidence\[0\]（第 \d+ 行第 \d+ 列）：证明材料“白皮书\.pdf”在包里找不到/),
    ]);
    expect(lines(run.stdout)).toEqual([
      expect.stringMatching(/^警告 warning \[file-not-referenced\] 多余\.pdf：/),
      '✗ 材料包无效 invalid：bad.zip，错误 2 条，警告 1 条。请按以上提示改正后重新提交。',
    ]);
  });

  it('exits 1 for a file that is not a zip', async () => {
    const dir = tempDir();
    packageFiles([['a.zip', '%PDF-1.4']]).writeFolder(dir);
    const run = runCli(['validate', join(dir, 'a.zip')]);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^错误 error \[not-a-zip\] a\.zip：这个文件不是 zip 压缩包（这是一个 PDF 文件）/)]);
  });

  it('exits 1 (invalid input, not usage) for a path that does not exist', () => {
    const run = runCli(['validate', join(tempDir(), 'missing.zip')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^错误 error \[package-not-found\] missing\.zip：找不到/);
  });

  it.each([
    ['no package', ['validate']],
    ['an unknown option', ['validate', '--strict', 'p.zip']],
    ['two packages', ['validate', 'a.zip', 'b.zip']],
    ['--json, which validate does not have', ['validate', '--json', 'p.zip']],
  ])('exits 2 (usage) for %s', (_what, args) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('用法错误 usage');
    expect(run.stderr).toContain('alliance-review validate <package.zip|文件夹>');
  });

  it('is listed in --help', () => {
    expect(runCli(['--help']).stdout).toMatch(/validate\s+检查联盟材料包/);
  });
});
