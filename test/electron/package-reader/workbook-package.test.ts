/**
 * A package whose root holds a filled self-check workbook instead of manifest.json imports
 * exactly as the equivalent manifest: the same validated manifest, the same
 * self-score, through the real reader, checker and importer.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../../electron/package-reader/check-package.ts';
import { buildTemplate } from '../../../electron/package-reader/workbook/build-template.ts';
import { loadRubric } from '../../../electron/rubrics/load-rubric.ts';
import { importPackage } from '../../../electron/package-store/import-packages.ts';
import type { Rubric } from '../../../shared/rubric/types.ts';
import { WorkbookFiller } from '../../helpers/workbook-filler.ts';
import { alliancePackage, type Content, type PackageBuilder } from '../../helpers/package-builder.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const rubric = (await loadRubric('hefei-2017')) as Rubric;

/** The workbook that says what `manifest()` says. */
async function sampleWorkbook(): Promise<Uint8Array> {
  const f = new WorkbookFiller(buildTemplate(rubric));
  f.info('year', 2026);
  f.info('alliance.id', 'HFA-012');
  f.info('alliance.name', '合肥市智能语音产业技术创新战略联盟');
  f.info('alliance.kind', '一般联盟 general');
  f.info('alliance.leadOrganization', '合肥某某科技有限公司');
  f.info('alliance.contact.name', '张三');
  f.info('alliance.contact.phone', '0551-00000000');
  f.info('selfReport', '自查报告.pdf');
  f.claim('I1.office', { claimed: '是', evidence: '制度建设/办公室照片.png' });
  f.items('I4.techContracts', [
    { itemId: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', evidence: '成果转化/技术合同1.pdf' },
    { itemId: 'tc-2', title: '声学模型联合开发合同', date: '2026-08-01', evidence: '成果转化/技术合同2.pdf' },
  ]);
  f.claim('I10.status', { value: 2.5 });
  return f.bytes();
}

function withoutManifest(extra: Record<string, Content>): PackageBuilder {
  return alliancePackage().without('manifest.json').with(extra);
}

describe('a package declared by its self-check workbook', () => {
  const tempDir = useTempDir();

  it('reads as the same manifest as manifest.json would, and is valid', async () => {
    const work = tempDir();
    const fromManifest = await checkPackage(alliancePackage().writeFolder(join(work, 'manifest')));
    const fromWorkbook = await checkPackage(withoutManifest({ '自查表.xlsx': await sampleWorkbook() }).writeFolder(join(work, 'workbook')));
    expect(fromWorkbook.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(fromWorkbook.valid).toBe(true);
    expect(fromWorkbook.manifest).toEqual(fromManifest.manifest);
    expect(fromWorkbook.reading.digest).toMatch(/^[0-9a-f]{64}$/);
    // The workbook is the declaration, not an unreferenced file.
    expect(fromWorkbook.problems.map((p) => p.path)).not.toContain('自查表.xlsx');
  });

  it('imports with the same self-score and claims', async () => {
    const ctx = testContext(tempDir());
    const path = withoutManifest({ '智能语音联盟自查表.xlsx': await sampleWorkbook() }).writeFolder(join(tempDir(), 'pkg'));
    const report = await importPackage(ctx, { path, name: 'pkg', uploadId: null });
    expect(report).toMatchObject({ outcome: 'imported', allianceId: 'HFA-012' });
    expect(ctx.db.prepare('SELECT self_total FROM package').pluck().get()).toBe('6.5');
    expect(ctx.db.prepare('SELECT criterion_id FROM claim ORDER BY criterion_id').pluck().all()).toEqual(['I1.office', 'I10.status', 'I4.techContracts']);
  });

  it('refuses a package with two candidate workbooks and neither named 自查表.xlsx, naming both', async () => {
    const bytes = await sampleWorkbook();
    const checked = await checkPackage(withoutManifest({ '甲自查表.xlsx': bytes, '乙自查表.xlsx': bytes }).writeFolder(join(tempDir(), 'pkg')));
    expect(checked.valid).toBe(false);
    const missing = checked.problems.find((p) => p.code === 'manifest-missing');
    expect(missing?.message).toContain('甲自查表.xlsx');
    expect(missing?.message).toContain('乙自查表.xlsx');
  });

  it('reports a workbook problem at its cell', async () => {
    const f = new WorkbookFiller(buildTemplate(rubric));
    f.info('year', 2026);
    f.info('alliance.id', 'HFA-012');
    f.info('alliance.name', '合肥市智能语音产业技术创新战略联盟');
    f.info('alliance.kind', '一般联盟 general');
    f.info('selfReport', '自查报告.pdf');
    f.claim('I10.status', { value: 3.7 });
    const checked = await checkPackage(withoutManifest({ '自查表.xlsx': await f.bytes() }).writeFolder(join(tempDir(), 'pkg')));
    expect(checked.valid).toBe(false);
    expect(checked.problems.some((p) => p.severity === 'error' && /^联盟工作任务!/.test(p.path))).toBe(true);
  });
});
