/**
 * 补正 and 说明理由 on the expert's screen, end to end in Chromium through the browser shell: the
 * expert had scored HFA-001 when its corrected package arrived (test/e2e/web-with-corrected-package.ts).
 * The list says decisions wait for confirmation and signing is refused until then; the alliance
 * shows the carried decisions as 待确认 and the changed contracts as 材料已补正 and undecided;
 * the expert decides the contracts again, confirms the carried decisions in one press (twice is
 * the same), writes an explanation beside an I10 score, reloads and finds it kept, signs, and
 * the signed sheet carries the explanation and verifies with the real CLI.
 *
 * Screenshots (1366×768 and 1024×640) go under test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { startApp, type AppFixture } from './app-fixture.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = resolve(root, 'test-results', 'screenshots');
const PASSPHRASE = '会议室口令-2027';

describe('a corrected package on the expert laptop', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'alliance-review-corrected-'));
    app = await startApp({ script: resolve(import.meta.dirname, 'web-with-corrected-package.ts'), env: { E2E_WORK_DIR: work } });
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows carried decisions as 待确认 until confirmed, reopens the changed claim, and signs the explanation', { timeout: 180_000 }, async () => {
    const { page } = app;
    await page.getByRole('button', { name: '专家评分' }).click();
    const card = page.getByTestId('expert-card').filter({ hasText: '王明' });
    const list = page.getByTestId('alliance-row').first();
    await list.or(card).first().waitFor();
    if (await card.isVisible()) await card.click();
    await list.waitFor();
    await page.getByText('材料已补正：9 项评定待确认').waitFor();

    await page.locator('[data-alliance="HFA-001"]').getByRole('button', { name: /评分|查看/ }).first().click();
    await page.getByTestId('claim-row').first().waitFor();
    const banner = page.getByTestId('carried-banner');
    await banner.getByText('9 项评定已沿用').waitFor();
    // Carried rows show 待确认; the changed contracts are undecided with 材料已补正 beside them.
    const office = page.locator('[data-testid="claim-row"][data-key="I1.office"]');
    expect(await office.getAttribute('data-status')).toBe('accepted');
    await office.getByText('待确认').waitFor();
    for (const key of ['I4.techContracts#tc-1', 'I4.techContracts#tc-2']) {
      const row = page.locator(`[data-testid="claim-row"][data-key="${key}"]`);
      expect(await row.getAttribute('data-status')).toBe('undecided');
      await row.getByText('材料已补正').waitFor();
      expect(await row.getByText('待确认').count()).toBe(0);
    }
    for (const [width, height] of [[1366, 768], [1024, 640]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(shots, `corrected-package-${width}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    for (const key of ['I4.techContracts#tc-1', 'I4.techContracts#tc-2']) {
      const row = page.locator(`[data-testid="claim-row"][data-key="${key}"]`);
      await row.getByRole('button', { name: '认定', exact: true }).click();
      await page.locator(`[data-testid="claim-row"][data-key="${key}"][data-status="accepted"]`).waitFor();
    }
    const confirm = banner.getByRole('button', { name: /确认沿用的 9 项评定/ });
    await confirm.dblclick();
    await banner.waitFor({ state: 'hidden' }).catch(() => undefined);
    // The changed claim's mark stays (the claim was amended); nothing waits for confirmation.
    await expect.poll(() => page.getByText('待确认').count()).toBe(0);

    // 说明理由 beside the judged score of I10.status.
    const status = page.locator('[data-testid="claim-row"][data-key="I10.status"]');
    await status.getByRole('button', { name: '说明理由…' }).click();
    const box = status.getByRole('textbox', { name: /^说明理由/ });
    await box.fill('白皮书仅有年度计划，未见落实情况，故给 0.5 分');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await page.getByRole('button', { name: '首页', exact: true }).click().catch(() => undefined);
    await page.reload();
    await page.getByRole('button', { name: '专家评分' }).click();
    await list.or(card).first().waitFor();
    if (await card.isVisible()) await card.click();
    await page.locator('[data-alliance="HFA-001"]').getByRole('button', { name: /评分|查看/ }).first().click();
    await page.getByTestId('claim-row').first().waitFor();
    expect(await page.locator('[data-testid="claim-row"][data-key="I10.status"]').getByRole('textbox', { name: /^说明理由/ }).inputValue()).toBe(
      '白皮书仅有年度计划，未见落实情况，故给 0.5 分',
    );
    await page.screenshot({ path: join(shots, 'explanation-box.png') });

    await page.getByRole('button', { name: /返回|联盟列表/ }).first().click();
    await list.waitFor();
    await page.getByRole('button', { name: '签名并导出…' }).click();
    await page.getByTestId('export-folder').fill(work);
    await page.getByLabel('签名口令').fill(PASSPHRASE);
    await page.getByRole('button', { name: '签名并导出', exact: true }).click();
    await page.getByTestId('signed-fingerprint').waitFor();
    const path = (await page.getByTestId('signed-path').textContent()) ?? '';
    expect(readdirSync(work).filter((f) => f.endsWith('.sheet.json'))).toHaveLength(1);
    const verify = runCli(['verify', path]);
    expect(verify.status).toBe(0);
    const sheet = JSON.parse(readFileSync(path, 'utf8')) as { format: number; reviews: { allianceId: string; explanations?: Record<string, string> }[] };
    expect(sheet.reviews.find((r) => r.allianceId === 'HFA-001')?.explanations).toEqual({ 'I10.status': '白皮书仅有年度计划，未见落实情况，故给 0.5 分' });
  });
});
