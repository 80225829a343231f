/**
 * The evidence viewer end to end: a 300-page scan stays virtualised (only pages near the view
 * have a canvas), images zoom and rotate, Word and Excel files are shown as text (markup stays
 * text), other files need a confirmation and are refused by the browser shell, the full file
 * list marks files no claim names, and a kind-specific claim carries its warning.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { longPdf } from '../helpers/long-pdf.ts';
import { writeDocx, writeXlsx } from '../helpers/office-files.ts';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { pngBytes } from '../helpers/png.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { readFileSync } from 'node:fs';
import { scoreOnePackage } from './ui-steps.ts';

describe('the evidence viewer', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-viewer-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows every kind of evidence, and draws only the pages of a 300-page scan that are in view', { timeout: 120_000 }, async () => {
    const { page } = app;
    await writeDocx(join(work, 'a.docx'), [
      { heading: '联盟办公室设置说明' },
      { paragraph: '联盟于 2026 年 3 月设立专门办公室。<script>alert(1)</script>' },
      { table: [['姓名', '岗位'], ['张三', '专职秘书']] },
    ]);
    await writeXlsx(join(work, 'b.xlsx'), { 合同清单: [['编号', '合同名称'], ['tc-1', '语音识别技术许可合同']] });
    const manifest = packageManifest({
      claims: {
        'I1.office': { claimed: true, evidence: ['扫描件/办公室租赁合同.pdf', '照片/办公室.png'] },
        'I1.council': { claimed: true, evidence: ['说明/办公室说明.docx'] },
        'I1.platform': { claimed: true, evidence: ['清单/合同清单.xlsx'] },
        'I2.plans': { claimed: true, evidence: ['录像/会议录像.mp4'] },
        'I7.nationalIncubators': { items: [{ id: 'ni-1', title: '某众创空间', evidence: ['扫描件/办公室租赁合同.pdf'] }] },
      },
    });
    const zip = await packageFiles({
      'manifest.json': JSON.stringify(manifest),
      '自查报告.pdf': await longPdf(2),
      '扫描件/办公室租赁合同.pdf': await longPdf(300),
      '照片/办公室.png': pngBytes(),
      '说明/办公室说明.docx': readFileSync(join(work, 'a.docx')),
      '清单/合同清单.xlsx': readFileSync(join(work, 'b.xlsx')),
      // The start of an MP4 (not text, or the text preview would show it).
      '录像/会议录像.mp4': '\0\0\0\x18ftypmp42 not really a video',
      '其他/未引用.pdf': await longPdf(1),
    }).writeZip(join(work, '证据查看.zip'));

    await scoreOnePackage(page, zip, { name: '李华', id: 'E02', passphrase: 'passphrase-2027' });

    // The scan: 300 pages known, a handful drawn.
    const body = page.getByTestId('evidence-body');
    await expect.poll(() => page.getByTestId('pdf-page-count').textContent(), { timeout: 30_000 }).toBe('300');
    await body.locator('[data-page="1"] canvas[data-rendered="true"]').waitFor();
    expect(await body.locator('.pdf-page').count()).toBe(300);
    expect(await body.locator('canvas').count()).toBeLessThanOrEqual(6);
    await page.getByLabel('页码').fill('250');
    await page.getByLabel('页码').press('Enter');
    await body.locator('[data-page="250"] canvas[data-rendered="true"]').waitFor();
    expect(await body.locator('canvas').count()).toBeLessThanOrEqual(6);
    expect(await body.locator('[data-page="1"] canvas').count()).toBe(0);
    await page.getByRole('button', { name: '放大' }).click();
    await expect.poll(() => page.locator('.pdf-viewer .zoom-label').textContent()).toMatch(/^\d+%$/);
    await body.locator('[data-page="250"] canvas[data-rendered="true"]').waitFor();

    // The photo: zoom and rotation.
    await page.getByRole('button', { name: '办公室.png' }).click();
    await page.getByTestId('evidence-image').waitFor();
    await page.getByRole('button', { name: '旋转 90°' }).click();
    expect(await page.getByTestId('evidence-image').getAttribute('class')).toBe('turn-1');

    // Word: text only; what looks like markup in the document stays text. (Esc hands the
    // keyboard back from the evidence pane to the claims.)
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    const docx = page.getByTestId('document-preview');
    await docx.getByText('联盟办公室设置说明').waitFor();
    expect(await docx.textContent()).toContain('联盟于 2026 年 3 月设立专门办公室。<script>alert(1)</script>');
    expect(await docx.locator('script').count()).toBe(0);
    expect(await docx.locator('td').allTextContents()).toEqual(['姓名', '岗位', '张三', '专职秘书']);

    // Excel: a table of cell texts.
    await page.keyboard.press('j');
    await page.getByTestId('spreadsheet-preview').getByText('语音识别技术许可合同').waitFor();

    // Anything else: asked first, and the browser shell cannot open it.
    await page.keyboard.press('j');
    await body.getByText('此类文件不能在本程序中预览。').waitFor();
    await body.getByRole('button', { name: '用系统程序打开…' }).click();
    await body.getByRole('button', { name: '确定打开' }).click();
    await body.getByText(/浏览器版不能调用本机程序打开文件/).waitFor();

    // Every file of the package, with the ones no claim names marked.
    await page.getByTestId('file-list-toggle').click();
    const unreferenced = page.getByTestId('file-list').locator('li', { hasText: '其他/未引用.pdf' });
    expect(await unreferenced.getByText('未被引用').count()).toBe(1);
    expect(await page.getByTestId('file-list').locator('li', { hasText: '照片/办公室.png' }).getByText('未被引用').count()).toBe(0);

    // A criterion meant for other kinds of alliance carries a warning.
    expect(await page.locator('[data-criterion="I7.nationalIncubators"] .kind-warning').textContent()).toContain('本项仅适用于孵化器、众创空间联盟');
  });
});
