/**
 * A big PDF (over 8 MB, pdfkit laying it out as scanners do: test/helpers/big-scan-pdf.ts),
 * end to end in Chromium: the first opening fetches it whole and has main make its skeleton;
 * from then on it is read by range, so opening it at page 60 fetches a few hundred kilobytes,
 * never the file, and the pages drawn are the right ones (their text layer says so), also a
 * page beyond what the skeleton holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bigScanPdf } from '../helpers/big-scan-pdf.ts';
import { longPdf } from '../helpers/long-pdf.ts';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { scoreOnePackage } from './ui-steps.ts';

const BIG = '证明材料/年度审计报告扫描件.pdf';

const row = (page: Page, key: string) => page.locator(`[data-testid="claim-row"][data-key="${key}"]`);
const viewer = (page: Page) => page.getByTestId('pdf-scroll');

async function drawnText(page: Page, n: number): Promise<string> {
  await expect.poll(() => viewer(page).getAttribute('data-current-page'), { timeout: 30_000 }).toBe(String(n));
  const drawn = viewer(page).locator(`[data-page="${n}"]`);
  await drawn.locator('canvas[data-rendered="true"]').waitFor({ timeout: 30_000 });
  return (await drawn.locator('.textLayer').textContent()) ?? '';
}

/** The bytes of each evidence answer since the last clearing, largest first. */
const evidenceAnswers = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/evidence/'))
      .map((e) => (e as PerformanceResourceTiming).decodedBodySize)
      .sort((a, b) => b - a),
  );

describe('a big PDF', () => {
  let app: AppFixture;
  let bigSize = 0;
  let work: string;
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'alliance-review-big-pdf-'));
    const big = await bigScanPdf(90);
    bigSize = big.length;
    expect(big.length).toBeGreaterThan(8 * 1024 * 1024);
    const manifest = packageManifest({
      claims: {
        'I1.office': { claimed: true, evidence: ['证明材料/章程.pdf'] },
        'I4.techContracts': { items: [{ id: 'audit', title: '审计报告', date: '2026-06-01', evidence: [`${BIG}#page=60`] }] },
      },
    });
    const zip = await packageFiles({ 'manifest.json': JSON.stringify(manifest), '自查报告.pdf': await longPdf(1), '证明材料/章程.pdf': await longPdf(2), [BIG]: big }).writeZip(
      join(work, '大文件.zip'),
    );
    app = await startApp();
    await scoreOnePackage(app.page, zip, { name: '赵敏', id: 'E07', passphrase: 'passphrase-2027' });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('opens it at its page by range once main has its skeleton, reading nothing of the first pages', { timeout: 180_000 }, async () => {
    const { page } = app;
    // The byte ranges asked of the file in the last opening.
    let ranges: number[] = [];
    page.on('request', (request) => {
      const range = /^bytes=(\d+)-/.exec(request.headers()['range'] ?? '');
      if (range !== null) ranges.push(Number(range[1]));
    });
    await row(page, 'I4.techContracts#audit').click();
    expect(await drawnText(page, 60)).toContain('Page 60');

    // Opened again (after another file) until it is read by range: no answer near the file's size.
    await expect
      .poll(
        async () => {
          await row(page, 'I1.office').click();
          await drawnText(page, 1);
          await page.evaluate(() => performance.clearResourceTimings());
          ranges = [];
          await row(page, 'I4.techContracts#audit').click();
          expect(await drawnText(page, 60)).toContain('Page 60');
          return (await evidenceAnswers(page))[0] ?? Infinity;
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBeLessThan(1024 * 1024);
    const answers = await evidenceAnswers(page);
    expect(answers.reduce((n, b) => n + b, 0)).toBeLessThan(2 * 1024 * 1024);
    // Besides the file's head, only the pages around page 60 (two thirds in): the column is not
    // drawn at its top before it is put at the page, so pages 1–3 are never fetched or decoded.
    expect(ranges[0]).toBe(0);
    expect(ranges.length).toBeGreaterThan(1);
    expect(Math.min(...ranges.slice(1))).toBeGreaterThan(bigSize / 3);

    // Pages the skeleton does not hold are read as they come into view.
    await page.getByRole('button', { name: '下一页' }).click();
    expect(await drawnText(page, 61)).toContain('Page 61');
    await page.getByLabel('页码').fill('90');
    await page.getByLabel('页码').press('Enter');
    expect(await drawnText(page, 90)).toContain('Page 90');
  });
});
