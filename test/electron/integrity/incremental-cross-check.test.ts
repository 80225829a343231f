/**
 * The cross-check kept between checks (meeting-cross-check.ts): a meeting checked, changed
 * (a package added, a package replaced by its new version, one taken out, an earlier year's
 * package imported, OCR reading a photo) and checked again after each change gives, as whole
 * JSON, exactly the findings of a check from scratch of the same packages: the same store read
 * through a second database handle, which has nothing kept. A real store, packages made and
 * imported by the importer.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeFileName } from '../../../electron/app/context.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { closeFileFeatures } from '../../../electron/integrity/file-features.ts';
import { crossCheckMeeting, crossCheckYear, type MeetingCrossCheck } from '../../../electron/integrity/meeting-cross-check.ts';
import { createMeeting, replacePackages } from '../../../electron/meeting/meeting-store.ts';
import { queueOcrFiles, saveOcrPage } from '../../../electron/ocr/ocr-store.ts';
import type { FindingKind } from '../../../shared/integrity/finding.ts';
import { testContext } from '../../helpers/context.ts';
import { allianceManifest, alliancePackage, manifest } from '../../helpers/package-builder.ts';
import { textPdf } from '../../helpers/text-pdf.ts';
import { storedPackage } from '../../helpers/stored-package.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('incremental-cross-check-');
const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence/cross-check', name));

afterAll(async () => {
  await closeFileFeatures();
});

const clauses = (seed: string): string => Array.from({ length: 12 }, (_, i) => `第${i + 1}条 ${seed}乙方按期交付技术成果并提供培训与技术支持第${i * 7 + 3}项，`).join('');

describe('the cross-check kept between checks', () => {
  it('finds after every change exactly what a check from scratch of the same packages finds', async () => {
    const dataDir = tempDir();
    const work = tempDir();
    const clock = new Date('2027-01-10T01:00:00Z');
    const now = () => clock;
    const ctx = testContext(dataDir, clock);
    const contract = await textPdf([
      '技术开发合同 合同登记号：2025340104000123 甲方 合肥甲科技有限公司 统一社会信用代码 91340100MA2N0F5R3X ' + clauses('甲'),
      '第二页 标准 GB/T 1.1-2020 ' + clauses('乙'),
    ]);
    // The second page printed again with a line added: a similar page, not the same file.
    const reprinted = await textPdf(['技术服务合同 ' + clauses('丙'), '第二页 标准 GB/T 1.1-2020 ' + clauses('乙') + '附：验收单']);

    const hfa012Of2025 = await storedPackage(
      ctx,
      work,
      'hfa012-2025',
      alliancePackage(
        manifest({
          year: 2025,
          claims: {
            'I11.newMembers': { items: [{ id: 'nm-1', title: '新成员 合肥甲科技', date: '2025-06-01', evidence: ['入盟/证书.jpg'] }] },
            'I4.techContracts': { items: [{ id: 'tc-1', title: '技术开发合同', date: '2025-05-01', evidence: ['合同.pdf#page=1'] }] },
          },
        }),
      )
        .with('入盟/证书.jpg', fixture('certificate.jpg'))
        .with('合同.pdf', contract)
        .without('合同.pdf#page=1'),
    );
    const hfa012 = await storedPackage(
      ctx,
      work,
      'hfa012-2026',
      alliancePackage(
        manifest({
          claims: {
            'I11.newMembers': { items: [{ id: 'nm-4', title: '新成员 合肥甲科技', date: '2026-06-01', evidence: ['证明/入盟证书.jpg'] }] },
            'I4.techContracts': { items: [{ id: 'tc-2', title: '技术服务合同 ZL201710601862.8', date: '2025-12-01', evidence: ['证明/合同.pdf#page=2'] }] },
            'I9.organizedEvents': { items: [{ id: 'oe-1', title: '对接会', date: '2026-09-01', evidence: ['证明/活动.jpg'] }] },
          },
        }),
      )
        .with('证明/入盟证书.jpg', fixture('certificate-q40.jpg'))
        .with('证明/合同.pdf', contract)
        .without('证明/合同.pdf#page=2')
        .with('证明/活动.jpg', fixture('event.jpg')),
    );
    const hfa017 = await storedPackage(
      ctx,
      work,
      'hfa017-2026',
      alliancePackage(
        allianceManifest('HFA-017', {
          'I1.office': { claimed: true, evidence: ['照片/办公室.jpg'] },
          'I11.newMembers': { items: [{ id: 'nm-2', title: '新成员 合肥乙科技', date: '2026-06-01', evidence: ['证明/入盟证书.jpg'] }] },
          'I8.inventionPatents': { items: [{ id: 'p-1', title: '一种电池检测方法 ZL201710601862.3', date: '2026-03-01', evidence: ['专利证书.jpg'] }] },
        }),
      )
        .with('照片/办公室.jpg', fixture('certificate-crop3.jpg'))
        .with('证明/入盟证书.jpg', fixture('certificate-q40.jpg'))
        .with('专利证书.jpg', fixture('certificate-crop5-side.jpg')),
    );
    const hfa020 = await storedPackage(
      ctx,
      work,
      'hfa020-2026',
      alliancePackage(
        allianceManifest('HFA-020', {
          'I4.techContracts': { items: [{ id: 'tc-9', title: '技术服务合同 合作方统一社会信用代码 91340100MA2N0F5R3X', date: '2026-05-01', evidence: ['合同.pdf#page=2'] }] },
          'I9.organizedEvents': { items: [{ id: 'oe-3', title: '路演', date: '2026-04-01', evidence: ['活动.jpg'] }] },
        }),
      )
        .with('合同.pdf', reprinted)
        .without('合同.pdf#page=2')
        .with('活动.jpg', fixture('certificate-half.jpg')),
    );
    const meeting = createMeeting(ctx.db, { name: '2026 年度考核', year: 2026 }, clock);

    // Each check of this store's handle, next to a check from scratch through a second one.
    const fresh = (): Database => openDatabase(join(dataDir, storeFileName));
    const kinds = new Set<FindingKind>();
    const steps: number[] = [];
    async function expectSameAsFromScratch(check: (db: Database) => Promise<MeetingCrossCheck>): Promise<void> {
      const kept = await check(ctx.db);
      const db = fresh();
      try {
        const fromScratch = await check(db);
        expect(JSON.stringify(kept)).toBe(JSON.stringify(fromScratch));
      } finally {
        db.close();
      }
      for (const f of kept.findings) kinds.add(f.kind);
      steps.push(kept.findings.length);
    }
    const meetingCheck = (db: Database) => crossCheckMeeting(db, dataDir, meeting.id, { now });
    const yearCheck = (db: Database) => crossCheckYear(db, dataDir, 2026, { now });

    replacePackages(ctx.db, meeting.id, [hfa012, hfa017]);
    await expectSameAsFromScratch(meetingCheck);
    // Checked again unchanged, then with one more package.
    await expectSameAsFromScratch(meetingCheck);
    replacePackages(ctx.db, meeting.id, [hfa012, hfa017, hfa020]);
    await expectSameAsFromScratch(meetingCheck);
    await expectSameAsFromScratch(yearCheck);

    // HFA-012 hands in a new version: the shared contract and the event photo gone, another photo.
    const hfa012v2 = await storedPackage(
      ctx,
      work,
      'hfa012-2026-v2',
      alliancePackage(
        manifest({
          claims: {
            'I11.newMembers': { items: [{ id: 'nm-4', title: '新成员 合肥甲科技', date: '2026-06-01', evidence: ['证明/入盟证书.jpg'] }] },
            'I9.organizedEvents': { items: [{ id: 'oe-1', title: '对接会', date: '2026-04-01', evidence: ['证明/活动.png'] }] },
          },
        }),
      )
        .with('证明/入盟证书.jpg', fixture('certificate-large.jpg'))
        .with('证明/活动.png', fixture('certificate.png')),
    );
    expect(hfa012v2.digest).not.toBe(hfa012.digest);
    replacePackages(ctx.db, meeting.id, [hfa012v2, hfa017, hfa020]);
    await expectSameAsFromScratch(meetingCheck);
    await expectSameAsFromScratch(yearCheck);

    // An earlier year's package of another alliance comes into the store.
    await storedPackage(
      ctx,
      work,
      'hfa020-2025',
      alliancePackage(
        manifest({
          year: 2025,
          alliance: { id: 'HFA-020' },
          claims: { 'I4.techContracts': { items: [{ id: 'tc-1', title: '技术开发合同', date: '2025-05-01', evidence: ['合同.pdf#page=1'] }] } },
        }),
      )
        .with('合同.pdf', contract)
        .without('合同.pdf#page=1'),
    );
    await expectSameAsFromScratch(meetingCheck);

    // OCR reads the patent certificate's photo: its number now counts.
    const photo = ctx.db.prepare<[], string>("SELECT sha256 FROM package_file WHERE path = '专利证书.jpg'").pluck().get() ?? '';
    queueOcrFiles(ctx.db, [photo], clock);
    saveOcrPage(ctx.db, photo, { page: 1, source: 'ocr', text: '发明专利证书 专利号 ZL201710601862.3 合肥甲科技有限公司', lines: [], engine: 'test', refusal: null });
    await expectSameAsFromScratch(meetingCheck);

    // A package taken out, and the old version back in.
    replacePackages(ctx.db, meeting.id, [hfa012, hfa020]);
    await expectSameAsFromScratch(meetingCheck);
    replacePackages(ctx.db, meeting.id, [hfa012, hfa017, hfa020]);
    await expectSameAsFromScratch(meetingCheck);

    // The comparison had something to compare: every kind was found, and the changes changed the findings.
    expect([...kinds].sort()).toEqual(
      ['date-outside-year', 'exif-date', 'identifier-check-digit', 'reused-from-earlier-year', 'same-file', 'same-identifier', 'similar-image', 'similar-page'].sort(),
    );
    expect(new Set(steps).size).toBeGreaterThan(3);
    expect(hfa012Of2025.digest).not.toBe(hfa012.digest);
    ctx.close();
  }, 120_000);
});
