/**
 * The chair's console end to end, in Chromium through the browser shell: a sample meeting of
 * 6 alliances and 5 experts built from real package zips and real signed sheets
 * (test/helpers/chair-meeting.ts). Through the UI (file choosers): the clerk imports the
 * packages, creates and prepares the meeting; the chair imports the sheets, confirms each
 * fingerprint against the expert's read-out, imports last year's result. Then:
 *
 * - every number of the matrix equals the real CLI's `merge --json` on the same files;
 * - the flags appear exactly where the data puts them, and the deviating cell is highlighted;
 * - finalizing is refused while a flag has no note or another lock condition is unmet; with
 *   notes, pledges, the difference recorded and the outliers explained it locks the CLI's bytes;
 * - the lock holds (main refuses a sheet import), reopening is logged with its ground and reason;
 * - tampering with the audit log in the database is detected and shown.
 *
 * Screenshots go to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResultFile } from '../../shared/result/result-schema.ts';
import { resultFileSchema } from '../../shared/result/result-schema.ts';
import { CONSEQUENCE_LABELS } from '../../shared/panel/consequence.ts';
import type { ChairMeeting } from '../helpers/chair-meeting.ts';
import { CHAIR_EXPERTS, writeChairMeeting } from '../helpers/chair-meeting.ts';
import { makeExpert, writeSignedSheet } from '../helpers/expert-sheet.ts';
import { allianceManifest, alliancePackage } from '../helpers/package-builder.ts';
import { acceptAll, hefei, I10_ZERO, workedExample } from '../shared/rubric/fixtures.ts';
import { smallClaims, smallDecisions } from '../shared/result/merge-fixtures.ts';
import { runCli } from '../helpers/run-cli.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { chooseFiles } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const MEETING = '2026 年度合肥市产业技术创新战略联盟考核评审会';
const CHAIR = '主任 孙立';

function cliMerge(meeting: ChairMeeting): { text: string; result: ResultFile } {
  const run = runCli([
    'merge',
    '--packages',
    ...meeting.packages.map((p) => p.path),
    '--sheets',
    ...meeting.sheets,
    '--method',
    meeting.settings.method,
    '--deviation',
    String(meeting.settings.deviationThreshold),
    '--budget',
    String(meeting.settings.budgetYuan),
    '--previous',
    meeting.previous,
    '--json',
  ]);
  if (run.status !== 0) throw new Error(`merge failed: ${run.stderr}`);
  return { text: run.stdout, result: resultFileSchema.parse(JSON.parse(run.stdout)) };
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name }).click();
}


/** The clerk, through the UI: imports the package zips, creates the 2026 meeting, saves its settings, roster and packages. */
async function prepareThroughUi(
  page: Page,
  zips: readonly string[],
  roster: readonly (readonly [string, string])[],
  settings: { readonly trimmed: boolean; readonly budget: string | null },
): Promise<void> {
  await page.getByRole('button', { name: '材料包', exact: true }).click();
  await chooseFiles(page, '导入材料包（.zip）…', zips);
  await expect.poll(() => page.getByTestId('import-report').count(), { timeout: 30_000 }).toBe(zips.length);
  expect(await page.getByTestId('import-report').allTextContents()).toEqual(Array(zips.length).fill(expect.stringContaining('已导入')));

  await page.getByRole('button', { name: '首页', exact: true }).click();
  await page.getByLabel('会议名称').fill(MEETING);
  await page.getByLabel('年度').fill('2026');
  await page.getByRole('button', { name: '新建会议' }).click();
  await page.getByTestId('meeting-row').first().waitFor();

  await page.getByRole('button', { name: '会议准备', exact: true }).click();
  await page.getByLabel('操作人').fill('会务 周敏');
  if (settings.trimmed) await page.getByRole('radio', { name: /去掉一个最高分/ }).check();
  if (settings.budget !== null) await page.getByLabel('奖励预算（元，可不填）').fill(settings.budget);
  await page.getByRole('textbox', { name: '专家名册' }).fill(roster.map(([id, name]) => `${id} ${name}`).join('\n'));
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText(/^已保存：.*专家名册、会议材料包。$/).waitFor();
  await page.getByRole('heading', { name: `专家名册（${roster.length} 位）` }).waitFor();
  await page.getByRole('heading', { name: `会议材料包（已选 ${zips.length} 个联盟）` }).waitFor();
}

describe('the chair’s console', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-chair-'));
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('runs a meeting of 6 alliances and 5 experts: matrix equal to the CLI, flags, notes, lock, reopening, audit log', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1500, height: 1000 });
    const meeting = await writeChairMeeting(work);
    const cli = cliMerge(meeting);

    await prepareThroughUi(page, meeting.packages.map((p) => p.path), CHAIR_EXPERTS, { trimmed: true, budget: '1000000' });
    await page.screenshot({ path: resolve(shots, 'meeting-setup.png'), fullPage: true });

    // The chair: sheets, with every new key waiting for its fingerprint.
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByLabel('操作人').fill(CHAIR);
    await tab(page, '评分表');
    await chooseFiles(page, '选择评分表文件…', meeting.sheets);
    await expect.poll(() => page.getByTestId('sheet-report').count(), { timeout: 20_000 }).toBe(5);
    expect(await page.getByTestId('sheet-report').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')))).toEqual(
      Array(5).fill('awaiting-fingerprint'),
    );
    await expect.poll(() => page.getByTestId('pending-key').count()).toBe(5);
    await page.screenshot({ path: resolve(shots, 'chair-sheets.png'), fullPage: true });

    // A wrong read-out is refused; the right one confirms.
    const first = page.locator('[data-testid="pending-key"][data-expert="E01"]');
    await first.getByRole('textbox').fill('0000 1111 2222 3333');
    await first.getByRole('button', { name: '一致，确认' }).click();
    await first.getByRole('alert').filter({ hasText: '不一致' }).waitFor();
    for (const expert of meeting.experts) {
      const pending = page.locator(`[data-testid="pending-key"][data-expert="${expert.id}"]`);
      await pending.getByRole('textbox').fill(expert.fingerprint.toUpperCase());
      await pending.getByRole('button', { name: '一致，确认' }).click();
      await pending.waitFor({ state: 'detached' });
    }
    await expect.poll(() => page.locator('[data-testid="sheet-row"][data-status="current"]').count()).toBe(5);

    // Last year's result, for 取消市级联盟资格.
    await tab(page, '定稿');
    await chooseFiles(page, '导入上一年度结果…', [meeting.previous]);
    await page.getByText('已导入 2025 年度结果').waitFor();

    // The matrix: every number is the CLI's.
    await tab(page, '总览');
    const rows = page.getByTestId('matrix-row');
    await expect.poll(() => rows.count()).toBe(6);
    for (const alliance of cli.result.alliances) {
      const row = page.locator(`[data-testid="matrix-row"][data-alliance="${alliance.allianceId}"]`);
      for (const expert of alliance.experts) {
        const cell = row.locator(`[data-testid="matrix-cell"][data-expert="${expert.id}"]`);
        expect((await cell.textContent())?.replace(/[改纸]$/, '')).toBe(expert.recused ? '回避' : String(expert.total));
      }
      expect(await row.getByTestId('matrix-total').textContent()).toBe(String(alliance.total));
      expect(await row.getByTestId('matrix-consequence').textContent()).toBe(alliance.consequence === null ? '—' : CONSEQUENCE_LABELS[alliance.consequence]);
      expect(await row.getByTestId('matrix-award').textContent()).toBe(alliance.award === null ? '—' : alliance.award.toLocaleString('en-US'));
    }
    expect(cli.result.alliances.find((a) => a.allianceId === 'HFA-006')?.consequence).toBe('disqualify');

    // The flags, where the data says.
    const flags = await page.getByTestId('flag-item').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-alliance')} ${e.getAttribute('data-kind')}`));
    const expected = cli.result.alliances.flatMap((a) => a.flags.map((f) => `${a.allianceId} ${f.kind}`));
    expect(flags).toEqual(expected);
    expect(flags).toEqual([
      'HFA-002 deviation',
      'HFA-002 spread',
      'HFA-002 spread',
      'HFA-003 trimmed-not-applied',
      'HFA-004 override',
      'HFA-005 quorum',
      'HFA-005 trimmed-not-applied',
    ]);
    const deviating = page.locator('[data-testid="matrix-row"][data-alliance="HFA-002"] [data-testid="matrix-cell"][data-expert="E05"]');
    expect(await deviating.getAttribute('class')).toContain('deviates');
    expect(await page.locator('[data-testid="matrix-row"][data-alliance="HFA-001"] [data-testid="matrix-cell"].deviates').count()).toBe(0);
    await page.locator('[data-testid="matrix-row"][data-alliance="HFA-002"]').getByRole('button').click();
    await page.getByTestId('alliance-chart').waitFor();
    await page.screenshot({ path: resolve(shots, 'chair-matrix.png'), fullPage: false });
    await page.locator('.chart-grid').screenshot({ path: resolve(shots, 'chair-charts.png') });

    // Drill-down from the I10 spread flag: every expert's decision side by side, with the evidence.
    await page.locator('[data-testid="flag-item"][data-kind="spread"]').filter({ hasText: 'I10' }).getByRole('button', { name: '逐项对照' }).click();
    await page.getByTestId('drill-table').waitFor();
    expect(await page.getByTestId('drill-panel-score').textContent()).toBe(String(cli.result.alliances[1]?.indicators['I10']));
    const scores = await page.getByTestId('drill-indicator-score').allTextContents();
    expect(scores).toEqual(['10', '8', '6', '8', '0']);
    await page.getByRole('button', { name: /证明材料/ }).first().click();
    await page.locator('[data-testid="evidence-body"][data-path="白皮书.pdf"]').waitFor();
    // For the picture: I2, where E05 rejected the plans with a reason.
    await page.getByLabel('指标').selectOption('I2');
    await page.getByTestId('drill-table').getByText('✗ 不予认定：证明材料不足').waitFor();
    await page.screenshot({ path: resolve(shots, 'chair-drill-down.png'), fullPage: false });

    // Finalizing is refused while a flag has no note (and the other lock conditions are unmet).
    await tab(page, '定稿');
    await page.getByTestId('lock-conditions').getByText('还有 7 个标记没有主任的说明').waitFor();
    expect(await page.getByRole('button', { name: '定稿并锁定结果' }).isDisabled()).toBe(true);
    const conditions = () => page.getByTestId('lock-conditions').locator(':scope > li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-condition')} ${e.getAttribute('data-met')}`));
    expect(await conditions()).toEqual(['signed true', 'signed-in false', 'differences false', 'outliers false', 'flags false', 'previous true']);
    expect(await page.getByTestId('lock-unmet').textContent()).toBe(
      '尚不能定稿。未满足：每位专家都已签到（纸质签字承诺书已登记）；客观分歧都已由专家重新签名解决，或已记录维持的理由；畸高畸低的评分都已由专家修改或书面说明；每个标记都有主任的说明。',
    );
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('lock-conditions').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'chair-lock-conditions.png'), fullPage: false });
    await page.setViewportSize({ width: 1500, height: 1000 });
    expect(await page.getByTestId('lock-state').textContent()).toBe('未定稿');

    // Notes on every flag, through the UI: one typed and saved with Enter, then one note for the
    // two "trimmed not applied" flags (a kind picked at once), then for the other four ticked.
    await tab(page, '总览');
    const unnoted = page.locator('[data-testid="flag-item"].unnoted');
    const firstFlag = unnoted.first();
    await firstFlag.getByRole('combobox').fill('经合议，E05 对 HFA-002 的评分有依据，维持原评分');
    await firstFlag.getByRole('combobox').press('Enter');
    await expect.poll(() => unnoted.count()).toBe(6);
    const bulk = page.getByTestId('flag-bulk');
    await bulk.getByRole('button', { name: '全部“未去极值”' }).click();
    expect(await page.locator('[data-testid="flag-item"]:has(.flag-pick:checked)').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-alliance')} ${e.getAttribute('data-kind')}`))).toEqual([
      'HFA-003 trimmed-not-applied',
      'HFA-005 trimmed-not-applied',
    ]);
    await bulk.getByRole('combobox', { name: '所选标记的共同意见' }).fill('评分专家不足 5 位，按规则不去极值');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('.flags').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: resolve(shots, 'chair-flags-several.png'), fullPage: false });
    await page.setViewportSize({ width: 1500, height: 1000 });
    await bulk.getByRole('button', { name: '全部待说明的' }).click();
    await bulk.getByRole('combobox', { name: '所选标记的共同意见' }).fill('经合议维持原评分');
    await bulk.getByRole('button', { name: '对所选 6 个标记保存意见' }).dblclick();
    await expect.poll(() => unnoted.count()).toBe(0);
    await bulk.getByTestId('flag-bulk-message').filter({ hasText: '已对 6 个标记保存意见“经合议维持原评分”' }).waitFor();
    expect(await page.locator('.flags [role="alert"]').count()).toBe(0);
    await page.screenshot({ path: resolve(shots, 'chair-flags.png'), fullPage: true });

    // Sign-ins, the objective difference and the outliers, through the UI.
    await tab(page, '签到与分歧');
    await expect.poll(() => page.locator('[data-testid="difference"][data-status="open"]').count()).toBe(1);
    const difference = page.locator('[data-testid="difference"][data-alliance="HFA-002"]');
    expect(await difference.locator('tbody tr').allTextContents()).toEqual(['E01 王明认可', 'E02 李华认可', 'E03 张伟认可', 'E04 刘洋认可', 'E05 陈静不认可证明材料不足']);
    await expect.poll(() => page.locator('[data-testid="outlier"][data-status="open"]').count()).toBe(8);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: resolve(shots, 'chair-procedure.png'), fullPage: false });
    await page.locator('.outliers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'chair-outliers.png'), fullPage: false });
    await page.setViewportSize({ width: 1500, height: 1000 });
    for (const expert of meeting.experts) {
      const row = page.locator(`[data-testid="pledge-row"][data-expert="${expert.id}"]`);
      await row.getByRole('button', { name: '登记承诺书' }).click();
      await row.getByText('签字', { exact: false }).filter({ hasText: '✓' }).waitFor();
    }
    // The link opens the drill-down of I2 with the claim's own evidence in the viewer.
    await difference.getByRole('button', { name: '查看证明材料与逐项对照' }).click();
    await page.getByTestId('drill-table').waitFor();
    await page.locator('[data-testid="evidence-body"][data-path="计划总结/年度计划.pdf"]').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: resolve(shots, 'chair-difference-evidence.png'), fullPage: false });
    await page.setViewportSize({ width: 1500, height: 1000 });
    await tab(page, '签到与分歧');
    await difference.getByRole('textbox').fill('经合议，E05 认为工作计划证明材料不足，其余专家认可，分歧维持');
    await difference.getByRole('button', { name: '记录维持分歧' }).click();
    await page.locator('[data-testid="difference"][data-status="standing"]').waitFor();
    for (let i = 0; i < 8; i += 1) {
      const row = page.locator('[data-testid="outlier"][data-status="open"]').first();
      await row.getByRole('textbox').fill('专家书面说明：对照佐证材料评分');
      await row.getByRole('button', { name: '登记说明' }).click();
      await expect.poll(() => page.locator('[data-testid="outlier"][data-status="open"]').count()).toBe(7 - i);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: resolve(shots, 'chair-procedure-settled.png'), fullPage: false });
    await page.setViewportSize({ width: 1500, height: 1000 });

    // The conclusions, by rank: highest total first, ties share a rank.
    await tab(page, '定稿');
    await page.getByTestId('blockers-none').waitFor();
    const ranked = [...cli.result.alliances].sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.allianceId.localeCompare(b.allianceId));
    const shownRows = await page.getByTestId('consequence-row').evaluateAll((els) => els.map((e) => [e.getAttribute('data-alliance'), e.getAttribute('data-rank')]));
    expect(shownRows.map(([id]) => id)).toEqual(ranked.map((a) => a.allianceId));
    expect(shownRows.map(([, rank]) => rank)).toEqual(ranked.map((a) => String(ranked.findIndex((b) => b.total === a.total) + 1)));

    // Finalize asks first, naming the meeting and how many alliances; 取消 locks nothing.
    await page.getByRole('button', { name: '定稿并锁定结果' }).click();
    const confirm = page.getByTestId('confirm-lock');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`将对“${MEETING}”（2026 年度）的 6 个联盟的考核结果定稿锁定（其中考核优秀 2 个）`);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: resolve(shots, 'chair-confirm-lock.png'), fullPage: false });
    await page.setViewportSize({ width: 1500, height: 1000 });
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await page.getByTestId('lock-state').textContent()).toBe('未定稿');
    // The lock holds the CLI's exact bytes; a double click locks once and shows no error.
    await page.getByRole('button', { name: '定稿并锁定结果' }).click();
    await confirm.getByRole('button', { name: '确认定稿' }).dblclick();
    await page.getByTestId('lock-sha').waitFor();
    expect(await page.getByTestId('finalize-message').textContent()).toBe('结果已定稿锁定。');
    expect(await page.getByTestId('finalize-message').getAttribute('role')).toBe('status');
    expect(await page.getByTestId('lock-sha').textContent()).toBe(createHash('sha256').update(cli.text, 'utf8').digest('hex'));
    expect(await page.getByTestId('lock-state').textContent()).toBe('已定稿');
    expect(await page.getByTestId('publicity-list').locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('合肥市智能语音产业技术创新战略联盟'),
      expect.stringContaining('合肥市新能源汽车产业技术创新战略联盟'),
    ]);
    const db = new Database(resolve(app.dataDir, 'alliance-review.sqlite'), { readonly: true });
    expect(db.prepare('SELECT result_text FROM panel_lock').pluck().all()).toEqual([cli.text]);
    // One audit entry per flag, also for the six noted at once; one lock for the double click.
    expect(db.prepare("SELECT count(*) FROM audit_entry WHERE action = 'flag-note'").pluck().get()).toBe(7);
    expect(db.prepare("SELECT count(*) FROM audit_entry WHERE action = 'lock'").pluck().get()).toBe(1);
    db.close();
    // The double click's second press selected a word under the pointer; not part of the picture.
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await page.screenshot({ path: resolve(shots, 'chair-finalized.png'), fullPage: true });

    // The lock holds: main refuses a sheet import (the buttons are disabled, the file input is not).
    await tab(page, '评分表');
    await expect.poll(() => page.getByRole('button', { name: '选择评分表文件…' }).isDisabled()).toBe(true);
    await page.getByTestId('sheet-file-input').setInputFiles([meeting.sheets[0]!]);
    await page.getByRole('alert').filter({ hasText: '已于' }).filter({ hasText: '定稿锁定' }).waitFor();

    // Reopening needs one of art. 64's four grounds and a reason, and is logged.
    await tab(page, '定稿');
    await expect.poll(() => page.getByRole('button', { name: '重新开启' }).isDisabled()).toBe(true);
    await page.getByLabel('重新开启的理由').fill('E05 要求复核 HFA-002 的 I10');
    expect(await page.getByRole('button', { name: '重新开启' }).isDisabled()).toBe(true);
    await page.getByRole('radio', { name: '经评审委员会认定评分畸高、畸低' }).check();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('radio', { name: '经评审委员会认定评分畸高、畸低' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'chair-reopen.png'), fullPage: false });
    await page.setViewportSize({ width: 1500, height: 1000 });
    await page.getByRole('button', { name: '重新开启' }).click();
    await page.getByTestId('reopening').first().waitFor();
    expect(await page.getByTestId('lock-state').textContent()).toBe('未定稿');
    await tab(page, '审计日志');
    await page.locator('[data-testid="audit-status"][data-ok="true"]').waitFor();
    const last = page.locator('[data-testid="audit-row"]').last();
    expect(await last.getAttribute('data-action')).toBe('reopen');
    expect(await last.textContent()).toContain(CHAIR);
    expect(await last.textContent()).toContain('E05 要求复核 HFA-002 的 I10');
    expect(await last.textContent()).toContain('法定事由：经评审委员会认定评分畸高、畸低');
    await page.screenshot({ path: resolve(shots, 'chair-audit-log.png'), fullPage: false });

    // Tampering with the log in the database (triggers dropped first) is detected and shown.
    const raw = new Database(resolve(app.dataDir, 'alliance-review.sqlite'));
    raw.exec('DROP TRIGGER audit_entry_no_update');
    raw.prepare("UPDATE audit_entry SET actor = '他人' WHERE action = 'flag-note' AND seq = (SELECT min(seq) FROM audit_entry WHERE action = 'flag-note')").run();
    const edited = raw.prepare("SELECT min(seq) FROM audit_entry WHERE action = 'flag-note'").pluck().get() as number;
    raw.close();
    await page.getByRole('button', { name: '重新校验' }).click();
    await page.locator('[data-testid="audit-status"][data-ok="false"]').waitFor();
    expect(await page.getByTestId('audit-problem').allTextContents()).toContain(`第 ${edited} 条记录的内容与其哈希不符：这条记录被改动过`);
    expect(await page.locator('[data-testid="audit-row"].suspect').count()).toBe(1);
    await page.screenshot({ path: resolve(shots, 'chair-audit-tampered.png'), fullPage: false });
  });

  it('counts a paper sheet once two people’s blind entries agree, showing mismatches field by field on the way', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1500, height: 1000 });
    const pkg = await alliancePackage(allianceManifest('HFA-002', smallClaims, { name: '合肥市新材料产业技术创新战略联盟' })).write(join(work, 'HFA-002.zip'));
    const roster = [
      ['E01', '王明'],
      ['E02', '李华'],
      ['E03', '张伟'],
    ] as const;
    const [e1, e2] = roster.slice(0, 2).map(([id, name]) => makeExpert(id, name));
    const sheets = [
      await writeSignedSheet(work, hefei, e1!, [{ package: pkg, decisions: smallDecisions(2) }]),
      await writeSignedSheet(work, hefei, e2!, [{ package: pkg, decisions: smallDecisions(2) }]),
    ];
    await prepareThroughUi(page, [pkg.path], roster, { trimmed: false, budget: null });
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByLabel('操作人').fill(CHAIR);
    await tab(page, '评分表');
    await chooseFiles(page, '选择评分表文件…', sheets);
    for (const expert of [e1!, e2!]) {
      const pending = page.locator(`[data-testid="pending-key"][data-expert="${expert.id}"]`);
      await pending.getByRole('textbox').fill(expert.fingerprint);
      await pending.getByRole('button', { name: '一致，确认' }).click();
      await pending.waitFor({ state: 'detached' });
    }

    // E03 scored on paper: the clerk types it, then a second person types it again, blind.
    await tab(page, '纸质录入');
    const type = async (actor: string, entry: '第 1 次录入' | '第 2 次（盲录复核）', problemsValue: string) => {
      await page.getByLabel('操作人').fill(actor);
      await page.getByLabel('专家', { exact: true }).selectOption('E03');
      await page.getByRole('radio', { name: entry }).check();
      await page.getByLabel('签字日期').fill('2027-01-20');
      for (const id of ['I1.office', 'I1.platform', 'I2.plans']) await page.getByLabel(`HFA-002 ${id}`, { exact: true }).selectOption('yes');
      await page.getByLabel('HFA-002 I1.council', { exact: true }).selectOption('no');
      await page.getByLabel('HFA-002 I1.council 理由', { exact: true }).fill('无理事会会议纪要');
      for (const item of ['tc-1', 'tc-2']) await page.getByLabel(`HFA-002 I4.techContracts ${item}`, { exact: true }).selectOption('yes');
      await page.getByLabel('HFA-002 I4.techContracts tc-3', { exact: true }).selectOption('no');
      await page.getByLabel('HFA-002 I4.techContracts tc-3 理由', { exact: true }).fill('合同未在技术市场登记');
      await page.getByLabel('HFA-002 I10.status', { exact: true }).fill('2');
      await page.getByLabel('HFA-002 I10.problems', { exact: true }).fill(problemsValue);
      await page.getByLabel('HFA-002 I10.measures', { exact: true }).fill('1.5');
      await page.getByLabel('HFA-002 I10.outcomes', { exact: true }).fill('2');
      await page.getByRole('button', { name: /保存第 \d 次录入/ }).click();
    };
    await type('会务 周敏', '第 1 次录入', '2');
    await page.getByText('第 1 次录入已保存').waitFor();
    // The form is empty for the second person: nothing of entry 1 shows.
    await page.getByLabel('操作人').fill('秘书 吴刚');
    await page.getByRole('radio', { name: '第 2 次（盲录复核）' }).check();
    expect(await page.getByLabel('HFA-002 I10.problems', { exact: true }).inputValue()).toBe('');
    await type('秘书 吴刚', '第 2 次（盲录复核）', '2.5');
    const mismatches = page.getByTestId('paper-mismatches');
    await mismatches.waitFor();
    expect(await mismatches.locator('tbody tr').allTextContents()).toEqual(['合肥市新材料产业技术创新战略联盟（HFA-002） · 问题准确22.5']);
    await page.screenshot({ path: resolve(shots, 'chair-paper.png'), fullPage: true });

    // The second person checks the paper again and corrects their own entry.
    await page.getByRole('button', { name: '载入我上次的第 2 次录入' }).click();
    await expect.poll(() => page.getByLabel('HFA-002 I10.problems', { exact: true }).inputValue()).toBe('2.5');
    const total = page.getByTestId('paper-total-score');
    const totalWithTypo = await total.textContent();
    await page.getByLabel('HFA-002 I10.problems', { exact: true }).fill('2');
    // The correction has reached the form (its total drops by half a point) before the save.
    await expect.poll(() => total.textContent()).not.toBe(totalWithTypo);
    // A double click on the save that makes the two entries agree: one save, no red error after the success.
    await page.getByRole('button', { name: '保存第 2 次录入' }).dblclick();
    // Polls the messages, so that a failure prints what the chair saw instead.
    await expect.poll(() => page.locator('.paper [role="status"], .paper [role="alert"]').allTextContents(), { timeout: 30_000 }).toEqual([
      '两次录入一致，纸质评分表已计入结果。',
    ]);

    await tab(page, '总览');
    await page.locator('[data-testid="expert-chip"][data-expert="E03"]').getByText('会务 周敏 录入 / 秘书 吴刚 复核').waitFor();
    const cell = page.locator('[data-testid="matrix-row"][data-alliance="HFA-002"] [data-testid="matrix-cell"][data-expert="E03"]');
    // I1 2 + 3 (council rejected), I2 5, I4 2 contracts, I10 2 + 2 + 1.5 + 2: 19.5.
    expect(await cell.textContent()).toBe('19.5纸');
    const paperFlag = page.locator('[data-testid="flag-item"][data-kind="paper-entered"]');
    expect(await paperFlag.textContent()).toContain('纸质评分表，无电子签名：由 会务 周敏 录入，秘书 吴刚 盲录复核一致');
    await tab(page, '审计日志');
    await page.locator('[data-testid="audit-row"][data-action="paper-agree"]').waitFor();
  });

  it('shows the agreement per indicator, each expert\'s leniency, and the unstable alliance first on the agenda', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    // Five small alliances and one worked example, four experts, nobody recused: every alliance
    // is in the agreement sample. On HFA-006, E04 gives I10 nothing (82.5 against 90.5): the mean
    // 88.5 is 合格, 90.5 without E04, so HFA-006 is unstable. E02 rejects I2 on two small alliances.
    const names = ['新材料', '集成电路', '新能源汽车', '生物医药', '光伏'];
    const roster = [
      ['E01', '王明'],
      ['E02', '李华'],
      ['E03', '张伟'],
      ['E04', '赵敏'],
    ] as const;
    const smallOnes = await Promise.all(
      names.map((name, i) =>
        alliancePackage(allianceManifest(`HFA-00${i + 1}`, smallClaims, { name: `合肥市${name}产业技术创新战略联盟` })).write(join(work, `HFA-00${i + 1}.zip`)),
      ),
    );
    const rich = await alliancePackage(allianceManifest('HFA-006', workedExample.claims, { name: '合肥市智能语音产业技术创新战略联盟' })).write(join(work, 'HFA-006.zip'));
    const I10 = [
      [2.5, 2, 2.5, 1.5],
      [1, 1.5, 1, 0.5],
      [2, 2, 1.5, 2],
      [0.5, 1, 0, 0.5],
      [1.5, 2.5, 2, 1],
    ];
    const sheets = await Promise.all(
      roster.map(async ([id, name], e) => {
        const who = makeExpert(id, name);
        const reviews = [
          ...smallOnes.map((pkg, a) => ({ package: pkg, decisions: smallDecisions(I10[a]?.[e] ?? 0, e === 1 && a < 2 ? ['I2.plans'] : []) })),
          { package: rich, decisions: acceptAll(workedExample.claims, e === 3 ? I10_ZERO : workedExample.judged) },
        ];
        return { who, path: await writeSignedSheet(work, hefei, who, reviews) };
      }),
    );
    await prepareThroughUi(page, [...smallOnes.map((p) => p.path), rich.path], roster, { trimmed: false, budget: null });
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByLabel('操作人').fill(CHAIR);
    await tab(page, '评分表');
    await chooseFiles(page, '选择评分表文件…', sheets.map((s) => s.path));
    for (const { who } of sheets) {
      const pending = page.locator(`[data-testid="pending-key"][data-expert="${who.id}"]`);
      await pending.getByRole('textbox').fill(who.fingerprint);
      await pending.getByRole('button', { name: '一致，确认' }).click();
      await pending.waitFor({ state: 'detached' });
    }
    await tab(page, '总览');
    await page.getByTestId('agreement-table').waitFor();

    // Six alliances × four experts: computed, with the reading beside each number.
    const i10 = page.locator('[data-testid="agreement-row"][data-indicator="I10"]');
    expect(await i10.locator('td').allTextContents()).toEqual([expect.stringMatching(/^-?\d\.\d{3}$/), expect.stringMatching(/^(一致性好|一般|差)$/), '—', '认定全部相同或无认定项，无从计算', '6 × 4']);
    const i2 = page.locator('[data-testid="agreement-row"][data-indicator="I2"]');
    expect(await i2.locator('td').nth(2).textContent()).toMatch(/^-?\d\.\d{3}$/);
    expect(await page.getByTestId('leniency-row').count()).toBe(4);
    expect(await page.locator('[data-testid="leniency-row"][data-expert="E04"] td').first().textContent()).toMatch(/^−\d+\.\d{3}$/);
    expect(await page.getByTestId('analysis').textContent()).toContain('仅供参考');
    expect(await page.getByTestId('unstable-summary').textContent()).toContain('HFA-006');

    // The agenda: HFA-006's flags first, its unstable flag naming E04.
    const agenda = await page.getByTestId('flag-item').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-alliance')} ${e.getAttribute('data-kind')}`));
    expect(agenda[0]?.startsWith('HFA-006')).toBe(true);
    expect(agenda).toContain('HFA-006 unstable');
    const unstable = page.locator('[data-testid="flag-item"][data-kind="unstable"]');
    expect(await unstable.textContent()).toContain('去掉 E04 后总分 90.5，等级由合格变为优秀');
    expect(await page.locator('[data-testid="matrix-row"][data-alliance="HFA-006"] .flag-badge.unstable').count()).toBe(1);

    await page.screenshot({ path: resolve(shots, 'chair-unstable-matrix.png'), fullPage: false });
    await page.getByTestId('analysis').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'chair-analysis.png'), fullPage: false });
    await unstable.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'chair-unstable-flag.png'), fullPage: false });
  });

  it('carries the meeting to an expert laptop in one meeting file, whose fingerprint both screens show', async () => {
    const { page } = app;
    const meeting = await writeChairMeeting(work);
    await prepareThroughUi(page, meeting.packages.map((p) => p.path), CHAIR_EXPERTS, { trimmed: true, budget: '1000000' });
    const usb = join(work, 'U盘');
    mkdirSync(usb);
    await page.getByLabel('保存到文件夹').fill(usb);
    await page.getByRole('button', { name: '导出会议包' }).click();
    const exported = page.getByTestId('meeting-file-exported');
    await exported.waitFor();
    const fingerprint = await exported.locator('.fingerprint-big').textContent();
    expect(fingerprint).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    const file = join(usb, `${MEETING}.meeting.zip`);

    const expert = await startApp();
    try {
      const other = expert.page;
      await other.getByRole('button', { name: '会议准备', exact: true }).click();
      // Nothing asked before the import: the meeting file says it all.
      await chooseFiles(other, '导入会议包（.meeting.zip）…', [file]);
      const imported = other.getByTestId('meeting-file-imported');
      await imported.waitFor({ timeout: 30_000 });
      expect(await imported.locator('.fingerprint-big').textContent()).toBe(fingerprint);
      expect(await imported.textContent()).toContain('材料包 6 个');
      // An expert laptop shows the clerk's meeting, not an editable copy of it.
      const shown = other.getByTestId('meeting-read-only');
      await expect.poll(() => shown.textContent()).toContain('1000000 元');
      expect(await shown.textContent()).toContain('6 个联盟');
      expect(await other.getByRole('textbox', { name: '专家名册' }).count()).toBe(0);
      expect(await other.getByRole('button', { name: '保存', exact: true }).count()).toBe(0);
      await other.screenshot({ path: resolve(shots, 'meeting-file-imported.png'), fullPage: false });
    } finally {
      await expert.close();
    }
  });
});
