/**
 * Sign-in before scoring, end to end in Chromium through the browser shell: the sample
 * packages and a meeting with a roster on this laptop; the expert chooses their roster entry,
 * meets the sign-in screen instead of the alliance list, confirms identity, reads the pledge,
 * draws a signature, declares one recusal (a standard reason with words) and no conflict for
 * the rest, and signs with the passphrase; the alliance list then shows the recusal and the
 * sign-in read-only.
 *
 * Screenshots (1366×768 and 1024×640) go under test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppFixture } from './app-fixture.ts';
import { createMeeting, drawSignature, loadSampleMeeting } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = resolve(root, 'test-results', 'screenshots');
const PASSPHRASE = '会议室口令-2027';

describe('sign-in before scoring', () => {
  let app: AppFixture;
  beforeEach(async () => {
    app = await startApp();
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
  });

  it('locks scoring until the expert has signed the pledge and declared recusals, then shows it read-only', { timeout: 120_000 }, async () => {
    const { page } = app;
    await loadSampleMeeting(page);
    await page.getByRole('button', { name: '首页', exact: true }).click();
    await createMeeting(page, '2026 年度合肥市产业技术创新战略联盟考核评审会');
    await page.getByRole('button', { name: '会议准备', exact: true }).click();
    await page.getByLabel('操作人').fill('会务 周敏');
    await page.getByRole('textbox', { name: '专家名册' }).fill('E01，王明，教授，材料科学，合肥工业大学，组长\nE02，李华，研究员');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('heading', { name: '专家名册（2 位）' }).waitFor();

    await page.getByRole('button', { name: '专家评分' }).click();
    await page.getByRole('radio', { name: 'E01 王明' }).check();
    await page.getByLabel('签名口令（至少 8 个字符）').fill(PASSPHRASE);
    await page.getByLabel('再输入一次口令').fill(PASSPHRASE);
    await page.getByRole('button', { name: '创建档案并生成签名密钥' }).click();

    // Not the alliance list: the sign-in, with the pledge's four points.
    await page.getByRole('heading', { name: '签到 · 2026 年度评审' }).waitFor();
    expect(await page.getByTestId('alliance-row').count()).toBe(0);
    const pledge = (await page.getByLabel('承诺书').textContent()) ?? '';
    for (const point of ['一、回避', '二、保密', '三、不私下接触', '四、依规评分']) expect(pledge).toContain(point);

    // Signing with something missing says what is missing.
    await page.getByRole('button', { name: '签署承诺书并签到' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^请勾选“以上身份信息是本人”；请先手写签名并点“保存签名”；请对每个联盟声明是否回避/);

    await page.getByLabel('以上身份信息是本人').check();
    await drawSignature(page);
    await page.getByRole('button', { name: '与所有联盟均无利害关系' }).click();
    const selects = page.getByRole('combobox', { name: /是否回避$/ });
    expect(await selects.count()).toBe(6);
    const first = selects.first();
    const firstName = ((await first.getAttribute('aria-label')) ?? '').replace(/ 是否回避$/, '');
    await first.selectOption({ label: '回避：近三年内在该联盟成员单位任职' });
    await page.getByLabel(`${firstName} 回避情况说明`).fill('2024 年在其牵头单位任兼职研究员');
    await page.getByLabel('签名口令', { exact: true }).fill(PASSPHRASE);
    for (const [width, height] of [[1366, 768], [1024, 640]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: resolve(shots, `sign-in-${width}.png`), fullPage: true });
      await page.screenshot({ path: resolve(shots, `sign-in-${width}-top.png`) });
    }
    await page.getByRole('button', { name: '签署承诺书并签到' }).click();

    await page.getByTestId('alliance-row').first().waitFor();
    const summary = page.getByTestId('sign-in-summary');
    await expect.poll(() => summary.locator('summary').textContent()).toMatch(/^已签到 .* · 已签署承诺书 · 声明回避 1 个联盟$/);
    await summary.locator('summary').click();
    await expect.poll(() => summary.textContent()).toContain(`${firstName}：近三年内在该联盟成员单位任职：2024 年在其牵头单位任兼职研究员`);
    const recused = page.locator('[data-testid="alliance-row"].status-recused');
    await expect.poll(() => recused.count()).toBe(1);
    for (const [width, height] of [[1366, 768], [1024, 640]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: resolve(shots, `signed-in-list-${width}.png`) });
    }
    // After a reload the sign-in is still there and the list opens directly.
    await page.reload();
    await page.getByRole('button', { name: '专家评分' }).click();
    await page.getByTestId('alliance-row').first().waitFor();
    expect(await page.getByRole('heading', { name: '签到 · 2026 年度评审' }).count()).toBe(0);
  });
});
