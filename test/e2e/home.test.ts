import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppFixture } from './app-fixture.ts';

const screenshots = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

describe('home screen', () => {
  let app: AppFixture;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('shows the Chinese home screen and the data folder from the store', async () => {
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('联盟考核评审');
    await page.getByText('浏览器版').waitFor();
    expect(await page.locator('footer code').textContent()).toBe(app.dataDir);
    await page.getByText('本机还没有评审会议。').waitFor();
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: resolve(screenshots, 'home.png'), fullPage: true });
  });

  it('round-trips a meeting through the API to the store and back, and keeps it after a reload', async () => {
    const { page } = app;
    await page.getByLabel('会议名称').fill('2026 年度联盟考核评审会');
    await page.getByLabel('年度').fill('2026');
    await page.getByRole('button', { name: '新建会议' }).click();
    const row = page.getByTestId('meeting-row');
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['2026', '2026 年度联盟考核评审会']));

    // The row is in the SQLite file itself, not just on screen.
    const db = new Database(resolve(app.dataDir, 'alliance-review.sqlite'), { readonly: true });
    expect(db.prepare('SELECT name, year FROM meeting').all()).toEqual([{ name: '2026 年度联盟考核评审会', year: 2026 }]);
    db.close();

    await page.reload();
    await page.getByTestId('meeting-row').waitFor();
    expect(await page.getByTestId('meeting-row').count()).toBe(1);
  });

  it('shows the store’s refusal in Chinese when the input is invalid', async () => {
    const { page } = app;
    // Left empty: the browser's own check speaks Chinese too, whatever the system's language.
    await page.getByRole('button', { name: '新建会议' }).click();
    expect(await page.getByLabel('会议名称').evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('请填写这一项。');
    await page.getByLabel('会议名称').fill('会议');
    expect(await page.getByLabel('会议名称').evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('');
    await page.getByLabel('年度').fill('1999');
    await page.getByRole('button', { name: '新建会议' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^年度：数值过小：应不小于 2000，实际是 1999。请改正后再试。$/);
    expect(await page.getByTestId('meeting-row').count()).toBe(0);
  });

  it('backs up by hand and restores that backup from the home screen', async () => {
    const { page } = app;
    const create = async (name: string) => {
      await page.getByLabel('会议名称').fill(name);
      await page.getByRole('button', { name: '新建会议' }).click();
      await page.getByRole('cell', { name, exact: true }).waitFor();
    };
    await create('备份前的会议');
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByTestId('backup-row').first().waitFor();
    await create('备份后的会议');

    await page.getByTestId('backup-row').first().getByRole('button', { name: '恢复…' }).click();
    await page.getByRole('button', { name: '确认恢复' }).click();
    await page.getByText('已从备份恢复').waitFor();
    await expect.poll(() => page.getByTestId('meeting-row').count()).toBe(1);
    expect(await page.getByTestId('meeting-row').textContent()).toContain('备份前的会议');
  });
});
