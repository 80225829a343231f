/**
 * 材料核查提示 beside an expert's claim, end to end in Chromium through the browser shell: three
 * alliances cite the same contract file; the expert recused from one of them. Beside HFA-012's
 * contract the expert reads both other places, the recused alliance's without its file name, and
 * the hint says it changes no score.
 *
 * Screenshot to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting, replacePackages } from '../../electron/meeting/meeting-store.ts';
import { packageImportReports } from '../../shared/api/job-results.ts';
import { call } from '../helpers/call.ts';
import { createTestExpert } from '../helpers/expert-work.ts';
import { allianceManifest, alliancePackage, sampleContent } from '../helpers/package-builder.ts';
import { startApp, type AppFixture } from './app-fixture.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');

let app: AppFixture | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('材料核查提示 (expert scoring view)', () => {
  it('shows the other places beside the claim, a recused alliance without its file', async () => {
    app = await startApp({
      prepare: async (ctx, work) => {
        const contract = sampleContent('合同.pdf');
        const contracts = (id: string, file: string) => ({ 'I4.techContracts': { items: [{ id, title: '技术开发合同', date: '2026-05-01', evidence: [file] }] } });
        const written = await Promise.all(
          (
            [
              ['HFA-012', 'tc-1', '合同/合同.pdf'],
              ['HFA-017', 'tc-9', '证明/技术合同.pdf'],
              ['HFA-018', 'tc-5', '保密/回避联盟的合同.pdf'],
              ['HFA-019', 'tc-2', '附件/合同扫描.pdf'],
            ] as const
          ).map(([id, item, file]) => alliancePackage(allianceManifest(id, contracts(item, file))).with(file, contract).write(join(work, id))),
        );
        const { jobId } = await call(ctx, 'package-import', { sources: written.map((p) => ({ path: p.path })) });
        await ctx.jobs.idle();
        const reports = packageImportReports(await call(ctx, 'job-status', { jobId }));
        expect(reports.map((r) => r.outcome)).toEqual(['imported', 'imported', 'imported', 'imported']);
        const meeting = createMeeting(ctx.db, { name: '2026 年度考核', year: 2026 }, new Date());
        replacePackages(ctx.db, meeting.id, written.map((p) => ({ allianceId: p.allianceId, digest: p.digest })));
        const expert = await createTestExpert(ctx, 'E01', '王明');
        await call(ctx, 'recusal-set', { expertId: expert.id, packageId: reports[2]!.packageId!, reason: '本人任职于牵头单位' });
      },
    });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByRole('button', { name: '专家评分' }).click();
    const list = page.getByTestId('alliance-row').first();
    const card = page.getByTestId('expert-card').filter({ hasText: '王明' });
    await list.or(card).first().waitFor();
    if (await card.isVisible()) await card.click();
    await page.locator('[data-alliance="HFA-012"]').getByRole('button', { name: /评分|查看/ }).first().click();
    const hint = page.getByTestId('claim-hint');
    await hint.first().waitFor({ timeout: 60_000 });
    const text = (await page.getByTestId('claim-hints').textContent()) ?? '';
    expect(text).toContain('仅供核实，不是结论，不影响分数');
    expect(text).toContain('同一文件也出现在 HFA-017 · I4 吸纳技术合同登记 第“tc-9”项（证明/技术合同.pdf）；HFA-018 · I4 吸纳技术合同登记 第“tc-5”项');
    expect(text).not.toContain('保密/回避联盟的合同.pdf');
    expect(await hint.first().getAttribute('title')).not.toContain('保密/回避联盟的合同.pdf');
    // The hint changes nothing: the claim is still undecided.
    expect(await page.getByTestId('claim-row').first().getAttribute('data-status')).toBe('undecided');
    expect(await page.content()).not.toContain('[object Object]');

    // Three other places: the hint starts folded to two lines, so the claims below stay in view;
    // 展开 shows it whole, and neither click decides the claim.
    const line = page.getByTestId('claim-hint').first().locator('.claim-hint-text');
    const lineHeight = await line.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    const folded = (await line.boundingBox())!.height;
    expect(folded).toBeLessThanOrEqual(2 * lineHeight + 1);
    const toggle = page.getByTestId('claim-hints-toggle');
    expect(await toggle.textContent()).toBe('展开（1 条，3 处）');
    await toggle.click();
    expect((await line.boundingBox())!.height).toBeGreaterThan(folded + lineHeight / 2);
    expect(await toggle.textContent()).toBe('收起');
    expect(await page.getByTestId('claim-row').first().getAttribute('data-status')).toBe('undecided');

    await hint.first().scrollIntoViewIfNeeded();
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: resolve(shots, 'expert-claim-hint.png'), fullPage: false });
    // An error in the page fails the test when the fixture closes.
  }, 180_000);
});
