/**
 * Spreadsheet evidence end to end: an .xls, an .ods, a GBK .csv and an openpyxl .xlsx, each
 * shown in the viewer as its spreadsheet program shows it (formatted dates, percent, yuan,
 * the merged title spanning the columns), with screenshots at a laptop's 1366×768.
 * Screenshots go to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { longPdf } from '../helpers/long-pdf.ts';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { scoreOnePackage } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const fixture = (name: string): Buffer => readFileSync(resolve(root, 'test/fixtures/evidence/spreadsheets', name));

describe('spreadsheet evidence in the viewer', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-sheets-'));
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows an .xls, an .ods, a GBK .csv and an openpyxl .xlsx with their dates, percent and yuan as displayed', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    const files = ['清单/合同清单.xls', '清单/合同清单.ods', '清单/合同清单.csv', '清单/合同清单.xlsx', '清单/成员名录.csv'];
    const members = ['序号,单位名称,加入日期', ...Array.from({ length: 650 }, (_, i) => `${i + 1},合肥某某科技有限公司第${i + 1}分公司,2025-12-31`)].join('\r\n');
    const manifest = packageManifest({ claims: { 'I1.office': { claimed: true, evidence: files } } });
    const zip = await packageFiles({
      'manifest.json': JSON.stringify(manifest),
      '自查报告.pdf': await longPdf(2),
      '清单/合同清单.xls': fixture('contracts.xls'),
      '清单/合同清单.ods': fixture('contracts.ods'),
      '清单/合同清单.csv': fixture('gbk.csv'),
      '清单/合同清单.xlsx': fixture('contracts.xlsx'),
      '清单/成员名录.csv': members,
    }).writeZip(join(work, '表格证据.zip'));

    await scoreOnePackage(page, zip, { name: '李华', id: 'E02', passphrase: 'passphrase-2027' });

    const preview = page.getByTestId('spreadsheet-preview');
    for (const [file, shot] of [
      ['合同清单.xls', 'xls'],
      ['合同清单.ods', 'ods'],
    ] as const) {
      await page.getByRole('button', { name: file, exact: true }).click();
      await preview.getByText('2026年2月1日', { exact: true }).waitFor();
      await expect.poll(() => preview.getByRole('cell', { name: '25.6%', exact: true }).count()).toBe(1);
      expect(await preview.getByRole('cell', { name: '¥12,345.68', exact: true }).count()).toBe(1);
      expect(await preview.getByRole('cell', { name: '(¥2,500.50)', exact: true }).count()).toBe(1);
      // The merged title spans the six columns; the cells it covers are not there.
      const title = preview.getByRole('cell', { name: '2026年度联盟合同与经费清单' });
      expect(await title.getAttribute('colspan')).toBe('6');
      expect(await preview.locator('tbody tr').first().locator('td').count()).toBe(1);
      expect(await preview.locator('thead th').allTextContents()).toEqual(['', 'A', 'B', 'C', 'D', 'E', 'F']);
      expect(await preview.textContent()).not.toMatch(/object Object|46054|GMT/);
      await page.screenshot({ path: resolve(shots, `evidence-spreadsheet-${shot}.png`) });
    }
    // Other sheets are a tab away.
    await preview.getByRole('tab', { name: '成员单位' }).click();
    await preview.getByRole('cell', { name: '2025年12月31日', exact: true }).waitFor();

    await page.getByRole('button', { name: '合同清单.csv', exact: true }).click();
    await preview.getByRole('cell', { name: '￥12,345.68', exact: true }).waitFor();
    expect(await preview.getByRole('note').textContent()).toContain('按 GBK 编码读取');
    await page.screenshot({ path: resolve(shots, 'evidence-spreadsheet-csv.png') });

    await page.getByRole('button', { name: '合同清单.xlsx', exact: true }).click();
    await preview.getByRole('note').getByText(/有 1 个公式单元格在文件里没有保存计算结果/).waitFor();
    expect(await preview.getByRole('cell', { name: '2026/5/12 14:30', exact: true }).count()).toBe(1);
    await page.screenshot({ path: resolve(shots, 'evidence-spreadsheet-xlsx.png') });

    // A long list: the first 500 rows, and how long the sheet really is.
    await page.getByRole('button', { name: '成员名录.csv', exact: true }).click();
    await preview.getByText('（工作表“CSV”共 651 行、3 列，这里只显示前 500 行、50 列；其余的请用系统程序打开查看）').waitFor();
    expect(await preview.locator('tbody tr').count()).toBe(500);
    await preview.locator('tbody tr').nth(300).scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'evidence-spreadsheet-long.png') });
  });
});
