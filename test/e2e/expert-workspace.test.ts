/**
 * The expert's workspace end to end, in Chromium through the browser shell, on the sample
 * meeting: an expert is created, draws a signature, recuses one alliance, scores another
 * completely from the keyboard (accepting, rejecting with reasons, judged values, each moving on
 * to the next claim by itself, an override, a comment, an undo), loses the server to SIGKILL half-way and finds every acknowledged
 * decision after the restart, reloads and finds everything kept, checks the totals on screen
 * against the rubric engine on the stored decisions, then signs and exports, and the sheet
 * verifies with the real CLI.
 *
 * Screenshots for docs/ are written when UPDATE_DOCS_SCREENSHOTS=1 (they show clock times, so
 * they are not rewritten on every run); otherwise under test-results/.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatScore } from '../../shared/decimal/print-score.ts';
import type { StoredDecision, StoredOverride } from '../../shared/review/stored-review.ts';
import { reviewFromStored } from '../../shared/review/stored-review.ts';
import { scoreReview } from '../../shared/rubric/score-review.ts';
import type { Claims } from '../../shared/rubric/types.ts';
import { runCli } from '../helpers/run-cli.ts';
import { hefei } from '../shared/rubric/fixtures.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { createExpertProfile, loadSampleMeeting } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const PASSPHRASE = '会议室口令-2027';
const SCORED = 'HFA-030';
const RECUSED = 'HFA-003';

interface RowInfo {
  readonly key: string;
  readonly kind: 'flag' | 'item' | 'judged';
  readonly status: string;
}

async function rows(page: Page): Promise<RowInfo[]> {
  return page.getByTestId('claim-row').evaluateAll((elements) =>
    elements.map((e) => ({
      key: e.getAttribute('data-key') ?? '',
      kind: e.getAttribute('data-kind') as RowInfo['kind'],
      status: e.getAttribute('data-status') ?? '',
    })),
  );
}

async function currentRow(page: Page): Promise<RowInfo> {
  const row = page.locator('[data-testid="claim-row"][aria-current="true"]');
  return {
    key: (await row.getAttribute('data-key')) ?? '',
    kind: (await row.getAttribute('data-kind')) as RowInfo['kind'],
    status: (await row.getAttribute('data-status')) ?? '',
  };
}

/** Waits until the row shows `status` (the screen shows only stored state) and nothing is pending. */
async function untilStored(page: Page, key: string, status: string): Promise<void> {
  await page.locator(`[data-testid="claim-row"][data-key="${key}"][data-status="${status}"]`).waitFor();
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

/** The stored decisions and overrides of one alliance, scored by the engine as the sheet will be. */
function engineTotal(dataDir: string, allianceId: string): { total: string; decisions: number } {
  const db = new Database(join(dataDir, 'alliance-review.sqlite'), { readonly: true });
  try {
    const pkg = db
      .prepare<[string], { id: number; manifest_json: string }>('SELECT id, manifest_json FROM package WHERE alliance_id = ?')
      .get(allianceId)!;
    const claims = (JSON.parse(pkg.manifest_json) as { claims: Claims }).claims;
    const decisions = db
      .prepare<[number], { criterion_id: string; item_id: string; accept: number | null; reason: string | null; value: string | null }>(
        'SELECT criterion_id, item_id, accept, reason, value FROM decision WHERE package_id = ?',
      )
      .all(pkg.id)
      .map(
        (r): StoredDecision => ({
          criterionId: r.criterion_id,
          itemId: r.item_id === '' ? null : r.item_id,
          decision: r.value !== null ? { value: r.value } : r.accept === 1 ? { accept: true } : { accept: false, reason: r.reason ?? '' },
        }),
      );
    const overrides = db
      .prepare<[number], StoredOverride>('SELECT indicator_id AS indicatorId, score, reason FROM indicator_override WHERE package_id = ?')
      .all(pkg.id);
    const score = scoreReview(hefei, claims, reviewFromStored(hefei, claims, decisions, overrides));
    return { total: formatScore(score.total), decisions: decisions.length };
  } finally {
    db.close();
  }
}

/** The expert's list; after a restart on another port the browser forgot the profile, so it is chosen again. */
async function openExpertList(page: Page): Promise<void> {
  await page.getByRole('button', { name: '专家评分' }).click();
  const list = page.getByTestId('alliance-row').first();
  const card = page.getByTestId('expert-card').filter({ hasText: '王明' });
  await list.or(card).first().waitFor();
  if (await card.isVisible()) await card.click();
  await list.waitFor();
}

async function openAlliance(page: Page, allianceId: string): Promise<void> {
  await page.locator(`[data-alliance="${allianceId}"]`).getByRole('button', { name: /评分|查看/ }).first().click();
  await page.getByTestId('claim-row').first().waitFor();
}

describe('the expert workspace', () => {
  let app: AppFixture;
  let stick: string;
  beforeEach(async () => {
    app = await startApp();
    stick = mkdtempSync(join(tmpdir(), 'alliance-review-stick-'));
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(stick, { recursive: true, force: true });
  });

  it('scores an alliance from the keyboard, survives a crash and a reload, and signs a sheet the CLI verifies', { timeout: 240_000 }, async () => {
    // restartServer keeps the browser and its page; only the server (and its port) changes.
    const { page } = app;

    // The clerk has loaded the sample meeting.
    await loadSampleMeeting(page);

    // An expert creates a profile; the key is made here and its fingerprint shown.
    await createExpertProfile(page, { name: '王明', id: 'E01', passphrase: PASSPHRASE });
    const fingerprint = (await page.getByTestId('expert-fingerprint').textContent()) ?? '';
    expect(fingerprint).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);

    // A handwritten signature, drawn with pointer strokes (drawn again: the sign-in took a first one).
    await page.getByRole('button', { name: /^(手写签名…|重新签名)$/ }).click();
    const pad = await page.getByTestId('signature-canvas').boundingBox();
    if (!pad) throw new Error('no signature pad');
    await page.mouse.move(pad.x + 40, pad.y + 100);
    await page.mouse.down();
    for (const [dx, dy] of [[80, -60], [140, 20], [220, -50], [300, 30], [400, -20]] as const) {
      await page.mouse.move(pad.x + dx, pad.y + 100 + dy, { steps: 6 });
    }
    await page.mouse.up();
    await page.getByRole('button', { name: '保存签名' }).click();
    await page.getByTestId('hand-signature').waitFor();

    // Recuse one alliance, with a reason.
    await page.locator(`[data-alliance="${RECUSED}"]`).getByRole('button', { name: '回避…' }).click();
    await page.getByRole('button', { name: '本人在该联盟牵头单位任职' }).click();
    await page.getByRole('button', { name: '确认回避' }).click();
    await expect.poll(() => page.locator(`[data-alliance="${RECUSED}"]`).getByTestId('row-status').textContent()).toBe('已回避');

    // Score one alliance completely from the keyboard.
    await openAlliance(page, SCORED);
    const all = await rows(page);
    expect(all.length).toBeGreaterThan(20);

    // An override on the first indicator (O, score, Tab, reason, Enter), and a comment (C … Esc).
    await page.keyboard.press('o');
    await page.keyboard.type('1.5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('办公室与牵头单位共用，酌情给分');
    await page.keyboard.press('Enter');
    await page.getByTestId('override-I1').waitFor();
    await page.keyboard.press('c');
    await page.keyboard.type('材料较少，整体工作有待加强。');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

    const judgedValues = ['2.3', '2', '1.5', '0.8'];
    const decided = new Map<string, string>();
    let judged = 0;
    let crashed = false;
    for (let i = 0; i < all.length; i += 1) {
      const row = await currentRow(page);
      expect(row.key).toBe(all[i]!.key);
      if (i === 2) {
        // E enters the evidence: its PDF (Chinese text, CMaps) is drawn and can be searched.
        await page.locator('[data-testid="evidence-body"] canvas[data-rendered="true"]').first().waitFor();
        await page.keyboard.press('e');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('pdf-scroll');
        await page.getByLabel('在 PDF 中搜索').fill('联盟');
        await page.getByLabel('在 PDF 中搜索').press('Enter');
        // The first search of a file reads its text layer in main (once per file): it may take a few seconds.
        await expect.poll(() => page.getByTestId('pdf-search-result').textContent(), { timeout: 30_000 }).toMatch(/“联盟”第 1 \/ \d+ 处，在第 \d+ 页/);
        await page.locator('[data-testid="evidence-body"] [data-testid="search-hit"]').first().waitFor();
        await page.screenshot({ path: join(shots, 'expert-scoring-pdf.png') });
        // Esc gives the keyboard back to the claim list.
        await page.keyboard.press('Escape');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe(row.key);
      }
      if (row.kind === 'judged') {
        await page.keyboard.press('Enter');
        await page.keyboard.type(judgedValues[judged % judgedValues.length]!);
        judged += 1;
        await page.keyboard.press('Enter');
        await untilStored(page, row.key, 'valued');
        decided.set(row.key, 'valued');
      } else if (i % 5 === 1) {
        await page.keyboard.press('r');
        await page.keyboard.type('证明材料与申报内容不符');
        if (i === 1) {
          // The citation of the file and page on the right goes into the reason.
          await page.getByTestId('insert-citation').focus();
          await page.keyboard.press('Enter');
          await expect.poll(() => page.locator('.reason-editor textarea').inputValue()).toMatch(/〔.+ 第1页〕$/);
          await page.locator('.reason-editor textarea').focus();
        }
        await page.keyboard.press('Enter');
        await untilStored(page, row.key, 'rejected');
        decided.set(row.key, 'rejected');
      } else {
        await page.keyboard.press('a');
        await untilStored(page, row.key, 'accepted');
        if (i === 0) {
          // Ctrl+Z takes it back and goes back to it; A again decides it again (and moves on).
          await page.keyboard.press('Control+z');
          await untilStored(page, row.key, 'undecided');
          await expect.poll(async () => (await currentRow(page)).key).toBe(row.key);
          await page.keyboard.press('a');
          await untilStored(page, row.key, 'accepted');
        }
        decided.set(row.key, 'accepted');
      }

      if (!crashed && i === Math.floor(all.length / 2)) {
        // Power cut half-way: every decision the screen showed as stored must be there.
        crashed = true;
        const server = await app.restartServer('SIGKILL');
        expect(engineTotal(app.dataDir, SCORED).decisions).toBe(decided.size);
        await page.goto(server.url);
        await openExpertList(page);
        await openAlliance(page, SCORED);
        const after = await rows(page);
        for (const r of after) expect(r.status).toBe(decided.get(r.key) ?? 'undecided');
        await page.getByTestId('override-I1').waitFor();
        // U jumps to the next undecided claim, where the work goes on.
        await page.keyboard.press('u');
      } else if (i < all.length - 1) {
        // Each decision moved on to the next claim by itself.
        await expect.poll(async () => (await currentRow(page)).key).toBe(all[i + 1]!.key);
      }
    }
    await expect.poll(() => page.getByTestId('progress').textContent()).toContain('全部评定');
    const shown = (await page.getByTestId('my-total').textContent()) ?? '';
    const engine = engineTotal(app.dataDir, SCORED);
    expect(engine.decisions).toBe(all.length);
    expect(shown).toBe(engine.total);

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: '键盘快捷键' }).waitFor();
    await page.screenshot({ path: join(shots, 'expert-shortcuts.png') });
    await page.keyboard.press('Escape');

    // A reload keeps everything.
    await page.reload();
    await openExpertList(page);
    const listed = page.locator(`[data-alliance="${SCORED}"]`);
    expect(await listed.getByTestId('row-status').textContent()).toBe('已完成');
    expect(await listed.getByTestId('row-total').locator('strong').textContent()).toBe(engine.total);
    await openAlliance(page, SCORED);
    for (const r of await rows(page)) expect(r.status).toBe(decided.get(r.key));
    expect(await page.getByTestId('my-total').textContent()).toBe(engine.total);
    expect(await page.getByTestId('override-I1').textContent()).toContain('办公室与牵头单位共用');
    expect(await page.locator('.comment-box textarea').inputValue()).toBe('材料较少，整体工作有待加强。');

    // The other alliances: recused, so that the sheet can be signed.
    await page.getByRole('button', { name: '← 联盟列表' }).click();
    await page.getByTestId('alliance-row').first().waitFor();
    await page.screenshot({ path: join(shots, 'expert-list.png') });
    for (const id of ['HFA-011', 'HFA-017', 'HFA-022', 'HFA-026']) {
      await page.locator(`[data-alliance="${id}"]`).getByRole('button', { name: '回避…' }).click();
      await page.getByRole('button', { name: '与该联盟存在其他利害关系' }).click();
      await page.getByRole('button', { name: '确认回避' }).click();
      await expect.poll(() => page.locator(`[data-alliance="${id}"]`).getByTestId('row-status').textContent()).toBe('已回避');
    }

    // Sign and export: a wrong passphrase is refused, the right one writes the sheet.
    await page.getByRole('button', { name: '签名并导出…' }).click();
    // Greyed until the passphrase is typed, and saying so.
    expect(await page.getByRole('button', { name: '签名并导出', exact: true }).isDisabled()).toBe(true);
    await page.getByText('输入签名口令后才能签名').waitFor();
    await page.getByTestId('export-folder').fill(stick);
    await page.getByLabel('签名口令').fill('不是这个口令');
    expect(await page.getByText('输入签名口令后才能签名').count()).toBe(0);
    await page.getByRole('button', { name: '签名并导出', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '口令不正确' }).waitFor();
    expect(readdirSync(stick)).toEqual([]);
    await page.getByLabel('签名口令').fill(PASSPHRASE);
    await page.getByRole('button', { name: '签名并导出', exact: true }).click();
    await page.getByTestId('signed-fingerprint').waitFor();
    expect(await page.getByTestId('signed-fingerprint').textContent()).toBe(fingerprint);
    await page.screenshot({ path: join(shots, 'expert-sign.png') });
    const path = (await page.getByTestId('signed-path').textContent()) ?? '';
    expect(readdirSync(stick)).toEqual(['E01-王明-2026-v1.sheet.json']);
    expect(path).toBe(join(stick, 'E01-王明-2026-v1.sheet.json'));

    const verify = runCli(['verify', path]);
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain(`指纹 fingerprint：${fingerprint}`);
    const sheet = JSON.parse(readFileSync(path, 'utf8')) as {
      expert: { handSignature?: string };
      reviews: { allianceId: string; recused: boolean; overrides?: unknown; comment?: string }[];
    };
    expect(sheet.expert.handSignature).toMatch(/^data:image\/png;base64,/);
    expect(sheet.reviews.find((r) => r.allianceId === SCORED)).toMatchObject({
      recused: false,
      overrides: { I1: { score: 1.5, reason: '办公室与牵头单位共用，酌情给分' } },
      comment: '材料较少，整体工作有待加强。',
    });
    expect(sheet.reviews.find((r) => r.allianceId === RECUSED)).toEqual(expect.objectContaining({ recused: true, comment: '本人在该联盟牵头单位任职' }));

    const samples = resolve(root, 'resources', 'samples', '2026');
    const merge = runCli(['merge', '--packages', ...readdirSync(samples).map((n) => join(samples, n)), '--sheets', path, '--json']);
    expect(merge.stderr).toBe('');
    expect(merge.status).toBe(0);
    const result = JSON.parse(merge.stdout) as { alliances: { allianceId: string; experts: { id: string; total: number }[] }[] };
    expect(String(result.alliances.find((a) => a.allianceId === SCORED)?.experts[0]?.total)).toBe(engine.total);

    // Signed: locked until the expert chooses to revise.
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByTestId('locked-note').waitFor();
    await openAlliance(page, SCORED);
    expect(await page.locator('.banner.locked').count()).toBe(1);
    expect(await page.getByRole('button', { name: '认定' }).first().isDisabled()).toBe(true);
  });
});
