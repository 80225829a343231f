/**
 * Steps a person takes in the app that several end-to-end tests (and the renderer
 * benchmark) go through the same way: choosing files in the system's file chooser, importing
 * package zips on the packages screen, and creating an expert profile.
 */
import type { Page } from 'playwright-core';

/** Clicks `button` and answers the file chooser it opens with `files`. */
export async function chooseFiles(page: Page, button: string, files: readonly string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles([...files]);
}

/** Imports package zips from the packages screen and waits for one report per zip. */
export async function importPackageZips(page: Page, zips: readonly string[], timeout = 60_000): Promise<void> {
  await page.getByRole('button', { name: '材料包', exact: true }).click();
  await chooseFiles(page, '导入材料包（.zip）…', zips);
  await page.getByTestId('import-report').nth(zips.length - 1).waitFor({ timeout });
}

/** Opens 专家评分 and creates a profile (its key is made on this laptop); waits for the alliance list. */
export async function createExpertProfile(page: Page, expert: { name: string; id: string; passphrase: string }): Promise<void> {
  await page.getByRole('button', { name: '专家评分' }).click();
  await page.getByLabel('姓名').fill(expert.name);
  await page.getByLabel('专家编号（会务组提供，如 E01）').fill(expert.id);
  await page.getByLabel('签名口令（至少 8 个字符）').fill(expert.passphrase);
  await page.getByLabel('再输入一次口令').fill(expert.passphrase);
  await page.getByRole('button', { name: '创建档案并生成签名密钥' }).click();
  await page.getByTestId('alliance-row').first().waitFor();
}
