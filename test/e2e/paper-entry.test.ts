/**
 * Paper-sheet double entry end to end, in Chromium through the browser shell, on a meeting of
 * three alliances (one with the worked example's 60-odd claims, two small ones) whose packages
 * are real zips imported through the UI:
 *
 * - the blank paper form is printed from the paper tab (a real PDF read back with pdftotext);
 * - one alliance at a time: the list shows each alliance's state, 下一个联盟 moves on;
 * - 全部认定 is an explicit start (nothing is chosen before it), then only the exceptions are
 *   typed, from the keyboard (2 = 不予认定, Enter to the reason, Enter on);
 * - the total on screen is the scoring engine's on the decisions typed, and the matrix shows
 *   the same number once the two entries agree;
 * - a mismatch between the two entries is listed by the item's name; typed reasons are kept
 *   exactly as typed.
 *
 * Screenshots (1366×768 and 1024×640) go to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else
 * test-results/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatScore } from '../../shared/decimal/print-score.ts';
import { scoreReview } from '../../shared/rubric/score-review.ts';
import type { Claims, Decision } from '../../shared/rubric/types.ts';
import { acceptEverything, makeExpert, writeSignedSheet } from '../helpers/expert-sheet.ts';
import { allianceManifest, alliancePackage } from '../helpers/package-builder.ts';
import { hefei, workedExample } from '../shared/rubric/fixtures.ts';
import { smallClaims } from '../shared/result/merge-fixtures.ts';
import { pdfText } from '../electron/export/pdf-tools.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { chooseFiles } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const RICH = { id: 'HFA-001', name: '合肥市智能语音产业技术创新战略联盟' };
const SMALL = { id: 'HFA-002', name: '合肥市新材料产业技术创新战略联盟' };
const RECUSED = { id: 'HFA-003', name: '合肥市集成电路产业技术创新战略联盟' };
const I10 = { 'I10.status': '2', 'I10.problems': '2.5', 'I10.measures': '1.5', 'I10.outcomes': '2' } as const;
const REASON = '合同未在技术市场登记，  登记号 “HT-2026-0012” 查无此号';

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name }).click();
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);

/** The engine's total for a review, as the screen prints it. */
function engineTotal(claims: Claims, decisions: Record<string, Decision>): string {
  return formatScore(scoreReview(hefei, claims, { decisions }).total);
}

describe('paper-sheet double entry', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-paper-'));
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('prints the blank form, types two entries one alliance at a time from 全部认定, shows the engine’s total and a mismatch by item name', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    const packages = [
      await alliancePackage(allianceManifest(RICH.id, workedExample.claims, { name: RICH.name })).write(join(work, `${RICH.id}.zip`)),
      await alliancePackage(allianceManifest(SMALL.id, smallClaims, { name: SMALL.name })).write(join(work, `${SMALL.id}.zip`)),
      await alliancePackage(allianceManifest(RECUSED.id, smallClaims, { name: RECUSED.name })).write(join(work, `${RECUSED.id}.zip`)),
    ];
    const signer = makeExpert('E01', '王明');
    const sheet = await writeSignedSheet(
      work,
      hefei,
      signer,
      packages.map((p) => ({ package: p, decisions: acceptEverything(hefei, p.claims) })),
    );

    // The clerk prepares the meeting through the UI.
    await page.getByRole('button', { name: '材料包', exact: true }).click();
    await chooseFiles(page, '导入材料包（.zip）…', packages.map((p) => p.path));
    await expect.poll(() => page.getByTestId('import-report').count(), { timeout: 30_000 }).toBe(3);
    await page.getByRole('button', { name: '首页', exact: true }).click();
    await page.getByLabel('会议名称').fill('2026 年度联盟考核评审会');
    await page.getByLabel('年度').fill('2026');
    await page.getByRole('button', { name: '新建会议' }).click();
    await page.getByTestId('meeting-row').first().waitFor();
    await page.getByRole('button', { name: '会议准备', exact: true }).click();
    await page.getByLabel('操作人').fill('会务 周敏');
    await page.getByRole('textbox', { name: '专家名册' }).fill('E01 王明\nE02 张伟');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/^已保存：.*专家名册、会议材料包。$/).waitFor();
    await page.getByRole('heading', { name: '专家名册（2 位）' }).waitFor();
    await page.getByRole('heading', { name: '会议材料包（已选 3 个联盟）' }).waitFor();

    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByLabel('操作人').fill('主任 孙立');
    await tab(page, '评分表');
    await chooseFiles(page, '选择评分表文件…', [sheet]);
    const pending = page.locator('[data-testid="pending-key"][data-expert="E01"]');
    await pending.getByRole('textbox').fill(signer.fingerprint);
    await pending.getByRole('button', { name: '一致，确认' }).click();
    await pending.waitFor({ state: 'detached' });

    // The blank form for E02, printed from the paper tab into the data folder's exports.
    await tab(page, '纸质录入');
    await page.getByText('打印空白评分表（PDF，供专家在纸上评分）').click();
    await page.getByLabel('印在表上的专家').selectOption('E02');
    await page.getByRole('button', { name: '生成空白评分表' }).click();
    const written = page.getByTestId('paper-form-written');
    await written.waitFor();
    const formPath = join(app.dataDir, 'exports', '2026', '2026-空白评分表-E02.pdf');
    expect(await written.textContent()).toBe(`已保存空白评分表 ${formPath}（3 个联盟，共 ${/共 (\d+) 页/.exec((await written.textContent()) ?? '')?.[1]} 页）。请用 PDF 阅读器打开并打印。`);
    expect(existsSync(formPath)).toBe(true);
    const formText = pdfText(formPath).replace(/\s+/g, '');
    expect(formText).toContain('空白评分表·未签名草稿');
    expect(formText).toContain('专家：张伟（E02）');
    const order = [RICH, SMALL, RECUSED].map((a) => formText.indexOf(`${a.name}（${a.id}）`));
    expect(order.every((at, i) => at > (order[i - 1] ?? 0))).toBe(true);
    expect(formText).toContain('吸纳技术合同登记：声学模型开发合同（2026-07-01）');
    await page.getByText('打印空白评分表（PDF，供专家在纸上评分）').click();

    const links = page.getByTestId('paper-alliance-link');
    const total = page.getByTestId('paper-total-score');
    const rejected = `${RICH.id} I4.techContracts tc-3`;

    const type = async (actor: string, entry: '第 1 次录入' | '第 2 次（盲录复核）', smallRejects: string) => {
      await page.getByLabel('操作人').fill(actor);
      await page.getByLabel('专家', { exact: true }).selectOption('E02');
      await page.getByRole('radio', { name: entry }).check();
      await page.getByLabel('签字日期').fill('2027-01-20');
      expect(await links.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['untouched', 'untouched', 'untouched']);

      // Alliance 1 (the rich one): nothing is chosen until 全部认定 is pressed.
      expect(await page.getByLabel(`${RICH.id} I1.office`, { exact: true }).inputValue()).toBe('');
      await page.getByRole('button', { name: '全部认定' }).click();
      await page.getByText(/已将 \d+ 个未填的条目设为认定/).waitFor();
      expect(await page.getByLabel(`${RICH.id} I4.techContracts tc-1`, { exact: true }).inputValue()).toBe('yes');
      // The one exception, from the keyboard: 2 rejects, Enter goes to its reason, Enter on.
      await page.getByLabel(rejected, { exact: true }).focus();
      await page.keyboard.press('2');
      await page.keyboard.press('Enter');
      expect(await focused(page)).toBe(`${rejected} 理由`);
      await page.keyboard.type(REASON);
      await page.keyboard.press('Enter');
      expect(await focused(page)).toBe(`${RICH.id} I4.techContracts tc-4`);
      if (entry === '第 1 次录入') {
        await page.getByTestId('paper-alliance').evaluate((element) => element.scrollIntoView());
        await page.getByLabel(rejected, { exact: true }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: resolve(shots, 'chair-paper-entry.png'), fullPage: false });
      }
      // The judged scores, each followed by Enter.
      await page.getByLabel(`${RICH.id} I10.status`, { exact: true }).focus();
      for (const value of Object.values(I10)) {
        await page.keyboard.type(value);
        await page.keyboard.press('Enter');
      }
      expect(await focused(page)).toBe(`${RICH.id} I11 改判得分`);
      const richDecisions = acceptEverything(hefei, workedExample.claims) as Record<string, Decision>;
      richDecisions['I4.techContracts'] = { accepted: ['tc-1', 'tc-2', 'tc-4', 'tc-5', 'tc-6', 'tc-7'], rejected: { 'tc-3': REASON } };
      for (const [id, value] of Object.entries(I10)) richDecisions[id] = { value: Number(value) };
      expect(await total.textContent()).toBe(engineTotal(workedExample.claims, richDecisions));
      await expect.poll(() => links.nth(0).getAttribute('data-state')).toBe('complete');

      // Alliance 2 (small): 全部认定, then the rejection the paper shows, and I10.
      await page.getByRole('button', { name: '下一个联盟 →' }).click();
      await page.getByRole('heading', { name: new RegExp(`第 2 / 3 个联盟 ${SMALL.name}`) }).waitFor();
      expect(await focused(page)).toBe('回避');
      await page.getByRole('button', { name: '全部认定' }).click();
      await page.getByLabel(`${SMALL.id} I4.techContracts ${smallRejects}`, { exact: true }).selectOption('no');
      await page.getByLabel(`${SMALL.id} I4.techContracts ${smallRejects} 理由`, { exact: true }).fill('合同金额与登记证明不符');
      for (const [id, value] of Object.entries(I10)) await page.getByLabel(`${SMALL.id} ${id}`, { exact: true }).fill(value);
      const smallDecisions = acceptEverything(hefei, smallClaims) as Record<string, Decision>;
      smallDecisions['I4.techContracts'] = { accepted: ['tc-1', 'tc-2', 'tc-3'].filter((id) => id !== smallRejects), rejected: { [smallRejects]: '合同金额与登记证明不符' } };
      for (const [id, value] of Object.entries(I10)) smallDecisions[id] = { value: Number(value) };
      expect(await total.textContent()).toBe(engineTotal(smallClaims, smallDecisions));

      // Alliance 3: recused, with the reason.
      await page.getByRole('button', { name: '下一个联盟 →' }).click();
      await page.getByLabel('回避', { exact: true }).check();
      await page.getByLabel(`${RECUSED.id} 意见`).fill('本人所在单位是该联盟成员，申请回避');
      expect(await links.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['complete', 'complete', 'recused']);
      await page.getByRole('button', { name: /保存第 \d 次录入/ }).click();
      return { richDecisions };
    };

    const { richDecisions } = await type('会务 周敏', '第 1 次录入', 'tc-1');
    await page.getByText('第 1 次录入已保存').waitFor();
    // The second person starts from an empty form: nothing of entry 1 shows.
    await page.getByLabel('操作人').fill('秘书 吴刚');
    await page.getByRole('radio', { name: '第 2 次（盲录复核）' }).check();
    await page.getByRole('button', { name: '全部认定' }).waitFor();
    expect(await page.getByLabel(rejected, { exact: true }).inputValue()).toBe('');
    // The second person misreads which small contract was rejected.
    await type('秘书 吴刚', '第 2 次（盲录复核）', 'tc-2');
    const mismatches = page.getByTestId('paper-mismatches');
    await mismatches.waitFor();
    const places = await mismatches.locator('tbody tr td:first-child').allTextContents();
    expect(places).toContain(`${SMALL.name}（${SMALL.id}） · 吸纳技术合同登记 · 声学模型开发合同（tc-2）`);
    expect(places).toContain(`${SMALL.name}（${SMALL.id}） · 吸纳技术合同登记 · 语音识别技术许可合同（tc-1）`);
    await page.getByRole('button', { name: '← 上一个联盟' }).click();
    await page.screenshot({ path: resolve(shots, 'chair-paper-mismatch.png'), fullPage: false });
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.screenshot({ path: resolve(shots, 'chair-paper-mismatch-1024.png'), fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });

    // The second person reopens their own entry and corrects the small alliance.
    await page.getByRole('button', { name: '载入我上次的第 2 次录入' }).click();
    await links.nth(1).click();
    await expect.poll(() => page.getByLabel(`${SMALL.id} I4.techContracts tc-2`, { exact: true }).inputValue()).toBe('no');
    await page.getByLabel(`${SMALL.id} I4.techContracts tc-2`, { exact: true }).selectOption('yes');
    await page.getByLabel(`${SMALL.id} I4.techContracts tc-1`, { exact: true }).selectOption('no');
    await page.getByLabel(`${SMALL.id} I4.techContracts tc-1 理由`, { exact: true }).fill('合同金额与登记证明不符');
    // The reason typed on alliance 1 came back exactly as typed (spaces and quotes kept).
    await links.nth(0).click();
    expect(await page.getByLabel(`${rejected} 理由`, { exact: true }).inputValue()).toBe(REASON);
    const shown = await total.textContent();
    await page.getByRole('button', { name: '保存第 2 次录入' }).dblclick();
    await page.getByText('两次录入一致，纸质评分表已计入结果。').first().waitFor();
    expect(await page.locator('.paper [role="alert"]').count()).toBe(0);

    // The matrix counts the paper sheet with the very total the entry screen showed.
    await tab(page, '总览');
    const cell = page.locator(`[data-testid="matrix-row"][data-alliance="${RICH.id}"] [data-testid="matrix-cell"][data-expert="E02"]`);
    await cell.waitFor();
    expect(await cell.textContent()).toBe(`${shown}纸`);
    expect(shown).toBe(engineTotal(workedExample.claims, richDecisions));
    // The counted sheet holds the reason exactly as typed.
    const db = new Database(resolve(app.dataDir, 'alliance-review.sqlite'), { readonly: true });
    const stored = JSON.parse(db.prepare("SELECT sheet_json FROM paper_sheet WHERE expert_id = 'E02'").pluck().get() as string) as {
      reviews: { allianceId: string; decisions: Record<string, { rejected?: Record<string, string> }> }[];
    };
    db.close();
    expect(stored.reviews.find((r) => r.allianceId === RICH.id)?.decisions['I4.techContracts']?.rejected).toEqual({ 'tc-3': REASON });
  });
});
