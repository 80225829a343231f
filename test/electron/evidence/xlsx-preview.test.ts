/**
 * The Excel preview of evidence: workbooks other programs wrote are shown, workbooks that
 * expand are refused with a reason in Chinese, and the app goes on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { readXlsxPreview } from '../../../electron/evidence/read-xlsx-preview.ts';
import { templateBytes } from '../../../electron/package-reader/workbook/build-template.ts';
import { loadRubric } from '../../../electron/rubrics/load-rubric.ts';
import { packageImportReports } from '../../../shared/api/job-results.ts';
import type { Rubric } from '../../../shared/rubric/types.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { writeXlsx } from '../../helpers/office-files.ts';
import { manifest as packageManifest, packageFiles } from '../../helpers/package-builder.ts';
import { patchXlsx, sheetPart } from '../../helpers/patch-xlsx.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('xlsx-preview-');
const rubric = (await loadRubric('hefei-2017')) as Rubric;
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/workbook/${name}`, import.meta.url)));
const mergeBomb = async (): Promise<Uint8Array> =>
  patchXlsx(await templateBytes(rubric), {
    [sheetPart(2)]: (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
  });

describe('readXlsxPreview', () => {
  it('shows a workbook openpyxl wrote (comments by absolute targets, ISO date cells)', async () => {
    const reading = await readXlsxPreview(fixture('openpyxl-filled.xlsx'), '自查表.xlsx');
    expect(reading.ok).toBe(true);
    const sheet = reading.ok ? reading.sheets.find((s) => s.name === '联盟工作任务') : undefined;
    expect(sheet?.rows[4]).toEqual(expect.arrayContaining(['语音识别技术许可合同']));
    expect(sheet?.rows[4]?.some((cell) => cell.includes('2026'))).toBe(true);
  });

  it('refuses a merged range over the whole sheet at once, saying why in Chinese', async () => {
    const started = Date.now();
    const reading = await readXlsxPreview(await mergeBomb(), '大表.xlsx');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(reading).toEqual({ ok: false, message: expect.stringMatching(/^无法预览：“大表.xlsx”的工作表“联盟信息”有范围过大的合并单元格（A1:XFD1048576）.*系统程序打开/) });
  });

  it('says an .ods file under an .xlsx name is one', async () => {
    expect(await readXlsxPreview(fixture('libreoffice.ods'), '清单.xlsx')).toEqual({ ok: false, message: expect.stringContaining('OpenDocument 表格（.ods）') });
  });

  it('ends a preview that outgrows its cap, with a reason', async () => {
    const far = await patchXlsx(await templateBytes(rubric), {
      [sheetPart(2)]: (xml) => xml.replace('</sheetData>', '<row r="40000"><c r="A40000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'),
    });
    const reading = await readXlsxPreview(far, '大表.xlsx', { maxOldGenerationSizeMb: 8, timeoutMs: 30_000 });
    expect(reading).toEqual({ ok: false, message: expect.stringMatching(/^无法预览：.*(内存|秒内)/) });
  });
});

describe('the evidence-preview channel', () => {
  it('refuses an expanding workbook with its reason and goes on previewing the others', async () => {
    const ctx = testContext(tempDir());
    const root = tempDir();
    const manifest = packageManifest({ claims: { 'I1.office': { claimed: true, evidence: ['大表.xlsx', '清单.xlsx'] } }, selfReport: '清单.xlsx' });
    packageFiles([['manifest.json', JSON.stringify(manifest)], ['大表.xlsx', await mergeBomb()]]).writeFolder(root);
    await writeXlsx(join(root, '清单.xlsx'), { 合同清单: [['编号', '合同名称'], ['tc-1', '语音识别技术许可合同']] });
    const { jobId } = await call(ctx, 'package-import', { sources: [{ path: root }] });
    await ctx.jobs.idle();
    const packageId = packageImportReports(await call(ctx, 'job-status', { jobId }))[0]?.packageId ?? 0;
    await expect(call(ctx, 'evidence-preview', { packageId, path: '大表.xlsx' })).rejects.toThrow(/^preview-refused: 无法预览：“大表.xlsx”的工作表“联盟信息”有范围过大的合并单元格/);
    expect(await call(ctx, 'evidence-preview', { packageId, path: '清单.xlsx' })).toMatchObject({ kind: 'xlsx', sheets: [{ name: '合同清单' }] });
  });
});
