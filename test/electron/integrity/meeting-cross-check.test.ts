/**
 * The cross-check of a meeting in a real store (a real SQLite file, packages imported by the
 * importer): the meeting's packages against each other and against an earlier year's package
 * in the store, and the features kept by content hash, so that a meeting checked again reads
 * no file again and one more package reads only that package's files.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeFileFeatures } from '../../../electron/integrity/file-features.ts';
import { crossCheckMeeting } from '../../../electron/integrity/meeting-cross-check.ts';
import { createMeeting, replacePackages } from '../../../electron/meeting/meeting-store.ts';
import { importPackage } from '../../../electron/package-store/import-packages.ts';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { testContext } from '../../helpers/context.ts';
import { allianceManifest, alliancePackage, manifest, type PackageBuilder } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('meeting-cross-check-');
const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence/cross-check', name));

afterAll(async () => {
  await closeFileFeatures();
});

async function stored(ctx: ServiceContext, work: string, name: string, pkg: PackageBuilder): Promise<{ allianceId: string; digest: string }> {
  const report = await importPackage(ctx, { path: pkg.writeFolder(join(work, name)), name, uploadId: null });
  if (report.outcome !== 'imported' || report.digest === null) throw new Error(`not imported: ${JSON.stringify(report)}`);
  return { allianceId: pkg.allianceId, digest: report.digest };
}

const featureRows = (ctx: ServiceContext): { sha256: string; read_at: string }[] =>
  ctx.db.prepare<[], { sha256: string; read_at: string }>('SELECT sha256, read_at FROM file_features ORDER BY sha256').all();

describe('crossCheckMeeting', () => {
  it('finds what an earlier year in the store already had, and reads each file once', async () => {
    const dataDir = tempDir();
    const work = tempDir();
    let clock = new Date('2027-01-10T01:00:00Z');
    const ctx = testContext(dataDir, clock);
    const now = () => clock;
    await stored(
      ctx,
      work,
      'hfa012-2025',
      alliancePackage(manifest({ year: 2025, claims: { 'I11.newMembers': { items: [{ id: 'nm-1', title: '新成员 合肥甲科技', date: '2025-06-01', evidence: ['入盟/证书.jpg'] }] } } })).with(
        '入盟/证书.jpg',
        fixture('certificate.jpg'),
      ),
    );
    const hfa012 = await stored(
      ctx,
      work,
      'hfa012-2026',
      alliancePackage(manifest({ claims: { 'I11.newMembers': { items: [{ id: 'nm-4', title: '新成员 合肥甲科技', date: '2026-06-01', evidence: ['证明/入盟证书.jpg'] }] } } })).with(
        '证明/入盟证书.jpg',
        fixture('certificate-q40.jpg'),
      ),
    );
    const meeting = createMeeting(ctx.db, { name: '2026 年度考核', year: 2026 }, clock);
    replacePackages(ctx.db, meeting.id, [hfa012]);

    const first = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now });
    expect(first).toMatchObject({ packages: 1, earlierPackages: 1 });
    const reuse = first.findings.filter((f) => f.kind === 'reused-from-earlier-year');
    expect(reuse).toHaveLength(1);
    expect(reuse[0]?.places.map((p) => `${p.year} ${p.itemId ?? ''} ${p.file ?? ''}`)).toEqual(['2025 nm-1 入盟/证书.jpg', '2026 nm-4 证明/入盟证书.jpg']);
    expect(reuse[0]?.detail).toContain('I11.newMembers 只计当年新增的项');
    const afterFirst = featureRows(ctx);
    expect(afterFirst.length).toBeGreaterThan(0);

    // Checked again: no file is read again.
    clock = new Date('2027-01-10T02:00:00Z');
    const again = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now });
    expect(again.findings).toEqual(first.findings);
    expect(featureRows(ctx)).toEqual(afterFirst);

    // One more package: only its own files are read.
    const hfa017 = await stored(
      ctx,
      work,
      'hfa017-2026',
      alliancePackage(allianceManifest('HFA-017', { 'I1.office': { claimed: true, evidence: ['照片/办公室.jpg'] } })).with('照片/办公室.jpg', fixture('certificate-crop3.jpg')),
    );
    replacePackages(ctx.db, meeting.id, [hfa012, hfa017]);
    clock = new Date('2027-01-10T03:00:00Z');
    const withMore = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now });
    const readNow = featureRows(ctx).filter((r) => r.read_at === clock.toISOString());
    const newFiles = ctx.db
      .prepare<[string], string>('SELECT DISTINCT pf.sha256 FROM package_file pf JOIN package p ON p.id = pf.package_id WHERE p.digest = ? AND pf.path <> \'manifest.json\' ORDER BY pf.sha256')
      .pluck()
      .all(hfa017.digest);
    expect(readNow.map((r) => r.sha256).sort()).toEqual(newFiles.filter((s) => !afterFirst.some((r) => r.sha256 === s)));
    expect(withMore.findings.map((f) => f.kind)).toContain('similar-image');
  }, 60_000);

  it('gives OCR text to pages without their own, for same-identifier findings only', async () => {
    const dataDir = tempDir();
    const work = tempDir();
    const clock = new Date('2027-01-10T01:00:00Z');
    const ctx = testContext(dataDir, clock);
    const photo = fixture('event.jpg');
    const a = await stored(
      ctx,
      work,
      'a',
      alliancePackage(allianceManifest('HFA-012', { 'I8.inventionPatents': { items: [{ id: 'pat-1', title: '专利', date: '2026-03-01', evidence: ['专利证书.jpg'] }] } })).with('专利证书.jpg', photo),
    );
    const b = await stored(
      ctx,
      work,
      'b',
      alliancePackage(allianceManifest('HFA-017', { 'I8.inventionPatents': { items: [{ id: 'p-2', title: '一种方法 ZL201710601862.3', date: '2026-03-01', evidence: [] }] } })),
    );
    const meeting = createMeeting(ctx.db, { name: '2026', year: 2026 }, clock);
    replacePackages(ctx.db, meeting.id, [a, b]);
    const photoSha = ctx.db.prepare<[], string>("SELECT sha256 FROM package_file WHERE path = '专利证书.jpg'").pluck().get() ?? '';
    // OCR misread the check character on the photo of the certificate: no check-digit finding.
    const misread = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now: () => clock, pageTexts: (sha) => (sha === photoSha ? [{ page: 1, text: '专利号 ZL201710601862.8' }] : null) });
    expect(misread.findings.map((f) => f.kind)).not.toContain('identifier-check-digit');
    const read = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now: () => clock, pageTexts: (sha) => (sha === photoSha ? [{ page: 1, text: '专利号 ZL201710601862.3' }] : null) });
    expect(read.findings.filter((f) => f.kind === 'same-identifier').map((f) => f.places.map((p) => p.allianceId))).toEqual([['HFA-012', 'HFA-017']]);
  }, 60_000);
});
