/**
 * The spreadsheet preview of evidence: each cell shows what the spreadsheet program shows for
 * it. The fixtures were made by openpyxl and LibreOffice, and LibreOffice's own display of
 * each (its CSV export "as shown", recorded by make-fixtures.sh) is what the preview must equal.
 * Workbooks that expand are refused with a reason in Chinese, and the app goes on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { readSpreadsheetPreview } from '../../../../electron/evidence/spreadsheet/read-spreadsheet-preview.ts';
import { previewers } from '../../../../electron/evidence/previewers.ts';
import { ownText } from '../../../../electron/evidence/own-text.ts';
import { spreadsheetPreview } from '../../../../electron/evidence/spreadsheet/spreadsheet-preview.ts';
import { spreadsheetText } from '../../../../electron/evidence/spreadsheet/spreadsheet-text.ts';
import { renditionsRoot } from '../../../../electron/evidence/renditions.ts';
import { templateBytes } from '../../../../electron/package-reader/workbook/build-template.ts';
import { loadRubric } from '../../../../electron/rubrics/load-rubric.ts';
import type { SpreadsheetFormat, SpreadsheetPreview } from '../../../../shared/api/evidence-preview-types.ts';
import { packageImportReports } from '../../../../shared/api/job-results.ts';
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { call } from '../../../helpers/call.ts';
import { testContext } from '../../../helpers/context.ts';
import { csvRows } from '../../../helpers/csv-rows.ts';
import { writeXlsx } from '../../../helpers/office-files.ts';
import { manifest as packageManifest, packageFiles } from '../../../helpers/package-builder.ts';
import { patchXlsx, sheetPart } from '../../../helpers/patch-xlsx.ts';
import { useTempDir } from '../../../helpers/temp-dir.ts';

const tempDir = useTempDir('spreadsheet-preview-');
const dir = new URL('../../../fixtures/evidence/spreadsheets/', import.meta.url);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, dir)));
/** LibreOffice's display of one sheet of a fixture (make-fixtures.sh). */
const shown = (file: string, sheet: string): string[][] => csvRows(readFileSync(new URL(`${file}.expected/${sheet}.csv`, dir), 'utf8'));

async function preview(name: string, format: SpreadsheetFormat): Promise<SpreadsheetPreview> {
  const reading = await readSpreadsheetPreview(fixture(name), format, name);
  if (!reading.ok) throw new Error(reading.message);
  return reading.preview;
}
const sheet = (p: SpreadsheetPreview, name: string) => p.sheets.find((s) => s.name === name);
/** Rows with some cells replaced: [row, column, text] (0-based). */
const withCells = (rows: string[][], changes: readonly [number, number, string][]): string[][] => {
  const copy = rows.map((row) => [...row]);
  for (const [r, c, text] of changes) copy[r]![c] = text;
  return copy;
};

describe('a spreadsheet shows what its program shows', () => {
  it('.xls (BIFF8, written by LibreOffice): dates, percent, ¥12,345.68, negative in parentheses, a formula by its stored result', async () => {
    const p = await preview('contracts.xls', 'xls');
    expect(p.format).toBe('xls');
    // LibreOffice wrote the workbook's TRUE and #DIV/0! as the formulas =TRUE() and =#N/A with
    // those results stored; opening the .xls it recomputes them (1, #N/A). Excel and WPS show
    // the stored results, and so does the preview: it never recomputes.
    expect(sheet(p, '合同清单')?.rows).toEqual(withCells(shown('contracts.xls', '合同清单'), [[4, 5, 'TRUE'], [5, 4, '#DIV/0!']]));
    expect(sheet(p, '成员单位')?.rows).toEqual(shown('contracts.xls', '成员单位'));
    const rows = sheet(p, '合同清单')!.rows;
    expect(rows[2]).toEqual(['tc-1', '语音识别技术许可合同', '2026年2月1日', '¥12,345.68', '25.6%', '首付已到账']);
    expect(rows[3]?.[3]).toBe('(¥2,500.50)');
    expect(rows[5]?.[3]).toBe('¥1,244,412.18');
    expect(p.notice).toBeNull();
  });

  it('.et in the BIFF8 WPS saves under that name reads as the .xls; WPS\'s own .et format is refused, saying so', async () => {
    const [et, xls] = [await preview('contracts.et', 'et'), await preview('contracts.xls', 'xls')];
    expect(et.format).toBe('et');
    expect(et.sheets).toEqual(xls.sheets);
    // Bytes no library reads as a workbook (here a compound file cut short), as WPS's own .et is.
    const notBiff = fixture('contracts.xls').slice();
    const reading = await readSpreadsheetPreview(notBiff.subarray(0, 1536), 'et', '成员名单.et');
    expect(reading).toEqual({ ok: false, message: '无法预览：“成员名单.et”是 WPS 表格自己的格式，本程序读不出其中的表格。请用 WPS 打开查看，或请联盟另存为 .xlsx 后重新提供。' });
  });

  it('shows the text found in an .et no library reads, with a notice saying what it is; its search has that text', async () => {
    // A compound file that holds UTF-16 text but no workbook, as WPS 表格's own .et is to
    // SheetJS (here LibreOffice's .doc: WPS's own format cannot be made with Debian's programs).
    const bytes = new Uint8Array(readFileSync(new URL('../documents/红头文件.doc', dir)));
    const shown = await previewers.et!({ bytes, sha256: 'e'.repeat(64), path: '清单/成员名单.et', fileName: '成员名单.et', dataDir: tempDir() });
    expect(shown.kind).toBe('document');
    if (shown.kind !== 'document') return;
    expect(shown.format).toBe('et');
    expect(shown.notice).toMatch(/^这是 WPS 表格自有的格式（\.et），没有可用的程序库能读出其中的表格。下面只是从文件中找出的文字/);
    expect(shown.body.map((b) => (b.type === 'paragraph' ? b.text : ''))).toContain('合肥市科学技术局文件');
    expect((await ownText('et', bytes, '成员名单.et'))?.[0]).toContain('合肥市科学技术局文件');
    // Not even a compound file to search (cut short): the refusal that says to open it in WPS.
    const cut = previewers.et!({ bytes: fixture('contracts.xls').subarray(0, 1536), sha256: 'f'.repeat(64), path: '清单/空.et', fileName: '空.et', dataDir: tempDir() });
    await expect(cut).rejects.toMatchObject({ code: 'preview-refused', message: expect.stringContaining('“空.et”是 WPS 表格自己的格式') });
  }, 60_000);

  it('a damaged .xls (cut short) says so, naming the file', async () => {
    const reading = await readSpreadsheetPreview(fixture('contracts.xls').subarray(0, 1536), 'xls', '合同清单.xls');
    expect(reading).toEqual({ ok: false, message: '无法预览：“合同清单.xls”已损坏或不完整，读不出其中的表格。可以尝试用系统程序打开；打不开时请联盟重新提供。' });
  });

  it('.ods (LibreOffice) exactly as LibreOffice shows it', async () => {
    const p = await preview('contracts.ods', 'ods');
    expect(sheet(p, '合同清单')?.rows).toEqual(shown('contracts.ods', '合同清单'));
    expect(sheet(p, '成员单位')?.rows).toEqual(shown('contracts.ods', '成员单位'));
  });

  it('.ods cells LibreOffice stored once with a repeat count show in every column they cover', async () => {
    const p = await preview('repeated.ods', 'ods');
    expect(p.sheets[0]?.rows).toEqual(shown('repeated.ods', 'repeated'));
    expect(p.sheets[0]?.columnLabels).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('.xlsx by openpyxl (comments by absolute part targets): as LibreOffice shows it, but a formula without a stored result stays empty, with a notice', async () => {
    const p = await preview('contracts.xlsx', 'xlsx');
    // D6 is =SUM(D3:D5), stored by openpyxl without a result; LibreOffice computes one.
    expect(shown('contracts.xlsx', '合同清单')[5]?.[3]).toBe('¥1,244,412.18');
    expect(sheet(p, '合同清单')?.rows).toEqual(withCells(shown('contracts.xlsx', '合同清单'), [[5, 3, '']]));
    expect(sheet(p, '成员单位')?.rows).toEqual(shown('contracts.xlsx', '成员单位'));
    expect(p.notice).toMatch(/^有 1 个公式单元格在文件里没有保存计算结果.*不重新计算公式/);
  });

  it('a filled 自查表 openpyxl wrote (comments by absolute targets, ISO date cells) shows its dates as formatted', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../fixtures/workbook/openpyxl-filled.xlsx', import.meta.url)));
    const reading = await readSpreadsheetPreview(bytes, 'xlsx', '自查表.xlsx');
    expect(reading.ok).toBe(true);
    const tasks = reading.ok ? reading.preview.sheets.find((s) => s.name === '联盟工作任务') : undefined;
    const row = tasks?.rows.find((r) => r.includes('语音识别技术许可合同'));
    expect(row?.some((text) => /^2026-05-12$|^2026\/5\/12$/.test(text))).toBe(true);
    expect(row?.join('')).not.toMatch(/GMT|object/);
  });

  it.each([
    ['rich.xlsx', 'xlsx'],
    ['rich.xls', 'xls'],
  ] as const)('rich text runs and a hyperlink show their text (%s)', async (name, format) => {
    const p = await preview(name, format);
    expect(p.sheets[0]?.rows).toEqual(shown(name, '富文本'));
    expect(p.sheets[0]?.rows).toEqual([['经费已到账，余款待付', '联盟官网']]);
  });

  it('a hidden sheet is shown too, marked as hidden', async () => {
    const p = await preview('hidden.xlsx', 'xlsx');
    expect(p.sheets.map((s) => [s.name, s.hidden, s.rows])).toEqual([
      ['汇总', false, [['见明细']]],
      ['明细', true, [['隐藏的明细']]],
    ]);
  });

  it('a workbook in the 1904 date system', async () => {
    const p = await preview('1904.xlsx', 'xlsx');
    expect(p.sheets[0]?.rows).toEqual(shown('1904.xlsx', '日期'));
    expect(p.sheets[0]?.rows).toEqual([['2026-02-01']]);
  });

  it("Excel's built-in date formats as Chinese Excel and WPS show them (yyyy/m/d), not the US m/d/yy", async () => {
    const p = await preview('builtin.xlsx', 'xlsx');
    expect(p.sheets[0]?.rows).toEqual([['2026/2/1', '2026/2/1 14:30']]);
  });

  it('the format codes of Chinese Excel and WPS as LibreOffice shows them in a Chinese locale (weekday, long date, unquoted ¥)', async () => {
    const p = await preview('zh-formats.xlsx', 'xlsx');
    const expected = shown('zh-formats.xlsx', '中文格式');
    expect(expected.slice(0, 5)).toEqual([['2026年2月1日 星期日'], ['日'], ['2026年2月1日　星期日'], ['14:30:00'], [' ¥1,234.50 ']]);
    expect(p.sheets[0]?.rows).toEqual(
      withCells(expected, [
        // LibreOffice cannot read the Chinese colour name and shows the bare number; Excel and WPS
        // show the negative section's text (in red, which the preview leaves out).
        [5, 0, '¥-12,345.68'],
        // Chinese numerals ([DBNum1]) are not made: the date is right, in Arabic digits.
        [7, 0, '2026年2月1日'],
        // LibreOffice does not know 上午/下午 and shows the number; Excel and WPS show this.
        [8, 0, '下午2时30分'],
      ]),
    );
  });

  it('merged cells span their range, with the letters and numbers around the grid', async () => {
    const s = sheet(await preview('contracts.xls', 'xls'), '合同清单')!;
    expect(s.merges).toEqual([
      { row: 0, column: 0, rowSpan: 1, columnSpan: 6 },
      { row: 5, column: 0, rowSpan: 1, columnSpan: 3 },
    ]);
    expect(s.rows[0]?.[0]).toBe('2026年度联盟合同与经费清单');
    expect(s.columnLabels).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(s.rowLabels).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Numbers and dates right, booleans and errors centred, as the spreadsheet aligns them.
    expect(s.cellKinds).toEqual(['tttttt', 'tttttt', 'ttnnnt', 'ttnnnt', 'ttnnnb', 'tttnen', 'nttttt']);
    expect(s.truncated).toBeNull();
  });
});

describe('a .csv file shows its text, whatever its encoding', () => {
  it('GBK, as Excel saves CSV on Chinese Windows', async () => {
    const p = await preview('gbk.csv', 'csv');
    expect(p.sheets[0]?.rows).toEqual(csvRows(readFileSync(new URL('gbk.expected.csv', dir), 'utf8')));
    expect(p.sheets[0]?.rows[2]?.[3]).toBe('￥12,345.68');
    expect(p.notice).toContain('按 GBK 编码读取');
  });

  it('UTF-16 with a byte-order mark and tabs, as LibreOffice and Excel ("Unicode 文本") save it', async () => {
    const p = await preview('utf16.csv', 'csv');
    expect(p.sheets[0]?.rows).toEqual(shown('contracts.xls', '合同清单'));
    expect(p.notice).toContain('按 UTF-16 编码读取');
  });

  it('UTF-8 without a byte-order mark (LibreOffice\'s own CSV) and UTF-16BE with one', async () => {
    const utf8 = await spreadsheetPreview(fixture('contracts.xls.expected/合同清单.csv'), 'csv', '合同清单.csv');
    expect(utf8.sheets[0]?.rows).toEqual(shown('contracts.xls', '合同清单'));
    expect(utf8.notice).toContain('按 UTF-8 编码读取');
    const be = await preview('utf16be.csv', 'csv');
    expect(be.sheets[0]?.rows).toEqual(shown('contracts.xls', '成员单位'));
  });

  it('UTF-8 with a byte-order mark, semicolons, a quoted field with a line break and quotes', async () => {
    const p = await preview('semicolon.csv', 'csv');
    expect(p.sheets[0]?.rows).toEqual([
      ['编号', '说明', '金额'],
      ['tc-1', '第一行\n第二行', '12,5'],
      ['tc-2', '含"引号"', '3'],
    ]);
  });

  it('a sheet beyond 500 rows or 50 columns is cut, saying how far it reaches', async () => {
    const line = (r: number) => Array.from({ length: 60 }, (_, c) => `r${r}c${c}`).join(',');
    const bytes = new TextEncoder().encode(Array.from({ length: 600 }, (_, r) => line(r)).join('\n'));
    const p = await spreadsheetPreview(bytes, 'csv', '大表.csv');
    const s = p.sheets[0]!;
    expect(s.truncated).toEqual({ rows: 600, columns: 60, maxRows: 500, maxColumns: 50 });
    expect(s.rows).toHaveLength(500);
    expect(s.rows[499]).toHaveLength(50);
    expect(s.rows[499]?.[49]).toBe('r499c49');
    expect(s.columnLabels.at(-1)).toBe('AX');
    expect(s.name).toBe('CSV');
  });
});

describe('a large workbook', () => {
  it('shows its first 500 rows, read no further, and says how far the sheet reaches', async () => {
    const file = join(tempDir(), '大表.xlsx');
    await writeXlsx(file, { 成员: Array.from({ length: 600 }, (_, r) => [`单位 ${r + 1}`, r + 1]) });
    const p = await spreadsheetPreview(new Uint8Array(readFileSync(file)), 'xlsx', '大表.xlsx');
    const s = p.sheets[0]!;
    expect(s.truncated).toEqual({ rows: 600, columns: 2, maxRows: 500, maxColumns: 50 });
    expect(s.rows).toHaveLength(500);
    expect(s.rows[499]).toEqual(['单位 500', '500']);
    expect(s.rowLabels.at(-1)).toBe(500);
  });
});

describe('spreadsheetText', () => {
  it('gives each sheet as the texts shown, a tab between cells and a line per row', async () => {
    const reading = await spreadsheetText(fixture('contracts.ods'), 'ods', 'contracts.ods');
    expect(reading.ok).toBe(true);
    const sheets = reading.ok ? reading.sheets : [];
    expect(sheets.map((s) => s.sheet)).toEqual(['合同清单', '成员单位']);
    expect(sheets[0]?.text.split('\n')[2]).toBe('tc-1\t语音识别技术许可合同\t2026年2月1日\t¥12,345.68\t25.6%\t首付已到账');
    expect(sheets[1]?.text).toBe('单位名称\t加入日期\n合肥某某科技有限公司\t2025年12月31日');
  });
});

const rubric = (await loadRubric('hefei-2017')) as Rubric;

describe('workbooks that would expand are refused', () => {
  const mergeBomb = async (): Promise<Uint8Array> =>
    patchXlsx(await templateBytes(rubric), {
      [sheetPart(2)]: (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    });

  it('refuses a merged range over the whole sheet at once, saying why in Chinese', async () => {
    const started = Date.now();
    const reading = await readSpreadsheetPreview(await mergeBomb(), 'xlsx', '大表.xlsx');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(reading).toEqual({ ok: false, message: expect.stringMatching(/^无法预览：“大表.xlsx”的工作表“联盟信息”有范围过大的合并单元格（A1:XFD1048576）.*系统程序打开/) });
  });

  it('refuses an .ods whose repeated cells expand past a million, before SheetJS expands them', async () => {
    // The real LibreOffice file with its one row of values repeated over the whole sheet.
    const bomb = await patchXlsx(fixture('repeated.ods'), {
      'content.xml': (xml) => xml.replace(/<table:table-row table:style-name="ro1">(?=<table:table-cell[^>]*><text:p>合同)/, '<table:table-row table:style-name="ro1" table:number-rows-repeated="1048000">').replace(/table:number-columns-repeated="4"([^>]*>\s*<text:p>已签)/, 'table:number-columns-repeated="16000"$1'),
    });
    const started = Date.now();
    const reading = await readSpreadsheetPreview(bomb, 'ods', '名单.ods');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(reading).toEqual({ ok: false, message: '无法预览：“名单.ods”的工作表“repeated”重复的单元格展开后超过 1,000,000 个。为防止程序卡死，本程序不预览这个文件；可以尝试用系统程序打开。' });
  });

  it('ends a preview that outgrows its cap, with a reason', async () => {
    const big = new TextEncoder().encode(Array.from({ length: 100_000 }, (_, r) => `tc-${r},语音识别技术许可合同,${r}`).join('\n'));
    const reading = await readSpreadsheetPreview(big, 'csv', '大表.csv', { maxOldGenerationSizeMb: 8, timeoutMs: 30_000 });
    expect(reading).toEqual({ ok: false, message: expect.stringMatching(/^无法预览：这个 CSV 文件.*(内存|秒内)/) });
  });

  it('the evidence-preview channel refuses the expanding workbook, previews the others, and keeps each preview once', async () => {
    const ctx = testContext(tempDir());
    const root = tempDir();
    const manifest = packageManifest({ claims: { 'I1.office': { claimed: true, evidence: ['大表.xlsx', '清单/合同清单.xls', '清单/合同清单.et'] } }, selfReport: '自查表.xlsx' });
    packageFiles([
      ['manifest.json', JSON.stringify(manifest)],
      ['大表.xlsx', await mergeBomb()],
      ['清单/合同清单.xls', fixture('contracts.xls')],
      ['清单/合同清单.et', fixture('contracts.et')],
    ]).writeFolder(root);
    await writeXlsx(join(root, '自查表.xlsx'), { 合同清单: [['编号', '合同名称'], ['tc-1', '语音识别技术许可合同']] });
    const { jobId } = await call(ctx, 'package-import', { sources: [{ path: root }] });
    await ctx.jobs.idle();
    const packageId = packageImportReports(await call(ctx, 'job-status', { jobId }))[0]?.packageId ?? 0;
    await expect(call(ctx, 'evidence-preview', { packageId, path: '大表.xlsx' })).rejects.toThrow(/^preview-refused: 无法预览：“大表.xlsx”的工作表“联盟信息”有范围过大的合并单元格/);
    const xls = await call(ctx, 'evidence-preview', { packageId, path: '清单/合同清单.xls' });
    expect(xls).toMatchObject({ kind: 'spreadsheet', format: 'xls', sheets: [{ name: '合同清单' }, { name: '成员单位' }] });
    // The .et holds the same BIFF8 bytes: detected as the .xls it is, and its preview is the one stored.
    expect(await call(ctx, 'evidence-preview', { packageId, path: '清单/合同清单.et' })).toEqual(xls);
    // Kept by content hash; asked again, the stored preview is the answer.
    const stored = readdirSync(renditionsRoot(ctx.dataDir), { recursive: true }).map(String);
    expect(stored.filter((p) => p.endsWith('preview.json')).map((p) => p.split(/[\\/]/).at(-2))).toEqual(['spreadsheet-xls-v1']);
    expect(await call(ctx, 'evidence-preview', { packageId, path: '清单/合同清单.xls' })).toEqual(xls);
  });
});
