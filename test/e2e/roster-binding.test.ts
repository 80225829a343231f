/**
 * The roster and the profile bound to it, end to end in Chromium through the browser shell:
 * the clerk types a roster with titles, specialties, employers and the 组长 mark on 会议准备
 * (a second 组长 is refused, naming both lines); on the same laptop, which now has a roster,
 * an expert makes a profile by choosing their entry from it, typing no id, and the profile
 * carries the roster's id, name, title and employer.
 *
 * Screenshots (1366×768 and 1024×640) go under test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppFixture } from './app-fixture.ts';
import { createMeeting } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = resolve(root, 'test-results', 'screenshots');
const PASSPHRASE = '会议室口令-2027';
const ROSTER = [
  'E01，王明，教授，材料科学，合肥工业大学，组长',
  'E02\t李华\t研究员\t信息技术\t中国科学院合肥物质科学研究院',
  'E03，张伟，高级工程师',
];

describe('the roster on 会议准备 and a profile chosen from it', () => {
  let app: AppFixture;
  beforeEach(async () => {
    app = await startApp();
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
  });

  it('keeps the roster’s details, refuses a second 组长, and makes the profile from the chosen entry', async () => {
    const { page } = app;
    await createMeeting(page, '2026 年度合肥市产业技术创新战略联盟考核评审会');
    await page.getByRole('button', { name: '会议准备', exact: true }).click();
    await page.getByLabel('操作人').fill('会务 周敏');

    const roster = page.getByRole('textbox', { name: '专家名册' });
    await roster.fill([...ROSTER.slice(0, 2), 'E03，张伟，高级工程师，组长'].join('\n'));
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('名册未保存：专家名册中有 2 位组长（第 1 行（王明）、第 3 行（张伟）），只能有一位组长；请只在一行标“组长”。 您填写的内容都还在，改正后再点“保存”。');
    // The refused roster is still there, marked unsaved.
    expect(await roster.inputValue()).toContain('E03，张伟，高级工程师，组长');
    expect(await page.getByTestId('save-state').textContent()).toBe('有未保存的修改');

    await roster.fill(ROSTER.join('\n'));
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('heading', { name: '专家名册（3 位）' }).waitFor();
    const table = page.getByRole('table', { name: '已保存的专家名册' });
    await expect.poll(() => table.locator('tbody tr').allInnerTexts()).toEqual([
      'E01\t王明\t教授\t材料科学\t合肥工业大学\t组长',
      'E02\t李华\t研究员\t信息技术\t中国科学院合肥物质科学研究院\t',
      'E03\t张伟\t高级工程师\t\t\t',
    ]);
    for (const [width, height] of [[1366, 768], [1024, 640]] as const) {
      await page.setViewportSize({ width, height });
      await page.getByRole('heading', { name: '专家名册（3 位）' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: resolve(shots, `roster-setup-${width}.png`) });
    }

    await page.getByRole('button', { name: '专家评分' }).click();
    await page.getByRole('group', { name: /专家名册中选择您自己/ }).waitFor();
    // No id or name to type: only the roster's rows to choose from.
    expect(await page.getByLabel('专家编号（会务组提供，如 E01）').count()).toBe(0);
    expect(await page.getByLabel('姓名', { exact: true }).count()).toBe(0);
    await page.getByRole('radio', { name: 'E02 李华' }).check();
    await page.getByLabel('签名口令（至少 8 个字符）').fill(PASSPHRASE);
    await page.getByLabel('再输入一次口令').fill(PASSPHRASE);
    for (const [width, height] of [[1366, 768], [1024, 640]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: resolve(shots, `roster-choice-${width}.png`), fullPage: true });
    }
    await page.getByRole('button', { name: '创建档案并生成签名密钥' }).click();
    await page.getByRole('button', { name: '切换专家' }).waitFor();
    await page.getByRole('button', { name: '切换专家' }).click();
    const card = page.getByTestId('expert-card');
    await expect.poll(() => card.innerText()).toMatch(/^李华\n编号 E02 · 研究员\n中国科学院合肥物质科学研究院\n指纹/);
    await page.getByRole('button', { name: '新建专家档案…' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'E02 李华' }).isDisabled()).toBe(true);
  });
});
