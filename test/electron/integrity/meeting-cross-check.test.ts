/**
 * The cross-check of a meeting in a real store (a real SQLite file, packages imported by the
 * importer): the meeting's packages against each other and against an earlier year's package
 * in the store, and the features kept by content hash: read by the importer as it stores each
 * file (one more package reads only that package's new files), so the check only compares, and
 * finds exactly what it finds reading the stored files itself.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeFileFeatures } from '../../../electron/integrity/file-features.ts';
import { crossCheckMeeting } from '../../../electron/integrity/meeting-cross-check.ts';
import { queueOcrFiles, saveOcrPage } from '../../../electron/ocr/ocr-store.ts';
import type { Finding } from '../../../shared/integrity/finding.ts';
import { createMeeting, replacePackages } from '../../../electron/meeting/meeting-store.ts';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { createContext } from '../../../electron/app/context.ts';
import { testContext } from '../../helpers/context.ts';
import { textPdf } from '../../helpers/text-pdf.ts';
import { allianceManifest, alliancePackage, manifest } from '../../helpers/package-builder.ts';
import { storedPackage } from '../../helpers/stored-package.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('meeting-cross-check-');
const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence/cross-check', name));

afterAll(async () => {
  await closeFileFeatures();
});

const featureRows = (ctx: ServiceContext): { sha256: string; read_at: string }[] =>
  ctx.db.prepare<[], { sha256: string; read_at: string }>('SELECT sha256, read_at FROM file_features ORDER BY sha256').all();

const evidenceHashes = (ctx: ServiceContext, digest: string): string[] =>
  ctx.db
    .prepare<[string], string>("SELECT DISTINCT pf.sha256 FROM package_file pf JOIN package p ON p.id = pf.package_id WHERE p.digest = ? ORDER BY pf.sha256")
    .pluck()
    .all(digest);

describe('crossCheckMeeting', () => {
  it('finds what an earlier year in the store already had; each file is read once, at import', async () => {
    const dataDir = tempDir();
    const work = tempDir();
    let clock = new Date('2027-01-10T01:00:00Z');
    const ctx = createContext({ dataDir, shell: 'browser', version: '0.0.0-test', now: () => clock });
    const now = () => clock;
    const hfa012Earlier = await storedPackage(
      ctx,
      work,
      'hfa012-2025',
      alliancePackage(manifest({ year: 2025, claims: { 'I11.newMembers': { items: [{ id: 'nm-1', title: '新成员 合肥甲科技', date: '2025-06-01', evidence: ['入盟/证书.jpg'] }] } } })).with(
        '入盟/证书.jpg',
        fixture('certificate.jpg'),
      ),
    );
    const hfa012 = await storedPackage(
      ctx,
      work,
      'hfa012-2026',
      alliancePackage(manifest({ claims: { 'I11.newMembers': { items: [{ id: 'nm-4', title: '新成员 合肥甲科技', date: '2026-06-01', evidence: ['证明/入盟证书.jpg'] }] } } })).with(
        '证明/入盟证书.jpg',
        fixture('certificate-q40.jpg'),
      ),
    );
    // The importer read every file of both packages as it stored them.
    const afterImport = featureRows(ctx);
    expect(afterImport.map((r) => r.sha256)).toEqual([...new Set([...evidenceHashes(ctx, hfa012Earlier.digest), ...evidenceHashes(ctx, hfa012.digest)])].sort());
    const meeting = createMeeting(ctx.db, { name: '2026 年度考核', year: 2026 }, clock);
    replacePackages(ctx.db, meeting.id, [hfa012]);

    clock = new Date('2027-01-10T02:00:00Z');
    const first = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now });
    expect(first).toMatchObject({ packages: 1, earlierPackages: 1 });
    const reuse = first.findings.filter((f) => f.kind === 'reused-from-earlier-year');
    expect(reuse).toHaveLength(1);
    expect(reuse[0]?.places.map((p) => `${p.year} ${p.itemId ?? ''} ${p.file ?? ''}`)).toEqual(['2025 nm-1 入盟/证书.jpg', '2026 nm-4 证明/入盟证书.jpg']);
    expect(reuse[0]?.detail).toContain('I11.newMembers 只计当年新增的项');
    // The check itself read no file: it only compared.
    expect(featureRows(ctx)).toEqual(afterImport);

    // One more package: the import reads only its own new files, not the one it shares.
    clock = new Date('2027-01-10T03:00:00Z');
    const hfa017 = await storedPackage(
      ctx,
      work,
      'hfa017-2026',
      alliancePackage(
        allianceManifest('HFA-017', {
          'I1.office': { claimed: true, evidence: ['照片/办公室.jpg'] },
          'I11.newMembers': { items: [{ id: 'nm-2', title: '新成员 合肥乙科技', date: '2026-06-01', evidence: ['证明/入盟证书.jpg'] }] },
        }),
      )
        .with('照片/办公室.jpg', fixture('certificate-crop3.jpg'))
        .with('证明/入盟证书.jpg', fixture('certificate-q40.jpg')),
    );
    const readNow = featureRows(ctx).filter((r) => r.read_at === clock.toISOString());
    const known = new Set(afterImport.map((r) => r.sha256));
    expect(readNow.map((r) => r.sha256)).toEqual(evidenceHashes(ctx, hfa017.digest).filter((s) => !known.has(s)));
    expect(readNow.length).toBeGreaterThan(0);
    expect(featureRows(ctx).filter((r) => known.has(r.sha256))).toEqual(afterImport);
    replacePackages(ctx.db, meeting.id, [hfa012, hfa017]);
    const beforeCheck = featureRows(ctx);
    clock = new Date('2027-01-10T04:00:00Z');
    const withMore = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now });
    expect(featureRows(ctx)).toEqual(beforeCheck);
    expect(withMore.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['similar-image', 'same-file', 'reused-from-earlier-year']));
    ctx.close();
  }, 60_000);

  it('finds exactly what it finds reading the stored files itself (a store from before features were read at import)', async () => {
    const dataDir = tempDir();
    const work = tempDir();
    const clock = new Date('2027-01-10T01:00:00Z');
    let ctx = testContext(dataDir, clock);
    const contract = await textPdf([
      '技术开发合同 合同登记号：2025340104000123 甲方 合肥甲科技有限公司 统一社会信用代码 91340100MA2N0F5R3X 乙方 合肥工业大学 专利号 ZL201710601862.3 ' + '本合同约定双方合作开发电池安全检测技术，'.repeat(6),
      '第二页 标准 GB/T 1.1-2020 ' + '乙方按期交付技术成果并提供培训与技术支持，'.repeat(6),
    ]);
    const earlier = await storedPackage(
      ctx,
      work,
      'a-2025',
      alliancePackage(manifest({ year: 2025, claims: { 'I4.techContracts': { items: [{ id: 'tc-1', title: '技术开发合同', date: '2025-05-01', evidence: ['合同.pdf#page=1'] }] } } }))
        .with('合同.pdf', contract)
        .without('合同.pdf#page=1')
        .with('照片.jpg', fixture('certificate.jpg')),
    );
    const a = await storedPackage(
      ctx,
      work,
      'a-2026',
      alliancePackage(
        manifest({
          claims: {
            'I4.techContracts': { items: [{ id: 'tc-2', title: '技术服务合同 ZL201710601862.8', date: '2025-12-01', evidence: ['证明/合同.pdf#page=2'] }] },
            'I9.organizedEvents': { items: [{ id: 'oe-1', title: '对接会', date: '2026-04-01', evidence: ['证明/活动.jpg'] }] },
          },
        }),
      )
        .with('证明/合同.pdf', contract)
        .without('证明/合同.pdf#page=2')
        .with('证明/活动.jpg', fixture('certificate-half.jpg')),
    );
    const b = await storedPackage(
      ctx,
      work,
      'b-2026',
      alliancePackage(allianceManifest('HFA-017', { 'I9.organizedEvents': { items: [{ id: 'oe-9', title: '路演', date: '2026-09-01', evidence: ['活动.png', '活动2.jpg'] }] } }))
        .with('活动.png', fixture('certificate.png'))
        .with('活动2.jpg', fixture('event.jpg')),
    );
    const meeting = createMeeting(ctx.db, { name: '2026', year: 2026 }, clock);
    replacePackages(ctx.db, meeting.id, [a, b]);
    expect(earlier.digest).not.toBe(a.digest);

    const atImport = ctx.db.prepare<[], { sha256: string; features_json: string }>('SELECT sha256, features_json FROM file_features ORDER BY sha256').all();
    const fromImport = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now: () => clock });
    ctx.close();
    // The store opened again as a program from before features were read at import finds it:
    // without them (a check keeps what it prepared only while its database stays open).
    ctx = testContext(dataDir, clock);
    ctx.db.exec('DELETE FROM file_features');
    const fromFiles = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now: () => clock });
    expect(fromFiles.findings).toEqual(fromImport.findings);
    // The same features, file by file: the import read what the cross-check reads (and kept
    // the empty features of files the check never reads, the manifest among them).
    const readByCheck = ctx.db.prepare<[], { sha256: string; features_json: string }>('SELECT sha256, features_json FROM file_features ORDER BY sha256').all();
    expect(readByCheck.filter((r) => r.features_json.includes('"pages":[{')).length).toBe(1);
    expect(readByCheck.filter((r) => /"imageHash":"/.test(r.features_json)).length).toBe(4);
    expect(atImport).toEqual(expect.arrayContaining(readByCheck));
    expect(new Set(fromImport.findings.map((f) => f.kind))).toEqual(new Set(['reused-from-earlier-year', 'similar-image', 'identifier-check-digit', 'date-outside-year', 'exif-date']));
    ctx.close();
  }, 60_000);

  it('gives OCR text to pages without their own, for same-identifier findings only, as soon as OCR has read them', async () => {
    const clock = new Date('2027-01-10T01:00:00Z');
    // A store where OCR reads the photo of a patent certificate as `ocrText`.
    async function withOcr(ocrText: string): Promise<{ ctx: ServiceContext; dataDir: string; meetingId: number; readPhoto: () => void }> {
      const dataDir = tempDir();
      const work = tempDir();
      const ctx = testContext(dataDir, clock);
      const a = await storedPackage(
        ctx,
        work,
        'a',
        alliancePackage(allianceManifest('HFA-012', { 'I8.inventionPatents': { items: [{ id: 'pat-1', title: '专利', date: '2026-03-01', evidence: ['专利证书.jpg'] }] } })).with('专利证书.jpg', fixture('event.jpg')),
      );
      const b = await storedPackage(
        ctx,
        work,
        'b',
        alliancePackage(allianceManifest('HFA-017', { 'I8.inventionPatents': { items: [{ id: 'p-2', title: '一种方法 ZL201710601862.3', date: '2026-03-01', evidence: [] }] } })),
      );
      const meeting = createMeeting(ctx.db, { name: '2026', year: 2026 }, clock);
      replacePackages(ctx.db, meeting.id, [a, b]);
      const photoSha = ctx.db.prepare<[], string>("SELECT sha256 FROM package_file WHERE path = '专利证书.jpg'").pluck().get() ?? '';
      const readPhoto = (): void => {
        queueOcrFiles(ctx.db, [photoSha], clock);
        saveOcrPage(ctx.db, photoSha, { page: 1, source: 'ocr', text: ocrText, lines: [], engine: 'test', refusal: null });
      };
      return { ctx, dataDir, meetingId: meeting.id, readPhoto };
    }
    const sameIdentifier = (findings: readonly Finding[]): string[][] => findings.filter((f) => f.kind === 'same-identifier').map((f) => f.places.map((p) => p.allianceId));

    // OCR misread the check character on the photo of the certificate: no check-digit finding.
    const misread = await withOcr('专利号 ZL201710601862.8');
    misread.readPhoto();
    const misreadCheck = await crossCheckMeeting(misread.ctx.db, misread.dataDir, misread.meetingId, { now: () => clock });
    expect(misreadCheck.findings.map((f) => f.kind)).not.toContain('identifier-check-digit');
    misread.ctx.close();

    // Checked before OCR has read the photo, and again after: the second check sees the text.
    const read = await withOcr('专利号 ZL201710601862.3');
    const before = await crossCheckMeeting(read.ctx.db, read.dataDir, read.meetingId, { now: () => clock });
    expect(sameIdentifier(before.findings)).toEqual([]);
    read.readPhoto();
    const after = await crossCheckMeeting(read.ctx.db, read.dataDir, read.meetingId, { now: () => clock });
    expect(sameIdentifier(after.findings)).toEqual([['HFA-012', 'HFA-017']]);
    read.ctx.close();
  }, 60_000);
});
