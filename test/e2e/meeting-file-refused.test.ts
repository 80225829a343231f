/**
 * A meeting file refused on an expert laptop, in Chromium on the real browser shell: the clerk's
 * real meeting file (exported by the clerk's handlers from real packages), then changed in many
 * places as a bad copy or a meddler would. The laptop lists every problem by alliance and file,
 * the first few on screen and the rest one click away, says what to do, and shows no codes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/call.ts';
import { prepareChairMeeting, writeChairMeeting } from '../helpers/chair-meeting.ts';
import { testContext } from '../helpers/context.ts';
import { packageFiles } from '../helpers/package-builder.ts';
import { readZip } from '../helpers/read-zip.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { chooseFiles } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');

describe('a meeting file refused for many problems', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'alliance-review-refused-'));
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('lists each problem by alliance and file, folds the rest under 以及另外 N 处, and says what to do', async () => {
    mkdirSync(join(work, 'packages'));
    const meeting = await writeChairMeeting(join(work, 'packages'));
    const clerk = testContext(join(work, 'clerk'));
    let exported: string;
    try {
      const meetingId = await prepareChairMeeting(clerk, meeting, '会务 周敏');
      exported = (await call(clerk, 'meeting-file-export', { meetingId, folder: work })).path;
    } finally {
      clerk.close();
    }
    const entries = await readZip(exported);
    // Every evidence file of every package changed (a copy gone bad), one missing, one added.
    const evidence = [...entries.keys()].filter((n) => n.startsWith('packages/') && !n.endsWith('manifest.json'));
    for (const name of evidence.slice(1)) entries.set(name, Buffer.alloc(entries.get(name)!.length, 0x20));
    entries.delete(evidence[0]!);
    entries.set('packages/HFA-001/多出来的.pdf', Buffer.from('%PDF'));
    const bad = join(work, '坏的.meeting.zip');
    await packageFiles(entries).writeZip(bad);
    const total = evidence.length + 1;
    expect(total).toBeGreaterThan(9);

    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: '会议准备', exact: true }).click();
    await chooseFiles(page, '导入会议包（.meeting.zip）…', [bad]);
    const refused = page.getByTestId('meeting-file-refused');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.locator('p').first().textContent()).toBe(
      `会议包 坏的.meeting.zip 不能导入：发现 ${total} 处问题（见下）。可能是拷贝不完整或被改动过，请向会务人员重新拷贝会议包。本机数据没有改动。`,
    );
    const shown = refused.locator(':scope > ol > li');
    expect(await shown.count()).toBe(8);
    for (const text of await shown.allTextContents()) expect(text).toMatch(/联盟 HFA-\d{3}（[^）]+）材料包中的文件“[^”]+”/);
    const more = refused.locator('details');
    expect(await more.locator('summary').textContent()).toBe(`以及另外 ${total - 8} 处`);
    expect(await more.locator('li').first().isVisible()).toBe(false);
    await more.locator('summary').click();
    expect(await more.locator('li').count()).toBe(total - 8);
    await more.locator('li').first().waitFor();
    const all = [...(await shown.allTextContents()), ...(await more.locator('li').allTextContents())];
    expect(all.some((t) => /^缺少联盟 HFA-001（[^）]+）材料包中的文件“/.test(t))).toBe(true);
    expect(all.some((t) => t.startsWith('联盟 HFA-001（') && t.includes('“多出来的.pdf”不在会议包的清单上'))).toBe(true);
    // No codes, hashes or temp folders on screen.
    expect(await refused.textContent()).not.toMatch(/meeting-file-|package-invalid|[0-9a-f]{12}|incoming/);
    await more.locator('summary').click();
    await refused.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'meeting-file-refused.png'), fullPage: false });
  });
});
