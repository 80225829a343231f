/**
 * The hints beside an expert's claims (`claim-hints`): a real store with two alliances citing the
 * same contract file, a meeting of both, and two experts, one of whom recused from the other
 * alliance: to that expert the other place is named without its file, so nothing of it can be opened.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeFileFeatures } from '../../../electron/integrity/file-features.ts';
import { createMeeting, replacePackages } from '../../../electron/meeting/meeting-store.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { createTestExpert } from '../../helpers/expert-work.ts';
import { allianceManifest, alliancePackage, sampleContent } from '../../helpers/package-builder.ts';
import { packageImportReports } from '../../../shared/api/job-results.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('claim-hints-');

afterAll(async () => {
  await closeFileFeatures();
});

describe('claim-hints', () => {
  it('shows a hint beside the claim with the other place, without the file of a recused alliance', async () => {
    const ctx = testContext(tempDir(), new Date('2026-11-20T01:00:00Z'));
    const contract = sampleContent('合同.pdf');
    const contracts = (id: string, file: string) => ({ 'I4.techContracts': { items: [{ id, title: '技术开发合同', date: '2026-05-01', evidence: [file] }] } });
    const work = tempDir();
    const written = await Promise.all([
      alliancePackage(allianceManifest('HFA-012', contracts('tc-1', '合同/合同.pdf'))).with('合同/合同.pdf', contract).write(join(work, 'HFA-012')),
      alliancePackage(allianceManifest('HFA-017', contracts('tc-9', '证明/技术合同.pdf'))).with('证明/技术合同.pdf', contract).write(join(work, 'HFA-017')),
    ]);
    const { jobId } = await call(ctx, 'package-import', { sources: written.map((p) => ({ path: p.path })) });
    await ctx.jobs.idle();
    const reports = packageImportReports(await call(ctx, 'job-status', { jobId }));
    const [hfa012, hfa017] = reports.map((r, i) => ({ packageId: r.packageId!, allianceId: written[i]!.allianceId, digest: written[i]!.digest }));
    expect(reports.map((r) => r.outcome), JSON.stringify(reports.map((r) => r.problems))).toEqual(['imported', 'imported']);
    const meeting = createMeeting(ctx.db, { name: '2026 年度考核', year: 2026 }, new Date('2026-11-20T01:00:00Z'));
    replacePackages(ctx.db, meeting.id, [hfa012!, hfa017!]);

    const recusing = await createTestExpert(ctx, 'E01', '王明');
    const other = await createTestExpert(ctx, 'E02', '李华');
    await call(ctx, 'recusal-set', { expertId: recusing.id, packageId: hfa017!.packageId, reason: '本人任职于牵头单位' });

    const seen = await call(ctx, 'claim-hints', { expertId: other.id, packageId: hfa012!.packageId });
    expect(seen.claims).toEqual([
      {
        criterion: 'I4.techContracts',
        itemId: 'tc-1',
        hints: [expect.objectContaining({ kind: 'same-file', line: '同一文件也出现在 HFA-017 · I4 吸纳技术合同登记 第“tc-9”项（证明/技术合同.pdf）' })],
      },
    ]);
    expect(seen.claims[0]?.hints[0]?.elsewhere).toEqual([{ allianceId: 'HFA-017', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-9', file: '证明/技术合同.pdf', page: null }]);

    const recused = await call(ctx, 'claim-hints', { expertId: recusing.id, packageId: hfa012!.packageId });
    const hint = recused.claims[0]?.hints[0];
    expect(hint?.line).toBe('同一文件也出现在 HFA-017 · I4 吸纳技术合同登记 第“tc-9”项');
    expect(hint?.elsewhere).toEqual([{ allianceId: 'HFA-017', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-9', file: null, page: null }]);
    expect(JSON.stringify(recused)).not.toContain('证明/技术合同.pdf');

    // A package in no meeting has no hints (there is nothing to compare it with).
    replacePackages(ctx.db, meeting.id, []);
    expect((await call(ctx, 'claim-hints', { expertId: other.id, packageId: hfa012!.packageId })).claims).toEqual([]);
    ctx.close();
  }, 60_000);
});
