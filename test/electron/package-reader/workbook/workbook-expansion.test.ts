/**
 * Workbooks that expand: small files that ask exceljs for billions of cells are refused before
 * exceljs reads them, and whatever slips past ends a capped worker, not the process.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { checkPackage } from '../../../../electron/package-reader/check-package.ts';
import { templateBytes } from '../../../../electron/package-reader/workbook/build-template.ts';
import { checkWorkbookZip } from '../../../../electron/package-reader/workbook/check-workbook-zip.ts';
import { readWorkbook } from '../../../../electron/package-reader/workbook/read-workbook.ts';
import { workbookToManifest } from '../../../../electron/package-reader/workbook/workbook-to-manifest.ts';
import { loadRubric } from '../../../../electron/rubrics/load-rubric.ts';
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { alliancePackage } from '../../../helpers/package-builder.ts';
import { patchXlsx, sheetPart } from '../../../helpers/patch-xlsx.ts';
import { runCli } from '../../../helpers/run-cli.ts';
import { useTempDir } from '../../../helpers/temp-dir.ts';
import { readFileSync } from 'node:fs';

const rubric = (await loadRubric('hefei-2017')) as Rubric;
const template = await templateBytes(rubric);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../fixtures/workbook/${name}`, import.meta.url)));

/** The template with its 联盟信息 sheet (the 2nd), or another, patched. */
function patched(patch: (xml: string) => string, sheet = 2): Promise<Uint8Array> {
  return patchXlsx(template, { [sheetPart(sheet)]: patch });
}

const mergeBomb = () => patched((xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
const validationBomb = () =>
  patched((xml) => xml.replace(/<dataValidations count="(\d+)">/, '<dataValidations count="$1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>1</formula1></dataValidation>'));
const farCell = (sheet = 2) => patched((xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'), sheet);
const farDimension = () => patched((xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));

describe('workbooks that expand', () => {
  const tempDir = useTempDir();

  it('refuses a merged range over the whole sheet before exceljs, naming the sheet and the range', async () => {
    const bomb = await mergeBomb();
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await checkWorkbookZip(bomb)).toMatchObject({ ok: false, reason: 'too-many-cells', excess: { what: 'merged', ref: 'A1:XFD1048576' }, sheet: '联盟信息' });
    const started = Date.now();
    const conversion = await workbookToManifest(bomb, rubric);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(conversion.manifest).toBeNull();
    expect(conversion.problems).toEqual([
      expect.objectContaining({ code: 'workbook-range-too-large', path: '自查表.xlsx', message: expect.stringMatching(/工作表“联盟信息”有范围过大的合并单元格（A1:XFD1048576）.*请取消这处合并/) }),
    ]);
  });

  it('refuses a data validation over the whole sheet, a cell at XFD1048576 and a dimension to XFD1048576', async () => {
    for (const [bomb, what] of [
      [await validationBomb(), 'validated'],
      [await farCell(), 'rows'],
      [await farDimension(), 'rows'],
    ] as const) {
      const started = Date.now();
      const conversion = await workbookToManifest(bomb, rubric);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(conversion.problems.map((p) => p.code)).toEqual(['workbook-range-too-large']);
      expect(await checkWorkbookZip(bomb)).toMatchObject({ ok: false, reason: 'too-many-cells', excess: { what } });
    }
  });

  it('accepts what honest programs write: the template, and a 自查表 saved by openpyxl or LibreOffice', async () => {
    expect(await checkWorkbookZip(template)).toEqual({ ok: true });
    expect(await checkWorkbookZip(fixture('openpyxl-filled.xlsx'))).toEqual({ ok: true });
    expect(await checkWorkbookZip(fixture('libreoffice-formula.xlsx'))).toEqual({ ok: true });
  });

  it('`validate` answers with the refusal and exits 1, instead of dying of heap exhaustion', async () => {
    const path = alliancePackage().without('manifest.json').with({ '自查表.xlsx': await mergeBomb() }).writeFolder(join(tempDir(), 'pkg'));
    const run = runCli(['validate', path]);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('workbook-range-too-large');
    expect(run.stdout + run.stderr).toContain('合并单元格');
  });

  it('reads the workbook in a capped worker: what expands past the checks ends the worker, with a refusal', async () => {
    // Checks opened wide so exceljs and the converter meet the far cell (on 制度建设, whose rows
    // are read one by one down to the last); the worker's heap cap stops them.
    const wide = { maxEntries: 2_000, maxTotalBytes: 64 * 1024 * 1024, extent: { maxRows: 2e6, maxColumns: 2e4, maxMergedCells: 1e12, maxValidatedCells: 1e12 } };
    const conversion = await readWorkbook(await farCell(3), rubric, { fileName: '自查表.xlsx', limits: wide, caps: { maxOldGenerationSizeMb: 96, timeoutMs: 60_000 } });
    expect(conversion).toMatchObject({ manifest: null, problems: [{ code: 'workbook-too-large', path: '自查表.xlsx' }] });
    expect(conversion.problems[0]?.message).toMatch(/内存|时间上限/);
    // And an honest workbook reads there as it does in process.
    const honest = await readWorkbook(fixture('openpyxl-filled.xlsx'), rubric, { fileName: '自查表.xlsx' });
    expect(honest.manifest).toEqual((await workbookToManifest(fixture('openpyxl-filled.xlsx'), rubric)).manifest);
  });

  it('checkPackage reports the refusal as the workbook’s one problem', async () => {
    const path = alliancePackage().without('manifest.json').with({ '自查表.xlsx': await validationBomb() }).writeFolder(join(tempDir(), 'pkg'));
    const checked = await checkPackage(path);
    expect(checked.valid).toBe(false);
    expect(checked.problems.map((p) => p.code)).toEqual(['workbook-range-too-large']);
  });
});
