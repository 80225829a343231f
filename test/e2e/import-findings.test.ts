/**
 * 材料核查 in the clerk's import report, end to end in Chromium through the browser shell: two
 * alliances' package zips cite the same contract file; after the import report appears, each
 * report lists the finding that involves its package, naming both places, as a hint.
 *
 * Screenshot to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allianceManifest, alliancePackage, sampleContent } from '../helpers/package-builder.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { importPackageZips } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');

describe('材料核查 in the import report', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-e2e-work-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('lists the findings that involve each imported package, in words', { timeout: 120_000 }, async () => {
    const contract = sampleContent('合同.pdf');
    const contracts = (id: string, file: string) => ({ 'I4.techContracts': { items: [{ id, title: '技术开发合同', date: '2026-05-01', evidence: [file] }] } });
    const zips = await Promise.all([
      alliancePackage(allianceManifest('HFA-012', contracts('tc-1', '合同/合同.pdf'))).with('合同/合同.pdf', contract).write(join(work, 'HFA-012.zip')),
      alliancePackage(allianceManifest('HFA-017', contracts('tc-9', '证明/技术合同.pdf'))).with('证明/技术合同.pdf', contract).write(join(work, 'HFA-017.zip')),
    ]);
    const { page } = app;
    await importPackageZips(page, zips.map((z) => z.path));
    const listed = page.getByTestId('import-findings');
    await listed.nth(1).waitFor({ timeout: 60_000 });
    const first = (await page.getByTestId('import-report').first().textContent()) ?? '';
    expect(first).toContain('材料核查：与 2026 年度的 2 个材料包比较，有 1 条提示涉及这个材料包');
    expect(first).toContain('同一文件');
    expect(first).toContain('HFA-012 · I4 吸纳技术合同登记 第“tc-1”项（合同/合同.pdf）');
    expect(first).toContain('HFA-017 · I4 吸纳技术合同登记 第“tc-9”项（证明/技术合同.pdf）');
    // The clerk reads the rubric's words, not the criterion's id.
    expect(first).not.toContain('I4.techContracts');
    expect(await page.getByTestId('import-finding').count()).toBe(2);
    expect(await page.content()).not.toContain('[object Object]');
    await listed.first().scrollIntoViewIfNeeded();
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: resolve(shots, 'import-report-cross-check.png'), fullPage: false });
  });
});
