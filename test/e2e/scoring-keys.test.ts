/**
 * The expert's scoring screen without friction, in Chromium through the browser shell: an
 * empty laptop says to import the meeting file and offers no signing; on the sample meeting
 * A accepts and moves on, Ctrl+Z names what it undid and takes the expert back to it,
 * Ctrl+Y / Ctrl+Shift+Z redo, Alt+digit picks a common reason and saves (keeping words typed),
 * Shift+A and the indicator's button accept every undecided claim of the indicator as one undo
 * step, a full-width judged value from an IME is stored as the exact decimal, the shortcut
 * sheet lists the keys' table, and the screen works at 1366×768 and 1024×640 (screenshots).
 *
 * Screenshots for docs/ are written when UPDATE_DOCS_SCREENSHOTS=1; otherwise under test-results/
 * (the two window sizes of the scoring screen always go there).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoringKeys } from '../../renderer/src/scoring/scoring-keys.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { loadSampleMeeting, signInIfAsked } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const results = resolve(root, 'test-results', 'screenshots');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : results;
const PASSPHRASE = '会议室口令-2027';
const ALLIANCE = 'HFA-030';

interface RowInfo {
  readonly key: string;
  readonly kind: string;
  readonly indicator: string;
}

async function rows(page: Page): Promise<RowInfo[]> {
  return page.getByTestId('claim-row').evaluateAll((elements) =>
    elements.map((e) => ({
      key: e.getAttribute('data-key') ?? '',
      kind: e.getAttribute('data-kind') ?? '',
      indicator: e.closest('[data-indicator]')?.getAttribute('data-indicator') ?? '',
    })),
  );
}

const current = (page: Page) => page.locator('[data-testid="claim-row"][aria-current="true"]').getAttribute('data-key');
const status = (page: Page, key: string) => page.locator(`[data-testid="claim-row"][data-key="${key}"]`).getAttribute('data-status');

async function saved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

function storedDecision(dataDir: string, key: string): { accept: number | null; reason: string | null; value: string | null } | undefined {
  const [criterionId, itemId] = key.split('#');
  const db = new Database(join(dataDir, 'alliance-review.sqlite'), { readonly: true });
  try {
    return db
      .prepare<[string, string, string], { accept: number | null; reason: string | null; value: string | null }>(
        `SELECT d.accept, d.reason, d.value FROM decision d JOIN package p ON p.id = d.package_id
         WHERE p.alliance_id = ? AND d.criterion_id = ? AND d.item_id = ?`,
      )
      .get(ALLIANCE, criterionId!, itemId ?? '');
  } finally {
    db.close();
  }
}

describe('the scoring screen without friction', () => {
  let app: AppFixture;
  beforeEach(async () => {
    app = await startApp();
    mkdirSync(shots, { recursive: true });
    mkdirSync(results, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
  });

  it('moves on after each decision, names undo and redo, picks reasons and accepts an indicator in one step', { timeout: 240_000 }, async () => {
    const { page } = app;

    // An expert laptop with no meeting file yet: it says so and where to import it; no signing.
    await page.getByRole('button', { name: '专家评分' }).click();
    await page.getByLabel('姓名').fill('王明');
    await page.getByLabel('专家编号（会务组提供，如 E01）').fill('E01');
    await page.getByLabel('签名口令（至少 8 个字符）').fill(PASSPHRASE);
    await page.getByLabel('再输入一次口令').fill(PASSPHRASE);
    await page.getByRole('button', { name: '创建档案并生成签名密钥' }).click();
    const note = page.getByTestId('no-meeting');
    await note.waitFor();
    expect(await note.textContent()).toContain('会议包');
    expect(await note.textContent()).toContain('.meeting.zip');
    expect(await page.getByText('全部联盟已评定或回避').count()).toBe(0);
    expect(await page.getByRole('button', { name: '签名并导出…' }).isDisabled()).toBe(true);
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.screenshot({ path: join(shots, 'expert-no-meeting.png') });

    // The clerk's sample meeting, then the expert opens an alliance.
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadSampleMeeting(page);
    await page.getByRole('button', { name: '专家评分' }).click();
    await signInIfAsked(page, PASSPHRASE);
    await page.locator(`[data-alliance="${ALLIANCE}"]`).getByRole('button', { name: /评分/ }).first().click();
    await page.getByTestId('claim-row').first().waitFor();
    const all = await rows(page);
    const first = all[0]!;

    // A accepts and moves on: no J needed.
    await page.keyboard.press('a');
    await expect.poll(() => status(page, first.key)).toBe('accepted');
    await expect.poll(() => current(page)).toBe(all[1]!.key);
    await saved(page);

    // Undo says what it undid and goes back to it; redo puts it back, both keys.
    await page.keyboard.press('Control+z');
    await expect.poll(() => status(page, first.key)).toBe('undecided');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain(`已撤销：${ALLIANCE} · ${first.indicator} 第1项 的认定`);
    await expect.poll(() => current(page)).toBe(first.key);
    await page.keyboard.press('Control+y');
    await expect.poll(() => status(page, first.key)).toBe('accepted');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain(`已重做：${ALLIANCE} · ${first.indicator} 第1项 的认定`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => status(page, first.key)).toBe('undecided');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => status(page, first.key)).toBe('accepted');
    await saved(page);

    // An indicator with several non-judged claims: one rejected with a common reason (Alt+2),
    // one with words typed and then a common reason (Alt+1): both saved, the words kept.
    const byIndicator = Map.groupBy(all.filter((r) => r.kind !== 'judged'), (r) => r.indicator);
    const [indicator, claims] = [...byIndicator].find(([id, list]) => list.length >= 4 && id !== first.indicator)!;
    const [r1, r2, ...rest] = claims;
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.locator(`[data-testid="claim-row"][data-key="${r1!.key}"]`).click();
    await page.keyboard.press('r');
    await page.locator('.reason-editor textarea').waitFor();
    // The editor is on screen when it opens, even at the smallest window.
    await page.screenshot({ path: join(shots, 'expert-reason-1024.png') });
    await expect.poll(() => page.locator('.reason-editor').evaluate((e) => e.getBoundingClientRect().bottom <= window.innerHeight + 1)).toBe(true);
    await page.keyboard.press('Alt+2');
    await expect.poll(() => status(page, r1!.key)).toBe('rejected');
    expect(storedDecision(app.dataDir, r1!.key)?.reason).toBe('证明材料与申报内容不符');
    await expect.poll(() => current(page)).toBe(r2!.key);
    await page.keyboard.press('r');
    await page.keyboard.type('合同无盖章');
    await page.keyboard.press('Alt+1');
    await expect.poll(() => status(page, r2!.key)).toBe('rejected');
    expect(storedDecision(app.dataDir, r2!.key)?.reason).toBe('合同无盖章；未提供证明材料');
    await saved(page);

    // Shift+A: every still-undecided claim of the indicator accepted; the rejected ones stay.
    await page.keyboard.press('Shift+A');
    for (const r of rest) await expect.poll(() => status(page, r.key)).toBe('accepted');
    expect(await status(page, r1!.key)).toBe('rejected');
    await saved(page);
    // One undo takes back all of them, and says so.
    await page.keyboard.press('Control+z');
    for (const r of rest) await expect.poll(() => status(page, r.key)).toBe('undecided');
    expect(await status(page, r2!.key)).toBe('rejected');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain(`已撤销：${ALLIANCE} · ${indicator} 的本指标全部认定（${rest.length} 项）`);
    // The indicator's button does the same; a double click changes nothing more.
    await page.getByTestId(`accept-all-${indicator}`).dblclick();
    for (const r of rest) await expect.poll(() => status(page, r.key)).toBe('accepted');
    await saved(page);
    expect(await page.getByTestId(`accept-all-${indicator}`).count()).toBe(0);

    // A judged value typed with a Chinese IME: full-width digits and 。, stored as the exact decimal.
    const judgedRows = all.filter((r) => r.kind === 'judged');
    const judged = judgedRows[0]!;
    await page.locator(`[data-testid="claim-row"][data-key="${judged.key}"]`).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('２。５');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page, judged.key)).toBe('valued');
    expect(storedDecision(app.dataDir, judged.key)?.value).toBe('2.5');
    await expect.poll(() => current(page)).toBe(all[all.indexOf(judged) + 1]?.key ?? judged.key);
    await page.locator(`[data-testid="claim-row"][data-key="${judgedRows[1]!.key}"]`).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('１．５');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page, judgedRows[1]!.key)).toBe('valued');
    expect(storedDecision(app.dataDir, judgedRows[1]!.key)?.value).toBe('1.5');
    await saved(page);

    // The shortcut sheet lists the very table the keys act on.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: '键盘快捷键' });
    await sheet.waitFor();
    expect(await sheet.locator('tr').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-action')))).toEqual(scoringKeys.map((k) => k.action));
    expect(await sheet.locator('kbd').allTextContents()).toEqual(scoringKeys.map((k) => k.keys));
    await page.keyboard.press('Escape');

    // The screen at both sizes: the header on one line, the alliance's name in full.
    for (const [width, height] of [[1366, 768], [1024, 640]] as const) {
      await page.setViewportSize({ width, height });
      await page.locator(`[data-testid="claim-row"][data-key="${first.key}"]`).click();
      // Looked at by a person, not shown in the guide: always under test-results/.
      await page.screenshot({ path: join(results, `expert-scoring-${width}.png`) });
      const header = await page.locator('.scoring-header').boundingBox();
      const back = await page.getByRole('button', { name: '← 联盟列表' }).boundingBox();
      const help = await page.getByRole('button', { name: '快捷键 ?' }).boundingBox();
      expect(Math.abs((back?.y ?? 0) - (help?.y ?? 100))).toBeLessThan(12);
      expect(header?.height ?? 999).toBeLessThan(80);
      const name = page.locator('.scoring-title h2');
      expect(await name.evaluate((e) => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1)).toBe(true);
      const appBar = await page.locator('.app-bar').boundingBox();
      expect(appBar?.height ?? 999).toBeLessThanOrEqual(52);
    }
  });
});
