/**
 * `alliance-review evidence`, run as the real CLI in a child process, on real zips and folders
 * holding real files (test/fixtures/evidence/).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalPdf } from '../../helpers/evidence-bytes.ts';
import { manifest as packageManifest, packageFiles } from '../../helpers/package-builder.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('cli-evidence-');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name)));
const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

interface Listed {
  path: string;
  sha256: string;
  type: string;
  pages: number | null;
  sheets: number | null;
  viewable: boolean;
  problem: { code: string; message: string } | null;
  text: string;
}

const evidence: Record<string, string> = {
  '证明材料/合同汇编.pdf': 'five-pages.pdf',
  '证明材料/扫描.tiff': 'three-pages.tiff',
  '证明材料/名单.xlsx': 'sheet.xlsx',
  '证明材料/照片.jpg': 'photo.jpg',
  '证明材料/附件.zip': 'bundle.zip',
  '证明材料/手机照片.heic': 'photo.heic',
};

async function writePackage(kind: 'zip' | 'folder'): Promise<{ path: string; files: Map<string, string | Uint8Array> }> {
  const manifest = manifestWith({
    'I1.office': { claimed: true, evidence: Object.keys(evidence) },
    'I4.techContracts': { items: [{ id: 'tc-1', title: '合同', date: '2026-05-12', evidence: ['证明材料/合同汇编.pdf#page=2'] }] },
  });
  const files = new Map<string, string | Uint8Array>([
    ['manifest.json', JSON.stringify(manifest, null, 2)],
    ['自查报告.pdf', minimalPdf('自查报告', 2)],
    ...Object.entries(evidence).map(([path, name]) => [path, fixture(name)] as const),
    ['.DS_Store', 'mac'],
  ]);
  const root = tempDir();
  if (kind === 'zip') {
    const path = join(root, 'HFA-012.zip');
    await writeZipOf(path, files);
    return { path, files };
  }
  const path = join(root, 'HFA-012');
  await writeTreeOf(path, files);
  return { path, files };
}

describe('alliance-review evidence', () => {
  it.each(['zip', 'folder'] as const)('--json lists every file of a %s and the members of a zip inside, in UTF-8 order', async (kind) => {
    const { path, files } = await writePackage(kind);
    // OCR is tested in evidence-text.test.ts; here it would only cost time.
    const run = runCli(['evidence', path, '--json', '--no-ocr']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const listed = (JSON.parse(run.stdout) as { files: Listed[] }).files;
    expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(['files']);
    const bundle = fixture('bundle.zip');
    expect(listed.map((f) => f.path)).toEqual([
      'manifest.json',
      '自查报告.pdf',
      '证明材料/合同汇编.pdf',
      '证明材料/名单.xlsx',
      '证明材料/手机照片.heic',
      '证明材料/扫描.tiff',
      '证明材料/照片.jpg',
      '证明材料/附件.zip',
      '证明材料/附件.zip/合同.pdf',
      '证明材料/附件.zip/照片/现场.jpg',
    ]);
    for (const f of listed) {
      expect(Object.keys(f)).toEqual(['path', 'sha256', 'type', 'pages', 'sheets', 'viewable', 'problem', 'text']);
      const bytes = files.get(f.path);
      if (bytes !== undefined) expect(f.sha256).toBe(sha256(bytes));
    }
    const byPath = new Map(listed.map((f) => [f.path, f]));
    expect(byPath.get('证明材料/附件.zip/合同.pdf')?.sha256).toBe(sha256(fixture('five-pages.pdf')));
    expect(byPath.get('证明材料/附件.zip/照片/现场.jpg')?.sha256).toBe(sha256(fixture('photo.jpg')));
    expect(byPath.get('证明材料/附件.zip')?.sha256).toBe(sha256(bundle));
    const brief = (p: string) => {
      const f = byPath.get(p);
      return f && { type: f.type, pages: f.pages, sheets: f.sheets, viewable: f.viewable, problem: f.problem?.code ?? null, text: f.text };
    };
    expect(brief('manifest.json')).toEqual({ type: 'txt', pages: null, sheets: null, viewable: true, problem: null, text: 'document' });
    expect(brief('自查报告.pdf')).toEqual({ type: 'pdf', pages: 2, sheets: null, viewable: true, problem: null, text: 'none' });
    expect(brief('证明材料/合同汇编.pdf')).toEqual({ type: 'pdf', pages: 5, sheets: null, viewable: true, problem: null, text: 'none' });
    expect(brief('证明材料/名单.xlsx')).toEqual({ type: 'xlsx', pages: null, sheets: 1, viewable: true, problem: null, text: 'document' });
    expect(brief('证明材料/手机照片.heic')).toEqual({ type: 'heic', pages: null, sheets: null, viewable: true, problem: null, text: 'none' });
    expect(brief('证明材料/扫描.tiff')).toEqual({ type: 'tiff', pages: 3, sheets: null, viewable: true, problem: null, text: 'none' });
    expect(brief('证明材料/照片.jpg')).toEqual({ type: 'jpeg', pages: null, sheets: null, viewable: true, problem: null, text: 'none' });
    expect(brief('证明材料/附件.zip')).toEqual({ type: 'zip', pages: null, sheets: null, viewable: true, problem: null, text: 'none' });
    expect(brief('证明材料/附件.zip/合同.pdf')).toEqual({ type: 'pdf', pages: 5, sheets: null, viewable: true, problem: null, text: 'none' });
  });

  it('prints a table without --json', async () => {
    const { path } = await writePackage('folder');
    const run = runCli(['evidence', path, '--no-ocr']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^文件 path\s+类型 type\s+页 pages\s+表 sheets\s+可查看 viewable\s+文字 text\s+问题 problem$/);
    expect(lines.find((l) => l.startsWith('证明材料/合同汇编.pdf'))).toMatch(/^证明材料\/合同汇编\.pdf\s+pdf\s+5\s+是\s+无\s*$/);
    expect(lines.find((l) => l.startsWith('证明材料/扫描.tiff'))).toMatch(/^证明材料\/扫描\.tiff\s+tiff\s+3\s+是\s+无\s*$/);
    expect(run.stdout).toContain('共 10 个文件，专家在本程序里都能看到。');
  });

  it('exits 1 for an invalid package, its errors on stderr and nothing on stdout with --json', async () => {
    const manifest = manifestWith({
      'I1.office': { claimed: true, evidence: ['证明材料/照片.jpg#page=2'] },
    });
    const path = join(tempDir(), 'bad.zip');
    await writeZipOf(path, new Map<string, string | Uint8Array>([
      ['manifest.json', JSON.stringify(manifest)],
      ['自查报告.pdf', minimalPdf('r')],
      ['证明材料/照片.jpg', fixture('photo.jpg')],
    ]));
    const run = runCli(['evidence', path, '--json']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^错误 error \[evidence-page-out-of-range\] claims\.I1\.office\.evidence\[0\]/);
  });

  it('exits 1 for a missing package and 2 for usage mistakes', () => {
    expect(runCli(['evidence', join(tempDir(), 'none.zip')]).status).toBe(1);
    expect(runCli(['evidence']).status).toBe(2);
    expect(runCli(['evidence', 'a.zip', 'b.zip']).status).toBe(2);
    expect(runCli(['evidence', 'a.zip', '--ocr']).status).toBe(2);
  });
});

/** The test package's manifest with these claims (the builder's defaults for the rest). */
function manifestWith(claims: Record<string, unknown>): Record<string, unknown> {
  return packageManifest({ claims });
}

async function writeZipOf(path: string, files: Iterable<readonly [string, string | Uint8Array]>, options: { compress?: boolean } = {}): Promise<void> {
  await packageFiles([...files]).writeZip(path, options);
}

function writeTreeOf(root: string, files: Iterable<readonly [string, string | Uint8Array]>): void {
  packageFiles([...files]).writeFolder(root);
}
