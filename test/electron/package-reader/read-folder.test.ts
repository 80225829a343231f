import { spawnSync } from 'node:child_process';
import { appendFileSync, truncateSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../../electron/package-reader/read-package.ts';
import { gbk, rawZip } from '../../helpers/raw-zip.ts';
import { specDigest } from '../../helpers/spec-digest.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { packageFiles } from '../../helpers/package-builder.ts';

const tempDir = useTempDir('read-folder-');
const codes = (reading: { problems: readonly { code: string }[] }): string[] => reading.problems.map((p) => p.code);

const files = new Map<string, string>([
  ['manifest.json', '{"format":"alliance-review/package"}'],
  ['自查报告.pdf', '%PDF 自查报告'],
  ['证明材料/合同.pdf', '合同'],
  ['证明材料/照片/办公室.jpg', 'jpg'],
]);

describe('readPackage: folders', () => {
  it('reads every file of a folder, with the digest of package-format.md', async () => {
    const root = join(tempDir(), 'HFA-012');
    packageFiles(files).writeFolder(root);
    const reading = await readPackage(root);
    expect(reading.kind).toBe('folder');
    expect(reading.problems).toEqual([]);
    expect(reading.files.map((f) => f.path)).toEqual(['manifest.json', '自查报告.pdf', '证明材料/合同.pdf', '证明材料/照片/办公室.jpg']);
    expect(reading.digest).toBe(specDigest(files));
  });

  it('gives a zip and the same folder the same digest, whatever the zip’s names and folder', async () => {
    const dir = tempDir();
    packageFiles(files).writeFolder(join(dir, 'folder'));
    await packageFiles(files).writeZip(join(dir, 'flat.zip'));
    await packageFiles([...files].map(([path, content]) => [`HFA-012/${path}`, content] as const)).writeZip(join(dir, 'wrapped.zip'));
    const folder = await readPackage(join(dir, 'folder'));
    const flat = await readPackage(join(dir, 'flat.zip'));
    const wrapped = await readPackage(join(dir, 'wrapped.zip'));
    expect(folder.digest).not.toBeNull();
    expect(flat.digest).toBe(folder.digest);
    expect(wrapped.digest).toBe(folder.digest);
    expect(wrapped.root).toBe('HFA-012');
  });

  it('gives a zip from a Chinese Windows tool (GBK names, backslashes, one folder) the folder’s digest', async () => {
    const dir = tempDir();
    const gbkFiles = new Map([
      ['manifest.json', '{}'],
      ['自查报告.pdf', '%PDF'],
      ['证明材料/合同.pdf', '合同'],
    ]);
    packageFiles(gbkFiles).writeFolder(join(dir, 'folder'));
    await writeFile(
      join(dir, 'gbk.zip'),
      rawZip([...gbkFiles].map(([path, content]) => ({ name: gbk(`联盟\\${path.replace(/\//g, '\\')}`), data: content }))),
    );
    const zip = await readPackage(join(dir, 'gbk.zip'));
    expect(zip.problems).toEqual([]);
    expect(zip.root).toBe('联盟');
    expect(zip.digest).toBe((await readPackage(join(dir, 'folder'))).digest);
  });

  it('applies the top-level-folder rule to folders (what Windows “Extract All” makes of a wrapped zip)', async () => {
    const outer = join(tempDir(), 'HFA-012');
    packageFiles(files).writeFolder(join(outer, 'HFA-012'));
    const reading = await readPackage(outer);
    expect(reading.root).toBe('HFA-012');
    expect(reading.digest).toBe(specDigest(files));
  });

  it('normalises NFD file names (macOS) to NFC', async () => {
    const root = tempDir();
    packageFiles([
      ['manifest.json', '{}'],
      ['cafe\u0301.pdf', 'x'],
    ]).writeFolder(root);
    const reading = await readPackage(root);
    expect(reading.files.map((f) => f.path)).toEqual(['caf\u00e9.pdf', 'manifest.json']);
  });

  it('skips system files (.DS_Store, ._*, Thumbs.db, desktop.ini)', async () => {
    const root = tempDir();
    packageFiles([
      ['manifest.json', '{}'],
      ['.DS_Store', 'finder'],
      ['._manifest.json', 'appledouble'],
      ['证明材料/Thumbs.db', 'thumbs'],
      ['证明材料/desktop.ini', 'ini'],
      ['证明材料/合同.pdf', 'x'],
    ]).writeFolder(root);
    const reading = await readPackage(root);
    expect(reading.files.map((f) => f.path)).toEqual(['manifest.json', '证明材料/合同.pdf']);
  });

  it('refuses a link to a file outside the package and never reads the target', async () => {
    const dir = tempDir();
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'outside the package');
    const root = join(dir, 'pkg');
    packageFiles([['manifest.json', '{}']]).writeFolder(root);
    await symlink(secret, join(root, 'evidence.pdf'));
    const seen: string[] = [];
    const reading = await readPackage(root, { openFile: ({ path }) => (seen.push(path), undefined) });
    expect(codes(reading)).toEqual(['entry-link']);
    expect(reading.problems[0]?.path).toBe('evidence.pdf');
    expect(seen).toEqual(['manifest.json']);
  });

  it('refuses a link to a folder and does not walk into it', async () => {
    const dir = tempDir();
    packageFiles([['secret.pdf', 'secret']]).writeFolder(join(dir, 'outside'));
    const root = join(dir, 'pkg');
    packageFiles([['manifest.json', '{}']]).writeFolder(root);
    await symlink(join(dir, 'outside'), join(root, '证明材料'), 'dir');
    const reading = await readPackage(root);
    expect(codes(reading)).toEqual(['entry-link']);
    expect(reading.listed).toEqual(['manifest.json']);
  });

  it.runIf(process.platform !== 'win32')('refuses a named pipe (it would block a reader forever)', async () => {
    const root = tempDir();
    packageFiles([['manifest.json', '{}']]).writeFolder(root);
    const made = spawnSync('mkfifo', [join(root, 'pipe')]);
    expect(made.status).toBe(0);
    const reading = await readPackage(root);
    expect(codes(reading)).toEqual(['entry-special-file']);
  });

  it('stops walking a folder with too many entries', async () => {
    const root = tempDir();
    await mkdir(join(root, 'a'));
    packageFiles(Array.from({ length: 30 }, (_, i) => [`a/f${i}.pdf`, 'x'] as const)).writeFolder(root);
    const reading = await readPackage(root, { limits: { maxEntries: 10 } });
    expect(codes(reading)).toEqual(['limit-entry-count']);
  });

  it('refuses a folder whose files together pass the size limit, before reading them', async () => {
    const root = tempDir();
    packageFiles([
      ['manifest.json', '{}'],
      ['a.pdf', 'x'.repeat(4000)],
    ]).writeFolder(root);
    const seen: string[] = [];
    const reading = await readPackage(root, {
      limits: { maxTotalBytes: 1000 },
      openFile: ({ path }) => (seen.push(path), undefined),
    });
    expect(codes(reading)).toEqual(['limit-total-size']);
    expect(seen).toEqual([]);
  });

  it.each([
    ['grows', (file: string) => appendFileSync(file, 'more bytes')],
    ['shrinks', (file: string) => truncateSync(file, 10)],
  ])('refuses a file that %s while it is read (another program writing to it)', async (_what, change) => {
    const root = tempDir();
    packageFiles([
      ['manifest.json', '{}'],
      ['scan.pdf', 'x'.repeat(512 * 1024)],
    ]).writeFolder(root);
    let changed = false;
    const reading = await readPackage(root, {
      openFile: ({ path }) => ({
        write: () => {
          if (path !== 'scan.pdf' || changed) return;
          changed = true;
          change(join(root, 'scan.pdf'));
        },
        finish: () => undefined,
        abort: () => undefined,
      }),
    });
    expect(codes(reading)).toEqual(['entry-size-mismatch']);
    expect(reading.problems[0]?.message).toContain('读取过程中大小变了');
  });

  it('reports manifest-missing with a hint when the name’s case is wrong, and still digests', async () => {
    const root = tempDir();
    packageFiles([['Manifest.JSON', '{}']]).writeFolder(root);
    const reading = await readPackage(root);
    expect(codes(reading)).toEqual(['manifest-missing']);
    expect(reading.problems[0]?.message).toContain('Manifest.JSON');
    expect(reading.digest).toBe(specDigest([['Manifest.JSON', '{}']]));
  });
});
