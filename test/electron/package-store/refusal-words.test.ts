/**
 * A refused package's problems as the clerk reads them: through the real reader and importer,
 * from uploads as the browser shell makes them (stored under an id of the app's), every
 * problem is placed by the file the clerk chose, the 联盟信息 field, the item by its number or
 * the 自查表 row, never by the upload's id or a manifest path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importPackage, problemsForClerk } from '../../../electron/package-store/import-packages.ts';
import { receiveUpload, uploadPath } from '../../../electron/package-store/incoming.ts';
import { buildTemplate } from '../../../electron/package-reader/workbook/build-template.ts';
import { checkPackage } from '../../../electron/package-reader/check-package.ts';
import { loadRubric } from '../../../electron/rubrics/load-rubric.ts';
import type { ServiceContext } from '../../../electron/app/context.ts';
import type { PackageImportReport } from '../../../shared/api/package-types.ts';
import type { Rubric } from '../../../shared/rubric/types.ts';
import { WorkbookFiller } from '../../helpers/workbook-filler.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { alliancePackage, manifest } from '../../helpers/package-builder.ts';

const rubric = (await loadRubric('hefei-2017')) as Rubric;
const tempDir = useTempDir('refusal-words-');

/** What only a package author or the app itself knows: field paths, manifest.json, an upload id. */
const notTheClerks = /claims\.|items\[|alliance\.|manifest\.json|[0-9a-f]{12}/u;

async function upload(ctx: ServiceContext, bytes: Buffer, name: string): Promise<PackageImportReport> {
  const id = await receiveUpload(ctx.dataDir, Readable.from([bytes]));
  return importPackage(ctx, { path: uploadPath(ctx.dataDir, id), name, uploadId: id });
}

describe('a refused package, as the clerk reads it', () => {
  it('is named by the chosen file when the zip is damaged, and by field and item when its manifest is wrong', async () => {
    const ctx = testContext(tempDir());
    const zip = readFileSync(await alliancePackage().writeZip(join(tempDir(), 'good.zip')));
    const damaged = await upload(ctx, zip.subarray(0, zip.length - 30), 'HFA-012 智能语音联盟.zip');
    expect(damaged).toMatchObject({ outcome: 'refused', source: 'HFA-012 智能语音联盟.zip' });
    expect(damaged.problems.map((p) => [p.code, p.place ?? p.path])).toEqual([['zip-damaged', 'HFA-012 智能语音联盟.zip']]);
    expect(damaged.problems[0]?.message).toBe('压缩包已损坏，读不出它的目录。可能是下载或拷贝不完整，请让联盟重新发送这个压缩包。');

    const wrong = manifest();
    const claims = wrong['claims'] as Record<string, { items: { date?: string }[] }>;
    claims['I4.techContracts']!.items[1]!.date = '2026-02-30';
    (wrong['alliance'] as Record<string, unknown>)['contact'] = 5;
    const refused = await upload(ctx, await alliancePackage(wrong).zipBuffer(), '智能语音联盟材料.zip');
    expect(refused).toMatchObject({ outcome: 'refused', source: '智能语音联盟材料.zip', allianceName: '合肥市智能语音产业技术创新战略联盟' });
    const errors = refused.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.place)).toEqual(['联盟信息 · 联系人', '成果转化 · 吸纳技术合同登记 第 2 条“声学模型联合开发合同”']);
    expect(errors[1]?.message).toMatch(/^这一项写得不对：2026-02-30 不是一个真实存在的日期/u);
    for (const p of refused.problems) expect(`${p.place ?? p.path} ${p.message}`, p.code).not.toMatch(notTheClerks);
  });

  it('from a 自查表 is placed by the item and the sheet’s row, never by manifest.json’s fields', async () => {
    const f = new WorkbookFiller(buildTemplate(rubric));
    f.info('year', 2026);
    f.info('alliance.id', 'HFA-012');
    f.info('alliance.name', '合肥市智能语音产业技术创新战略联盟');
    f.info('alliance.kind', '一般联盟 general');
    f.info('selfReport', '自查报告.pdf');
    f.claim('I10.status', { value: 3.7 });
    f.items('I4.techContracts', [
      { itemId: 'tc-1', title: '语音识别技术许可合同', date: '2026-13-12', evidence: '成果转化/技术合同1.pdf' },
      { itemId: 'tc-2', title: '', date: '2026-08-01', evidence: '成果转化/技术合同2.pdf' },
    ]);
    const pkg = alliancePackage().without('manifest.json').with({ '自查表.xlsx': await f.bytes() });
    const ctx = testContext(tempDir());
    const report = await upload(ctx, await pkg.zipBuffer(), '智能语音联盟（自查表）.zip');
    expect(report.outcome).toBe('refused');
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.code, p.place])).toEqual([
      ['workbook-cell-invalid', '自查表“联盟工作任务”表第 5 行 H 列'],
      ['field-missing', '成果转化 · 吸纳技术合同登记 第 2 条（自查表“联盟工作任务”表第 6 行 G 列）'],
      ['field-invalid', '白皮书或研究报告 · 行业现状清楚（自查表“联盟工作任务”表第 179 行 E 列）'],
    ]);
    expect(errors[1]?.message).toBe('缺少这一项：条目名称（文字，不能为空）。请补上后重新打包。');
    for (const p of report.problems) expect(`${p.place ?? p.path} ${p.message}`, p.code).not.toMatch(notTheClerks);

    // `validate` still prints the author's words and paths.
    const checked = await checkPackage(pkg.writeFolder(join(tempDir(), 'pkg')));
    expect(checked.problems.find((p) => p.code === 'field-missing')?.path).toBe('联盟工作任务!G6（claims.I4.techContracts.items[1].title）');
    expect(problemsForClerk(checked.problems).find((p) => p.code === 'field-missing')?.place).toBe('评分项 I4.techContracts 第 2 条（自查表“联盟工作任务”表第 6 行 G 列）');
  });
});
