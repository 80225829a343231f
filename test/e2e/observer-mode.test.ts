/**
 * 监督查看 in the chair's console, in Chromium through the browser shell: a meeting of real
 * package zips and four real signed sheets (test/helpers/chair-meeting.ts), prepared through the
 * handlers on the app's own data folder. Through the UI: the chair writes a panel conclusion;
 * the observer enters with their name; on every tab each control that changes something is
 * disabled, while what only shows works (switching tabs, choosing an alliance, the drill-down's
 * choices and opening evidence, paging through a paper entry, printing the blank paper form,
 * checking the audit log and the cross-check again); a note is saved and shown with the
 * observer's name, in the console and in the audit log; a reload keeps the mode (it is the
 * running program's); the other screens (首页, 材料包, 会议准备, 专家评分) are disabled whole with a
 * notice and a title saying why; leaving takes a confirmation, and the controls come back.
 *
 * Screenshots go to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importChairSheets, prepareChairMeeting, writeChairMeeting } from '../helpers/chair-meeting.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { prepareThroughHandlers } from './prepare-through-handlers.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const CHAIR = '主任 孙立';
const OBSERVER = '纪检 刘芳';

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name }).click();
}

const CONTROL = ':is(button, input, textarea, select)';

/**
 * The tab's controls: those in a group that changes something (renderer/src/chair/changes.tsx,
 * `data-changes`), how many of them are enabled, and how many of the others (that only show) are.
 */
async function controls(page: Page): Promise<{ changing: number; changingEnabled: number; showingEnabled: number }> {
  const content = page.getByTestId('chair-tab-content');
  return {
    changing: await content.locator(`[data-changes] ${CONTROL}`).count(),
    changingEnabled: await content.locator(`[data-changes] ${CONTROL}:enabled`).count(),
    showingEnabled: await content.locator(`${CONTROL}:enabled:not([data-changes] *)`).count(),
  };
}

describe('监督查看 in the chair’s console', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-observer-'));
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('disables every changing control, saves and shows the observer’s note, and ends only when confirmed', async () => {
    await prepareThroughHandlers(app, async (ctx) => {
      const meeting = await writeChairMeeting(work);
      await importChairSheets(ctx, await prepareChairMeeting(ctx, meeting), CHAIR, meeting.sheets.slice(0, 4));
    });
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.server.url);
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByLabel('操作人').fill(CHAIR);

    // The chair writes the panel's conclusion on the first alliance.
    await tab(page, '签到与分歧');
    const conclusion = page.getByTestId('conclusion').first();
    await conclusion.locator('textarea').fill('运行规范，专家组建议评为合格。');
    await conclusion.getByRole('button', { name: '保存结论' }).click();
    await expect.poll(() => conclusion.textContent()).toContain(`已保存（${CHAIR}`);
    const conclusions = page.locator('section[aria-labelledby="conclusions-title"]');
    await conclusions.scrollIntoViewIfNeeded();
    await conclusions.screenshot({ path: join(shots, 'chair-conclusions.png') });
    expect((await controls(page)).changingEnabled).toBeGreaterThan(3);

    // The observer enters with their name.
    await page.getByRole('button', { name: '监督查看', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: '进入监督查看' }).isDisabled()).toBe(true);
    await page.getByLabel('监督人姓名').fill(OBSERVER);
    await page.getByRole('button', { name: '进入监督查看' }).click();
    await expect.poll(() => page.getByTestId('observer-name').textContent()).toContain(`监督人：${OBSERVER}`);

    // On every tab no control that changes something can be used; those that only show can.
    for (const name of ['总览', '评分表', '纸质录入', '签到与分歧', '定稿', '材料核查', '逐项对照', '审计日志']) {
      await tab(page, name);
      await expect.poll(() => page.getByTestId('chair-tab-content').getAttribute('data-observing'), { message: name }).toBe('');
      // Each tab reads what it shows when opened: the counts are taken once it has.
      if (!['材料核查', '逐项对照', '审计日志'].includes(name)) await expect.poll(async () => (await controls(page)).changing, { message: name }).toBeGreaterThan(0);
      if (['总览', '纸质录入', '材料核查', '逐项对照', '审计日志'].includes(name)) await expect.poll(async () => (await controls(page)).showingEnabled, { message: name }).toBeGreaterThan(0);
      expect((await controls(page)).changingEnabled, name).toBe(0);
    }
    await tab(page, '签到与分歧');
    const conclusionText = page.getByTestId('conclusion').first().locator('textarea');
    expect(await conclusionText.isDisabled()).toBe(true);
    expect(await conclusionText.inputValue()).toBe('运行规范，专家组建议评为合格。');
    expect(await conclusionText.getAttribute('title')).toBeNull();
    // A hover over it names the mode: the title of the group that disables it.
    expect(await conclusionText.evaluate((el) => el.closest('fieldset[data-changes]')?.getAttribute('title'))).toBe('监督查看中，不能修改');

    // What only shows works: choosing an alliance on 总览,
    await tab(page, '总览');
    const second = page.getByTestId('matrix-row').nth(1);
    await second.getByRole('button').first().click();
    await expect.poll(() => second.getAttribute('class')).toContain('selected');
    // paging through a paper entry (its fields and its saving stay disabled) and printing the blank paper form,
    await tab(page, '纸质录入');
    await page.getByLabel('专家', { exact: true }).selectOption('E05');
    const links = page.getByTestId('paper-alliance-link');
    await links.nth(1).click();
    await expect.poll(() => links.nth(1).getAttribute('aria-current')).toBe('step');
    expect(await page.getByRole('button', { name: /保存第 1 次录入/ }).isDisabled()).toBe(true);
    expect(await page.getByLabel('回避', { exact: true }).isDisabled()).toBe(true);
    await page.getByTestId('paper-form-print').locator('summary').click();
    await page.getByRole('button', { name: '生成空白评分表' }).click();
    await expect.poll(() => page.getByTestId('paper-form-written').count()).toBe(1);
    expect(await page.getByTestId('paper-form-written').textContent()).toContain('已保存空白评分表');
    // the drill-down's choices and opening the evidence, and checking the cross-check and the audit log again.
    await tab(page, '逐项对照');
    const indicator = page.getByLabel('指标', { exact: true });
    const other = await indicator.locator('option').nth(2).getAttribute('value');
    await indicator.selectOption(other ?? '');
    expect(await indicator.inputValue()).toBe(other);
    await indicator.selectOption('I1');
    await page.getByTestId('chair-tab-content').getByRole('button', { name: /^证明材料（\d+）$/ }).first().click();
    await page.locator('[data-testid="evidence-body"]:not([data-path=""])').first().waitFor();
    await tab(page, '材料核查');
    await page.getByRole('button', { name: '重新核查' }).click();
    await expect.poll(() => page.getByTestId('cross-check').count()).toBe(1);

    // A note, saved with the observer's name; a double click is one note.
    await tab(page, '签到与分歧');
    await page.getByLabel('监督意见（记入审计日志和专家组记录）').fill('专家独立评分，未见干预。');
    await page.getByRole('button', { name: '添加监督意见' }).dblclick();
    const barNotes = page.getByTestId('observer-bar').getByTestId('observer-notes').locator('li');
    await expect.poll(() => barNotes.count()).toBe(1);
    expect(await barNotes.first().textContent()).toContain(`专家独立评分，未见干预。 —— ${OBSERVER}`);
    await expect.poll(() => page.locator('section[aria-labelledby="observer-notes-title"] li').count()).toBe(1);
    await page.screenshot({ path: join(shots, 'chair-observer.png') });
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.screenshot({ path: join(shots, 'chair-observer-1024.png') });
    await page.setViewportSize({ width: 1366, height: 768 });

    // The audit log (usable in the mode) has the entering and the note, by the observer.
    await tab(page, '审计日志');
    await page.getByRole('button', { name: '重新校验' }).click();
    await expect.poll(() => page.getByTestId('chair-tab-content').textContent()).toContain('监督意见');
    const audit = (await page.getByTestId('chair-tab-content').textContent()) ?? '';
    expect(audit).toContain('进入监督查看');
    expect(audit).toContain(OBSERVER);

    // The other screens are disabled whole, saying why: no control there can be used, and a
    // hover over any of them names the mode (the fieldset's title).
    const menu = page.getByRole('navigation', { name: '主菜单' });
    for (const name of ['首页', '材料包', '会议准备', '专家评分']) {
      await menu.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => page.getByTestId('observer-notice').textContent(), { message: name }).toContain(`监督查看中，不能修改：监督人 ${OBSERVER}`);
      const frame = page.getByTestId('observer-frame');
      expect(await frame.getAttribute('disabled'), name).not.toBeNull();
      expect(await frame.getAttribute('title'), name).toBe('监督查看中，不能修改');
      expect(await frame.locator('button, input, textarea, select').count(), name).toBeGreaterThan(0);
      expect(await frame.locator('button:enabled, input:enabled, textarea:enabled, select:enabled').count(), name).toBe(0);
      if (name === '首页' || name === '会议准备') {
        await page.screenshot({ path: join(shots, `observer-${name === '首页' ? 'home' : 'meeting'}-1366.png`) });
        await page.setViewportSize({ width: 1024, height: 640 });
        await page.screenshot({ path: join(shots, `observer-${name === '首页' ? 'home' : 'meeting'}-1024.png`) });
        await page.setViewportSize({ width: 1366, height: 768 });
      }
    }

    // A reload keeps the mode: it belongs to the running program.
    await page.reload();
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await expect.poll(() => page.getByTestId('observer-name').textContent()).toContain(OBSERVER);
    await tab(page, '定稿');
    await expect.poll(async () => (await controls(page)).changing).toBeGreaterThan(0);
    expect((await controls(page)).changingEnabled).toBe(0);

    // Leaving asks again; 继续监督 keeps it on, 确认结束 ends it and the controls come back.
    await page.getByRole('button', { name: '结束监督查看' }).click();
    await page.getByRole('button', { name: '继续监督' }).click();
    expect(await page.getByTestId('observer-name').count()).toBe(1);
    await page.getByRole('button', { name: '结束监督查看' }).click();
    await page.getByRole('button', { name: '确认结束' }).click();
    await expect.poll(() => page.getByTestId('observer-name').count()).toBe(0);
    await expect.poll(async () => (await controls(page)).changingEnabled).toBeGreaterThan(0);
    expect(await page.getByTestId('chair-tab-content').getAttribute('data-observing')).toBeNull();
    await menu.getByRole('button', { name: '首页', exact: true }).click();
    await expect.poll(() => page.getByTestId('observer-frame').locator('input:enabled').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('observer-notice').count()).toBe(0);
    expect(await page.getByTestId('observer-frame').getAttribute('title')).toBeNull();
  }, 240_000);
});
