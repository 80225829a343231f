import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../../electron/package-reader/check-package.ts';
import { minimalPdf } from '../../helpers/evidence-bytes.ts';
import { gbk, rawZip } from '../../helpers/raw-zip.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { alliancePackage, everyShapeClaims, manifest as packageManifest, type Json } from '../../helpers/package-builder.ts';

/** The manifest with one claim of every shape, each with its evidence. */
const baseManifest = (claims: Json = everyShapeClaims()): Json => packageManifest({ claims });

const tempDir = useTempDir('check-package-');
const summary = (problems: readonly { code: string; path: string }[]): string[] => problems.map((p) => `${p.code} ${p.path}`);

describe('checkPackage: reader and manifest together', () => {
  it('accepts a valid zip: no problem, the manifest, the rubric and the digest', async () => {
    const path = join(tempDir(), 'HFA-012.zip');
    await alliancePackage(baseManifest()).writeZip(path);
    const check = await checkPackage(path);
    expect(check.problems).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.manifest?.alliance.id).toBe('HFA-012');
    expect(check.rubric?.id).toBe('hefei-2017');
    expect(check.reading.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches manifest paths to zip names whatever their encoding or normal form', async () => {
    const manifest = baseManifest({
      'I1.office': { claimed: true, evidence: ['证明材料/合同.pdf', 'cafe\u0301.pdf'] },
    });
    const path = join(tempDir(), 'p.zip');
    await writeFile(
      path,
      rawZip([
        { name: 'manifest.json', data: JSON.stringify(manifest) },
        { name: gbk('自查报告.pdf'), data: minimalPdf('report') },
        // GBK with backslashes (Chinese Windows), and NFC where the manifest wrote NFD.
        { name: gbk('证明材料\\合同.pdf'), data: minimalPdf('contract') },
        { name: 'caf\u00e9.pdf', data: minimalPdf('photo'), flags: 0x800 },
      ]),
    );
    const check = await checkPackage(path);
    expect(check.problems).toEqual([]);
    expect(check.manifest?.claims['I1.office']).toEqual({ claimed: true, evidence: ['证明材料/合同.pdf', 'caf\u00e9.pdf'] });
  });

  it('refuses a manifest that is not UTF-8 (saved as ANSI/GBK by Notepad)', async () => {
    const root = tempDir();
    alliancePackage(baseManifest()).writeFolder(root);
    const text = JSON.stringify(baseManifest());
    await writeFile(join(root, 'manifest.json'), Buffer.concat([Buffer.from(text.slice(0, -1)), Buffer.from(gbk('"联盟"')), Buffer.from('}')]));
    const check = await checkPackage(root);
    expect(summary(check.problems)).toEqual(['manifest-not-utf8 manifest.json']);
    expect(check.valid).toBe(false);
  });

  it.each([
    ['little-endian with a BOM (Notepad “Unicode”)', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['big-endian with a BOM', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['little-endian without a BOM', (text: string) => Buffer.from(text, 'utf16le')],
    ['big-endian without a BOM', (text: string) => Buffer.from(text, 'utf16le').swap16()],
  ])('refuses a UTF-16 manifest, %s, naming UTF-16 rather than ANSI/GBK', async (_what, encode) => {
    const root = tempDir();
    alliancePackage(baseManifest()).writeFolder(root);
    await writeFile(join(root, 'manifest.json'), encode(JSON.stringify(baseManifest(), null, 2)));
    const check = await checkPackage(root);
    expect(summary(check.problems)).toEqual(['manifest-not-utf8 manifest.json']);
    expect(check.problems[0]?.message).toMatch(/^manifest\.json 是 UTF-16 编码，请另存为 UTF-8/);
    expect(check.problems[0]?.message).not.toContain('GBK');
    expect(check.valid).toBe(false);
  });

  it('does not call a damaged evidence file missing as well', async () => {
    const files = alliancePackage(baseManifest());
    const path = join(tempDir(), 'damaged.zip');
    await writeFile(
      path,
      rawZip([...files].map(([name, data]) => ({ name, data, flags: 0x800, declaredCrc32: name === '白皮书.pdf' ? 1 : undefined }))),
    );
    const check = await checkPackage(path);
    expect(summary(check.problems)).toEqual(['entry-crc-mismatch 白皮书.pdf']);
    expect(check.valid).toBe(false);
    expect(check.reading.digest).toBeNull();
  });

  it('is invalid with the reader’s errors even when the manifest is fine', async () => {
    const root = tempDir();
    alliancePackage(baseManifest()).writeFolder(root);
    await mkdir(join(root, 'empty-folder'));
    const check = await checkPackage(root, { limits: { maxEntries: 3 } });
    expect(summary(check.problems)).toEqual([`limit-entry-count ${root.split('/').at(-1) ?? ''}`]);
    expect(check.valid).toBe(false);
  });

  it('reports a manifest that names an unknown rubric', async () => {
    const manifest = baseManifest();
    manifest['rubric'] = '../../package';
    const path = join(tempDir(), 'p.zip');
    await alliancePackage(manifest).writeZip(path);
    const check = await checkPackage(path);
    expect(summary(check.problems)).toEqual(['rubric-unknown rubric']);
    expect(check.problems[0]?.message).toContain('hefei-2017');
  });
});
