/**
 * The import report's cross-check (`package-cross-check`): a real store, packages imported by the
 * importer, no meeting yet (the clerk has just imported them): the year's packages are checked
 * and only the findings that involve the asked package are answered.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeFileFeatures } from '../../../electron/integrity/file-features.ts';
import { packageImportReports } from '../../../shared/api/job-results.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { allianceManifest, alliancePackage, sampleContent } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('package-cross-check-');

afterAll(async () => {
  await closeFileFeatures();
});

describe('package-cross-check', () => {
  it('lists the findings of the imported package against its year, before any meeting', async () => {
    const ctx = testContext(tempDir(), new Date('2026-11-20T01:00:00Z'));
    const contract = sampleContent('合同.pdf');
    const contracts = (id: string, file: string) => ({ 'I4.techContracts': { items: [{ id, title: '技术开发合同', date: '2026-05-01', evidence: [file] }] } });
    const work = tempDir();
    const written = await Promise.all([
      alliancePackage(allianceManifest('HFA-012', contracts('tc-1', '合同/合同.pdf'))).with('合同/合同.pdf', contract).write(join(work, 'HFA-012')),
      alliancePackage(allianceManifest('HFA-017', contracts('tc-9', '证明/技术合同.pdf'))).with('证明/技术合同.pdf', contract).write(join(work, 'HFA-017')),
      alliancePackage(allianceManifest('HFA-020', contracts('tc-2', '证明/另一份合同.pdf'))).write(join(work, 'HFA-020')),
    ]);
    const { jobId } = await call(ctx, 'package-import', { sources: written.map((p) => ({ path: p.path })) });
    await ctx.jobs.idle();
    const reports = packageImportReports(await call(ctx, 'job-status', { jobId }));
    expect(reports.map((r) => r.outcome)).toEqual(['imported', 'imported', 'imported']);

    const hfa012 = await call(ctx, 'package-cross-check', { packageId: reports[0]!.packageId! });
    expect(hfa012).toMatchObject({ allianceId: 'HFA-012', year: 2026, packages: 3, earlierPackages: 0 });
    expect(hfa012.findings.map((f) => [f.kind, f.places.map((p) => `${p.allianceId} ${p.itemId ?? ''}`)])).toEqual([['same-file', ['HFA-012 tc-1', 'HFA-017 tc-9']]]);
    expect(hfa012.findings[0]?.detail).toContain('这只是提示');

    const hfa020 = await call(ctx, 'package-cross-check', { packageId: reports[2]!.packageId! });
    expect(hfa020.findings).toEqual([]);
    ctx.close();
  }, 60_000);
});
