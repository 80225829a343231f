/**
 * Importing the bureau's list of last year's grades in the chair's console, in Chromium
 * through the browser shell: the 2026 chair meeting (test/helpers/chair-meeting.ts) with its
 * signed sheets counted through the handlers; in 定稿 the chair chooses a GBK .csv list
 * (test/fixtures/previous/), and the page says it was read as GBK and taken as 2025, and
 * HFA-006 becomes 取消市级联盟资格. A list with a bad grade is refused with its rows named.
 *
 * The screenshot goes to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importChairSheets, prepareChairMeeting, writeChairMeeting } from '../helpers/chair-meeting.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { prepareThroughHandlers } from './prepare-through-handlers.ts';
import { chooseFiles } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const fixtures = resolve(root, 'test', 'fixtures', 'previous');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const CHAIR = '主任 孙立';

describe('last year’s list in the finalize tab', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-previous-'));
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports a GBK .csv list, says how it was read and which year it was taken as, and refuses a bad one by row', async () => {
    await prepareThroughHandlers(app, async (ctx) => {
      const meeting = await writeChairMeeting(work);
      await importChairSheets(ctx, await prepareChairMeeting(ctx, meeting), CHAIR, meeting.sheets);
    });
    const { page } = app;
    await page.setViewportSize({ width: 1300, height: 1000 });
    await page.goto(app.server.url);
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByLabel('操作人').fill(CHAIR);
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '定稿' }).click();

    await chooseFiles(page, '导入上一年度结果…', [join(fixtures, 'bad-grade.csv')]);
    const message = page.getByTestId('finalize-message');
    await expect.poll(() => message.textContent()).toContain('第 4 行：联盟 HFA-003 的考核等级“良好”不是 优秀、合格、不合格 之一');
    expect(await message.textContent()).toContain('第 6 行：联盟 HFA-005 的考核等级为空');

    await chooseFiles(page, '导入上一年度结果…', [join(fixtures, 'list-gbk.csv')]);
    const summary = page.getByTestId('previous-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('已导入上一年度考核等级名单 list-gbk.csv（CSV，GBK 编码；名单本身不写年度，按本会议的上一年度即 2025 年度的考核等级计）：6 个联盟，不合格：HFA-006');
    await expect.poll(() => page.getByRole('table', { name: '考核结论' }).textContent()).toContain('取消市级联盟资格');
    const section = page.locator('section[aria-labelledby="history-title"]');
    await section.screenshot({ path: resolve(shots, 'chair-previous-list.png') });
  });
});
