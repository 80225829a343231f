import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPackage } from '../../../electron/package-store/import-packages.ts';
import { listPackages, packageDetail } from '../../../electron/package-store/package-store.ts';
import { packageDigest } from '../../../electron/package-reader/digest.ts';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { alliancePackage, manifest as packageManifest } from '../../helpers/package-builder.ts';

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** Every file under the evidence store, as relative paths, to prove nothing changed. */
function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'evidence');
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true }) as string[]).filter((p) => !p.startsWith('.staging')).sort();
}

function counts(ctx: ServiceContext) {
  const count = (table: string) => ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  return { package: count('package'), file: count('package_file'), evidence: count('evidence_file'), claim: count('claim'), problem: count('package_problem') };
}

describe('importPackage', () => {
  const tempDir = useTempDir();

  const setup = () => {
    const dataDir = tempDir();
    return { ctx: testContext(dataDir), dataDir, work: tempDir() };
  };

  it('imports a folder package: rows, digest, claims and evidence stored by content hash', async () => {
    const { ctx, dataDir, work } = setup();
    const files = alliancePackage();
    const report = await importPackage(ctx, { path: files.writeFolder(join(work, 'pkg')), name: 'pkg', uploadId: null });
    expect(report).toMatchObject({ outcome: 'imported', allianceId: 'HFA-012', version: 1 });
    const expectedDigest = packageDigest([...files].map(([path, c]) => ({ path, sha256: sha256(c) })));
    expect(report.digest).toBe(expectedDigest);

    const [summary] = listPackages(ctx.db);
    expect(summary).toMatchObject({ allianceName: '合肥市智能语音产业技术创新战略联盟', allianceKind: 'general', year: 2026, digest: expectedDigest, fileCount: 5 });
    // I1.office 2 + two tech contracts 2 + I10.status 2.5
    expect(summary?.selfTotal).toBe('6.5');
    expect(summary?.selfGrade).toBe('fail');

    for (const [path, content] of files) {
      const hash = sha256(content);
      expect(readFileSync(join(dataDir, 'evidence', hash.slice(0, 2), hash)), path).toEqual(Buffer.from(content));
    }
    const detail = packageDetail(ctx.db, summary!.id);
    expect(detail.files.find((f) => f.path === '成果转化/技术合同1.pdf')).toMatchObject({ namedByClaim: true });
    expect(ctx.db.prepare('SELECT criterion_id FROM claim ORDER BY criterion_id').pluck().all()).toEqual(['I1.office', 'I10.status', 'I4.techContracts']);
  });

  it('keeps what each file is by its content, so the viewer opens a mislabeled one as what it is', async () => {
    const { ctx, work } = setup();
    const fixture = (dir: string, name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', dir, name));
    const files = alliancePackage()
      .with('附件/照片.pdf', fixture('evidence', 'photo-named.pdf'))
      .with('附件/合同汇编.jpg', fixture('evidence-viewer', 'compilation-named.jpg'))
      .with('附件/现场.jpg', fixture('evidence-viewer', 'truncated.jpg'))
      .with('附件/说明.doc', fixture('evidence', 'letter.docx'))
      .with('附件/现场照片.jpg', fixture('evidence-viewer', 'site-photo.jpg'));
    const report = await importPackage(ctx, { path: files.writeFolder(join(work, 'pkg')), name: 'pkg', uploadId: null });
    expect(report.outcome).toBe('imported');
    const byPath = new Map(packageDetail(ctx.db, report.packageId!).files.map((f) => [f.path, { type: f.type, problem: f.problem }]));
    expect(byPath.get('附件/照片.pdf')).toEqual({ type: 'jpeg', problem: 'extension-mismatch' });
    expect(byPath.get('附件/合同汇编.jpg')).toEqual({ type: 'pdf', problem: 'extension-mismatch' });
    expect(byPath.get('附件/现场.jpg')).toEqual({ type: 'jpeg', problem: 'damaged' });
    expect(byPath.get('附件/说明.doc')).toEqual({ type: 'docx', problem: 'extension-mismatch' });
    expect(byPath.get('附件/现场照片.jpg')).toEqual({ type: 'jpeg', problem: null });
  });

  it('recognises the same package as a zip (same digest) and stores nothing twice', async () => {
    const { ctx, dataDir, work } = setup();
    const files = alliancePackage();
    const first = await importPackage(ctx, { path: files.writeFolder(join(work, 'pkg')), name: 'pkg', uploadId: null });
    const before = { rows: counts(ctx), files: storedFiles(dataDir) };
    const zip = await files.writeZip(join(work, 'pkg.zip'), { prefix: '联盟材料/' });
    const second = await importPackage(ctx, { path: zip, name: 'pkg.zip', uploadId: null });
    expect(second).toMatchObject({ outcome: 'already-imported', digest: first.digest, packageId: first.packageId, version: 1 });
    expect({ rows: counts(ctx), files: storedFiles(dataDir) }).toEqual(before);
  });

  it('keeps a changed package as a new version beside the old one, sharing unchanged files', async () => {
    const { ctx, dataDir, work } = setup();
    const files = alliancePackage();
    const first = await importPackage(ctx, { path: files.writeFolder(join(work, 'v1')), name: 'v1', uploadId: null });
    const changed = files.with('成果转化/技术合同2.pdf', '%PDF-1.4\n% 技术合同二（盖章版）\n');
    const second = await importPackage(ctx, { path: changed.writeFolder(join(work, 'v2')), name: 'v2', uploadId: null });
    expect(second).toMatchObject({ outcome: 'imported', version: 2 });
    expect(second.digest).not.toBe(first.digest);
    const list = listPackages(ctx.db);
    expect(list.map((p) => [p.version, p.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
    // Five files each, six distinct contents.
    expect(counts(ctx)).toMatchObject({ package: 2, file: 10, evidence: 6 });
    expect(storedFiles(dataDir).filter((p) => p.length > 3)).toHaveLength(6);
  });

  it('refuses an invalid package with every problem, and changes nothing', async () => {
    const { ctx, dataDir, work } = setup();
    await importPackage(ctx, { path: alliancePackage().writeFolder(join(work, 'ok')), name: 'ok', uploadId: null });
    const before = { rows: counts(ctx), files: storedFiles(dataDir) };
    const manifest = packageManifest({ alliance: { id: 'HFA-013', name: '合肥市新能源汽车产业技术创新战略联盟', kind: 'general' } });
    (manifest['claims'] as Record<string, unknown>)['I99.nothing'] = { claimed: true, evidence: [] };
    const files = alliancePackage(manifest).without('成果转化/技术合同2.pdf');
    const report = await importPackage(ctx, { path: files.writeFolder(join(work, 'bad')), name: 'bad', uploadId: null });
    expect(report.outcome).toBe('refused');
    const codes = report.problems.filter((p) => p.severity === 'error').map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['criterion-unknown', 'evidence-not-found']));
    expect({ rows: counts(ctx), files: storedFiles(dataDir) }).toEqual(before);
    expect(readdirSync(join(dataDir, 'evidence', '.staging'))).toEqual([]);
  });

  it('leaves the store as it was when a zip turns out damaged half-way', async () => {
    const { ctx, dataDir, work } = setup();
    const zip = await alliancePackage().writeZip(join(work, 'pkg.zip'), { compress: false });
    const damaged = readFileSync(zip);
    // Flip a byte inside one stored file's data: its CRC check fails after others were read.
    const at = damaged.indexOf(Buffer.from('% HFA-012 成果转化/技术合同2.pdf'));
    expect(at).toBeGreaterThan(0);
    damaged[at + 3] = damaged[at + 3]! ^ 0xff;
    const path = join(work, 'damaged.zip');
    writeFileSync(path, damaged);
    const report = await importPackage(ctx, { path, name: 'damaged.zip', uploadId: null });
    expect(report.outcome).toBe('refused');
    expect(counts(ctx)).toEqual({ package: 0, file: 0, evidence: 0, claim: 0, problem: 0 });
    expect(storedFiles(dataDir)).toEqual([]);
  });

  it('leaves the store as it was when recording the package fails after the files were moved', async () => {
    const { ctx, dataDir, work } = setup();
    ctx.db.exec("CREATE TRIGGER fail_claim BEFORE INSERT ON claim BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await expect(importPackage(ctx, { path: alliancePackage().writeFolder(join(work, 'pkg')), name: 'pkg', uploadId: null })).rejects.toThrow(/disk full/);
    expect(counts(ctx)).toEqual({ package: 0, file: 0, evidence: 0, claim: 0, problem: 0 });
    expect(storedFiles(dataDir)).toEqual([]);
  });

  it('stops when cancelled and keeps nothing of the package', async () => {
    const { ctx, dataDir, work } = setup();
    const controller = new AbortController();
    const promise = importPackage(ctx, { path: alliancePackage().writeFolder(join(work, 'pkg')), name: 'pkg', uploadId: null }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.filesDone >= 2) controller.abort();
      },
    });
    await expect(promise).rejects.toThrow();
    expect(counts(ctx)).toEqual({ package: 0, file: 0, evidence: 0, claim: 0, problem: 0 });
    expect(storedFiles(dataDir)).toEqual([]);
  });

  it('imports the package with warnings and records them', async () => {
    const { ctx, work } = setup();
    const files = alliancePackage().with('其他/未引用的文件.txt', '没有任何申报引用这个文件');
    const report = await importPackage(ctx, { path: files.writeFolder(join(work, 'pkg')), name: 'pkg', uploadId: null });
    expect(report.outcome).toBe('imported');
    expect(report.problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning', path: '其他/未引用的文件.txt' })]));
    expect(listPackages(ctx.db)[0]?.warningCount).toBe(report.problems.length);
  });
});
