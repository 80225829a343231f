/**
 * The members of a zip inside a package count in the package's limits (limits.ts): entries,
 * total unpacked size, compression ratio; past one, the listing is refused like a package.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPackageEvidence } from '../../../electron/evidence/list-package-evidence.ts';
import { minimalPdf } from '../../helpers/evidence-bytes.ts';
import { manifest as packageManifest, packageFiles } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('list-evidence-');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name)));

async function packageWith(inner: Uint8Array): Promise<{ path: string; size: number }> {
  const manifest = manifestWith({ 'I1.office': { claimed: true, evidence: ['附件.zip'] } });
  const files = new Map<string, string | Uint8Array>([
    ['manifest.json', JSON.stringify(manifest)],
    ['自查报告.pdf', minimalPdf('r')],
    ['附件.zip', inner],
  ]);
  const path = join(tempDir(), 'p.zip');
  await writeZipOf(path, files);
  const size = [...files.values()].reduce((sum, v) => sum + (typeof v === 'string' ? Buffer.byteLength(v) : v.length), 0);
  return { path, size };
}

const codes = (list: { problems: readonly { code: string; path: string }[] }) => list.problems.filter((p) => p.code.startsWith('limit-')).map((p) => `${p.code} ${p.path}`);

describe('listPackageEvidence: a zip inside the package, within the package limits', () => {
  it('lists the members when within the limits', async () => {
    const { path } = await packageWith(fixture('bundle.zip'));
    const list = await listPackageEvidence(path);
    expect(list.valid).toBe(true);
    expect(list.files.map((f) => f.path)).toEqual(['manifest.json', '自查报告.pdf', '附件.zip', '附件.zip/合同.pdf', '附件.zip/照片/现场.jpg']);
  });

  it('lists GBK-named members as the viewer opens them, and a zip in the zip as not viewable', async () => {
    const { path } = await packageWith(fixture('zip-text/bundle-gbk.zip'));
    const list = await listPackageEvidence(path);
    const members = list.files.filter((f) => f.path.startsWith('附件.zip/')).map((f) => [f.path, f.type, f.viewable, f.problem?.code ?? null]);
    expect(members).toEqual([
      ['附件.zip/内层.zip', 'zip', false, 'unsupported-format'],
      ['附件.zip/合同.pdf', 'pdf', true, null],
      ['附件.zip/照片/现场.jpg', 'jpeg', true, null],
      ['附件.zip/电子发票.ofd', 'ofd', true, null],
      ['附件.zip/说明.txt', 'txt', true, null],
    ]);
  });

  it('counts the members in the entry count', async () => {
    const { path } = await packageWith(fixture('bundle.zip'));
    // 3 package files + bundle.zip's 3 entries (合同.pdf, 照片/, 照片/现场.jpg) > 5.
    const list = await listPackageEvidence(path, { limits: { maxEntries: 5 } });
    expect(list.valid).toBe(false);
    expect(codes(list)).toEqual(['limit-entry-count 附件.zip']);
  });

  it('counts the members in the total unpacked size', async () => {
    const { path, size } = await packageWith(fixture('bundle.zip'));
    const list = await listPackageEvidence(path, { limits: { maxTotalBytes: size + 1000 } });
    expect(list.valid).toBe(false);
    expect(codes(list)).toEqual(['limit-total-size 附件.zip/合同.pdf']);
  });

  it('refuses a member compressed past the ratio limit (a zip bomb inside)', async () => {
    const bombPath = join(tempDir(), 'bomb.zip');
    await writeZipOf(bombPath, [['zeros.txt', new Uint8Array(4 * 1024 * 1024)]], { compress: true });
    const { path } = await packageWith(new Uint8Array(readFileSync(bombPath)));
    const list = await listPackageEvidence(path);
    expect(list.valid).toBe(false);
    expect(codes(list)).toEqual(['limit-compression-ratio 附件.zip/zeros.txt']);
  });
});

/** The test package's manifest with these claims (the builder's defaults for the rest). */
function manifestWith(claims: Record<string, unknown>): Record<string, unknown> {
  return packageManifest({ claims });
}

async function writeZipOf(path: string, files: Iterable<readonly [string, string | Uint8Array]>, options: { compress?: boolean } = {}): Promise<void> {
  await packageFiles([...files]).writeZip(path, options);
}
