/**
 * Opening an item at a deep page of a big scan, in Chromium through the browser shell: from the
 * click on an item whose evidence is `扫描件.pdf#page=150` of a 300-page, 50 MB scanned PDF
 * (scanned-pdf.ts: every page one JPEG, as scanners make them) to page 150's canvas drawn.
 * Before each run another file is open, so every run opens the scan afresh (a new viewer).
 * The first run makes the scan's skeleton in main (electron/evidence/read-pdf-skeleton.ts) and
 * opens without it; the median is of all runs. Timed in the page (renderer-timing.ts'
 * `timeUntil`: from the input event to the MutationObserver seeing the drawn canvas).
 * Reference in the same run: fetching the whole file in the page, the floor of opening it
 * before big files were read by range.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { chromiumArgs, chromiumPath, startServer } from '../e2e/app-fixture.ts';
import { createExpertProfile, importPackageZips } from '../e2e/ui-steps.ts';
import { timeUntil } from './renderer-timing.ts';
import { scannedPdf } from './scanned-pdf.ts';

export interface DeepPageTimings {
  readonly scanBytes: number;
  readonly deepPageMs: readonly number[];
  /** Fetching the whole scan in the page (response.arrayBuffer()). */
  readonly wholeFetchMs: readonly number[];
}

const SCAN = '证明材料/扫描件/审计报告扫描件.pdf';

async function deepPagePackage(dir: string, pages: number): Promise<{ zip: string; scanBytes: number }> {
  mkdirSync(dir, { recursive: true });
  const scanFile = join(dir, `scan-${pages}.pdf`);
  if (!existsSync(scanFile)) writeFileSync(scanFile, await scannedPdf(pages));
  const zip = join(dir, 'DEEP-001.zip');
  if (!existsSync(zip)) {
    const manifest = packageManifest({
      claims: {
        'I1.council': { claimed: true, evidence: ['证明材料/章程.pdf'] },
        'I4.techContracts': { items: [{ id: 'deep', title: '审计报告第 150 页', date: '2026-06-01', evidence: [`${SCAN}#page=${Math.ceil(pages / 2)}`] }] },
      },
    });
    await packageFiles({
      'manifest.json': JSON.stringify(manifest),
      '自查报告.pdf': await scannedPdf(1),
      '证明材料/章程.pdf': await scannedPdf(2),
      [SCAN]: readFileSync(scanFile),
    }).writeZip(zip);
  }
  return { zip, scanBytes: statSync(scanFile).size };
}

export async function measureDeepPage(options: { readonly dir: string; readonly pages?: number; readonly runs: number }): Promise<DeepPageTimings> {
  const pages = options.pages ?? 300;
  const { zip, scanBytes } = await deepPagePackage(options.dir, pages);
  const deep = Math.ceil(pages / 2);
  const dataDir = mkdtempSync(join(tmpdir(), 'alliance-review-bench-deep-'));
  const server = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await importPackageZips(page, [zip], 600_000);
    await createExpertProfile(page, { name: '基准测试', id: 'E98', passphrase: 'passphrase-bench' });
    await page.getByTestId('alliance-row').first().getByRole('button', { name: '开始评分' }).click();
    const other = page.locator('[data-testid="claim-row"][data-key="I1.council"]');
    const item = page.locator('[data-testid="claim-row"][data-key="I4.techContracts#deep"]');
    await item.waitFor();
    const deepPageMs: number[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      await other.click();
      await page.locator('[data-testid="evidence-body"] [data-page="1"] canvas[data-rendered="true"]').waitFor();
      deepPageMs.push(await timeUntil(page, `[data-testid="evidence-body"] [data-page="${deep}"] canvas[data-rendered="true"]`, () => item.click()));
    }
    const wholeFetchMs: number[] = [];
    const scanUrls = await page.evaluate(() => [...new Set(performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('evidence')))]);
    for (let run = 0; run < options.runs; run += 1) {
      wholeFetchMs.push(
        await page.evaluate(async (urls) => {
          // The largest evidence file the page fetched is the scan.
          let best = { ms: 0, bytes: 0 };
          for (const u of urls) {
            const started = performance.now();
            const bytes = (await (await fetch(u)).arrayBuffer()).byteLength;
            if (bytes > best.bytes) best = { ms: performance.now() - started, bytes };
          }
          return best.ms;
        }, scanUrls),
      );
    }
    return { scanBytes, deepPageMs, wholeFetchMs };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
