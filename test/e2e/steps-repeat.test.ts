/**
 * Typed text is not lost, in Chromium through the browser shell:
 *
 * - the expert's rejection reason stays in the editor when its save fails (the request to the
 *   local service fails as a dropped connection would), with a message saying what to do; the
 *   next Enter, with the service reachable, stores exactly the words typed;
 * - with unsaved typed text, leaving the page asks first (beforeunload) and Back asks before
 *   another screen replaces the field; without it, Back moves between the app's screens and at
 *   the first screen stays in the app.
 *
 * Screenshots go to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPath } from '../../shared/api/transport.ts';
import { splitDecisionKey } from '../../shared/review/stored-review.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { createExpertProfile, loadSampleMeeting } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const REASON = '合同未在技术市场登记，且未见付款凭证';

describe('typed text survives a failed save and the Back button', () => {
  let app: AppFixture;
  beforeEach(async () => {
    app = await startApp();
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
  });

  it('keeps a rejection reason whose save failed, asks before leaving with it, and keeps Back inside the app', { timeout: 180_000 }, async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadSampleMeeting(page);
    await createExpertProfile(page, { name: '王明', id: 'E01', passphrase: '会议室口令-2027' });
    await page.getByTestId('alliance-row').first().getByRole('button', { name: /评分/ }).first().click();
    await page.getByTestId('claim-row').first().waitFor();

    // The first row that takes a rejection (not a judged value).
    const key = await page.locator('[data-testid="claim-row"]:not([data-kind="judged"])').first().getAttribute('data-key');
    if (key === null) throw new Error('no row to reject');
    const row = page.locator(`[data-testid="claim-row"][data-key="${key}"]`);
    await row.click();
    await page.keyboard.press('r');
    const editor = page.locator('.reason-editor textarea');
    await editor.waitFor();
    await page.keyboard.type(REASON);

    // The save fails: the connection to the local service drops.
    const decisionSet = `**${apiPath('decision-set')}`;
    await page.route(decisionSet, (route) => route.abort('connectionreset'));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '理由没有保存成功，刚才写的文字还在框中' }).waitFor();
    expect(await editor.inputValue()).toBe(REASON);
    expect(await page.getByTestId('save-status').textContent()).toBe('未保存：无法连接到本机服务，请确认程序仍在运行后重试。');
    expect(await row.getAttribute('data-status')).not.toBe('rejected');
    await page.screenshot({ path: resolve(shots, 'expert-reason-not-saved.png'), fullPage: false });

    // Unsaved text: closing or reloading the page asks first (the browser's own question) ...
    const beforeUnload = new Promise<string>((done) => page.once('dialog', (dialog) => void dialog.dismiss().then(() => done(dialog.type()))));
    await page.close({ runBeforeUnload: true });
    expect(await beforeUnload).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    // ... and Back asks before another screen replaces the field; staying keeps the text.
    const question = new Promise<string>((done) => page.once('dialog', (dialog) => void dialog.dismiss().then(() => done(dialog.message()))));
    await page.goBack();
    expect(await question).toContain('本页有尚未保存的文字');
    await expect.poll(() => editor.inputValue()).toBe(REASON);

    // The service is reachable again: the next Enter stores exactly the words typed.
    await page.unroute(decisionSet);
    await editor.focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="claim-row"][data-key="${key}"][data-status="rejected"]`).waitFor();
    await editor.waitFor({ state: 'detached' });
    const db = new Database(join(app.dataDir, 'alliance-review.sqlite'), { readonly: true });
    const { criterionId, itemId } = splitDecisionKey(key);
    const stored = db.prepare<[string, string], string | null>('SELECT reason FROM decision WHERE criterion_id = ? AND item_id = ?').pluck().all(criterionId, itemId ?? '');
    db.close();
    expect(stored).toEqual([REASON]);

    // Nothing unsaved: Back moves between the app's screens, and at the first one stays in the app.
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByRole('navigation', { name: '主任控制台' }).waitFor();
    const url = page.url();
    const active = () => page.locator('.nav-item.active').textContent();
    await page.goBack();
    await expect.poll(active).toBe('专家评分');
    await page.goBack();
    await expect.poll(active).toBe('材料包');
    // Each Back at the first screen lands on the guard entry under it, and the app puts the
    // screen back on top; a person's next press comes after that, so the test waits for it too
    // (a press sent before the page has run its handler would find no entry to stay on).
    for (let i = 0; i < 4; i += 1) {
      await page.goBack();
      await page.waitForFunction(() => (history.state as { appScreen?: string; first?: boolean } | null)?.appScreen === 'home' && (history.state as { first?: boolean }).first !== true);
    }
    expect(page.url()).toBe(url);
    await page.getByRole('navigation', { name: '主菜单' }).waitFor();
    await expect.poll(active).toBe('首页');
  });
});
