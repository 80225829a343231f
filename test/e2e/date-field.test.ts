/**
 * The date field's calendar (日历) in headless Chromium, on the paper tab's 签字日期: opened by
 * mouse and by keyboard, a day picked each way, the value read back from the field; Escape and a
 * click elsewhere close it without a change; at the smallest window it opens in view.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareChairMeeting, writeChairMeeting } from '../helpers/chair-meeting.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { prepareThroughHandlers } from './prepare-through-handlers.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = resolve(root, 'test-results', 'screenshots');

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);

describe('the date field’s calendar', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'alliance-review-date-'));
    mkdirSync(shots, { recursive: true });
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('picks a day by mouse and by keyboard, and closes without a change on Escape or a click elsewhere', async () => {
    await prepareThroughHandlers(app, async (ctx) => prepareChairMeeting(ctx, await writeChairMeeting(work)));
    const { page } = app;
    await page.goto(app.server.url);
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '纸质录入' }).click();
    const field = page.getByRole('textbox', { name: '签字日期' });
    const opener = page.getByRole('button', { name: '日历', exact: true });
    expect(await opener.getAttribute('title')).toBe('在日历中选择签字日期');
    // The field is found by its name alone, not also the button beside it.
    expect(await page.getByLabel('签字日期').count()).toBe(1);
    const calendar = page.getByRole('dialog', { name: /选择签字日期/ });

    // By mouse: opens on the typed date, which is marked; a month on, a click picks the day.
    await field.fill('2027年1月20日');
    await opener.click();
    await calendar.waitFor();
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    expect(await calendar.getByRole('heading').textContent()).toBe('选择签字日期：2027 年 1 月');
    expect(await calendar.locator('td[aria-selected="true"] button').getAttribute('aria-label')).toBe('2027年1月20日 星期三');
    expect(await focused(page)).toBe('2027年1月20日 星期三');
    // Weeks start on Monday; the whole calendar is on screen at the smallest window.
    expect(await calendar.locator('th').allTextContents()).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    const box = (await calendar.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(640);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: resolve(shots, 'date-field-calendar-1024.png') });
    await calendar.getByRole('button', { name: '下一个月' }).click();
    expect(await calendar.getByRole('heading').textContent()).toBe('选择签字日期：2027 年 2 月');
    await calendar.getByRole('button', { name: '2027年2月14日 星期日' }).click();
    await calendar.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe('2027-02-14');
    expect(await focused(page)).toBe('日历');

    // By keyboard from the 日历 button: arrows, PageUp/PageDown (Shift: a year), Home/End, Enter.
    await page.keyboard.press('Enter');
    await calendar.waitFor();
    expect(await focused(page)).toBe('2027年2月14日 星期日');
    for (const [key, lands] of [
      ['ArrowRight', '2027年2月15日 星期一'],
      ['ArrowDown', '2027年2月22日 星期一'],
      ['ArrowLeft', '2027年2月21日 星期日'],
      ['ArrowUp', '2027年2月14日 星期日'],
      ['PageUp', '2027年1月14日 星期四'],
      ['Shift+PageDown', '2028年1月14日 星期五'],
      ['Home', '2028年1月10日 星期一'],
      ['End', '2028年1月16日 星期日'],
      ['PageDown', '2028年2月16日 星期三'],
    ] as const) {
      await page.keyboard.press(key);
      expect(await focused(page), key).toBe(lands);
    }
    expect(await calendar.getByRole('heading').textContent()).toBe('选择签字日期：2028 年 2 月');
    await page.keyboard.press('Enter');
    await calendar.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe('2028-02-16');
    expect(await focused(page)).toBe('日历');

    // Escape, and a click elsewhere: closed, the date as it was.
    await page.keyboard.press('Space');
    await calendar.waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe('2028-02-16');
    expect(await focused(page)).toBe('日历');
    await opener.click();
    await calendar.waitFor();
    await page.getByRole('heading', { name: '纸质评分表录入' }).click();
    await calendar.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe('2028-02-16');

    // 今天 picks today's date, as the person's own clock has it.
    await opener.click();
    await calendar.getByRole('button', { name: '今天', exact: true }).click();
    const now = new Date();
    expect(await field.inputValue()).toBe(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`);
  });
});
