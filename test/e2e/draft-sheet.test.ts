/**
 * The expert prints their score sheet as an unsigned draft before signing, from the alliance
 * list, in Chromium: the PDF is written, says it is a draft, and nothing is signed or locked.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfText } from '../electron/export/pdf-tools.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { createExpertProfile, loadSampleMeeting } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = resolve(root, 'test-results', 'screenshots');

describe('打印评分表（未签名草稿）', () => {
  let app: AppFixture;
  beforeEach(async () => {
    app = await startApp();
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
  });

  it('writes the draft from the alliance list before anything is decided, and it can be printed again', { timeout: 180_000 }, async () => {
    const { page } = app;
    await loadSampleMeeting(page);
    await createExpertProfile(page, { name: '王明', id: 'E01', passphrase: '会议室口令-2027' });
    await page.keyboard.press('Escape');
    await page.getByTestId('alliance-row').first().waitFor();

    const button = page.getByRole('button', { name: '打印评分表（未签名草稿）' });
    await button.click();
    const message = page.getByTestId('draft-sheet-message');
    await expect.poll(() => message.textContent(), { timeout: 60_000 }).toMatch(/^已写入未签名草稿（\d+ 页）：/u);
    const path = join(app.dataDir, 'exports', 'E01-王明-2026-评分表草稿.pdf');
    expect(await message.textContent()).toContain(path);
    expect(existsSync(path)).toBe(true);
    const text = pdfText(path).replace(/\s+/g, '');
    expect(text).toContain('2026年度专家评分表（未签名草稿）');
    expect(text).toMatch(/尚有\d+项未判断/u);

    for (const [width, height] of [[1366, 768], [1024, 640]] as const) {
      await page.setViewportSize({ width, height });
      await button.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `draft-sheet-${width}.png`) });
    }
    // Again: the same file, still unsigned; the sign button is still there.
    await button.click();
    await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain(path);
    expect(await page.getByRole('button', { name: '签名并导出…' }).isVisible()).toBe(true);
  });
});
