/**
 * Steps a person takes in the app that several end-to-end tests (and the renderer
 * benchmark) go through the same way: choosing files in the system's file chooser, importing
 * package zips on the packages screen, loading the sample meeting, creating a meeting on the
 * home screen, creating an expert profile, and opening an alliance for scoring.
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

/** Loads the sample meeting from the packages screen and waits for its six packages. */
export async function loadSampleMeeting(page: Page): Promise<void> {
  await page.getByRole('button', { name: '材料包', exact: true }).click();
  await page.getByRole('button', { name: '载入示例会议' }).click();
  // Playwright's own waiting, not vitest's: the benchmarks run these steps under plain Node.
  const rows = page.getByTestId('package-row');
  await rows.nth(5).waitFor({ timeout: 60_000 });
  const count = await rows.count();
  if (count !== 6) throw new Error(`the sample meeting shows ${count} packages, not 6`);
}

/** On the home screen: creates a meeting of that name and year and waits for its row. */
export async function createMeeting(page: Page, name: string, year = '2026'): Promise<void> {
  await page.getByLabel('会议名称').fill(name);
  await page.getByLabel('年度').fill(year);
  await page.getByRole('button', { name: '新建会议' }).click();
  await page.getByTestId('meeting-row').first().waitFor();
}

/** Draws a handwritten signature on the open signature pad with pointer strokes, and saves it. */
export async function drawSignature(page: Page): Promise<void> {
  // The mouse moves in the window's coordinates: the pad must be on screen first.
  await page.getByTestId('signature-canvas').scrollIntoViewIfNeeded();
  const pad = await page.getByTestId('signature-canvas').boundingBox();
  if (!pad) throw new Error('no signature pad');
  await page.mouse.move(pad.x + 40, pad.y + 100);
  await page.mouse.down();
  for (const [dx, dy] of [[80, -60], [140, 20], [220, -50], [300, 30]] as const) await page.mouse.move(pad.x + dx, pad.y + 100 + dy, { steps: 6 });
  await page.mouse.up();
  await page.getByRole('button', { name: '保存签名' }).click();
}

/**
 * Opens 专家评分 and creates a profile (its key is made on this laptop); waits for the alliance
 * list. With a meeting roster (the sample meeting has one) the expert chooses their roster line
 * instead of typing, and signs in (identity, signature, no recusal, the pledge) as scoring asks.
 */
export async function createExpertProfile(page: Page, expert: { name: string; id: string; passphrase: string }): Promise<void> {
  await page.getByRole('button', { name: '专家评分' }).click();
  const rosterLine = page.getByRole('radio', { name: `${expert.id} ${expert.name}` });
  const typedId = page.getByLabel('专家编号（会务组提供，如 E01）');
  await rosterLine.or(typedId).first().waitFor();
  if ((await rosterLine.count()) > 0) {
    await rosterLine.check();
  } else {
    await page.getByLabel('姓名').fill(expert.name);
    await typedId.fill(expert.id);
  }
  await page.getByLabel('签名口令（至少 8 个字符）').fill(expert.passphrase);
  await page.getByLabel('再输入一次口令').fill(expert.passphrase);
  await page.getByRole('button', { name: '创建档案并生成签名密钥' }).click();
  await signInIfAsked(page, expert.passphrase);
}

/**
 * On 专家评分: when the meeting asks the expert to sign in first, signs in (identity, a drawn
 * signature, no recusal, the pledge with the passphrase); then waits for the alliance list.
 */
export async function signInIfAsked(page: Page, passphrase: string): Promise<void> {
  const signIn = page.getByRole('heading', { name: /^签到 · / });
  const list = page.getByTestId('alliance-row').first();
  await signIn.or(list).first().waitFor();
  if ((await signIn.count()) > 0) {
    await page.getByLabel('以上身份信息是本人').check();
    await drawSignature(page);
    await page.getByRole('button', { name: '与所有联盟均无利害关系' }).click();
    await page.getByLabel('签名口令', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: '签署承诺书并签到' }).click();
  }
  await list.waitFor();
}

/** On 专家评分: opens the first alliance of the list for scoring and waits for its claims. */
export async function startScoring(page: Page): Promise<void> {
  await page.getByTestId('alliance-row').first().getByRole('button', { name: '开始评分' }).click();
  await page.getByTestId('claim-row').first().waitFor();
}

/** Imports one package zip, creates an expert profile and opens the package's alliance for scoring. */
export async function scoreOnePackage(page: Page, zip: string, expert: { name: string; id: string; passphrase: string }): Promise<void> {
  await importPackageZips(page, [zip]);
  await createExpertProfile(page, expert);
  await startScoring(page);
}
