import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sheetFileName } from '../../../electron/sheets/sign-expert-sheet.ts';
import { verifySheetText } from '../../../electron/sheets/verify-sheet.ts';
import { resultFileSchema } from '../../../shared/result/result-schema.ts';
import { checkSheetAgainstPackages } from '../../../shared/sheet/check-sheet-against-packages.ts';
import type { Sheet } from '../../../shared/sheet/sheet-schema.ts';
import { backupReasonsIn, readNewestBackup } from '../../helpers/backup-copy.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { claimsOne, claimsTwo, createTestExpert, importPackages, PASSPHRASE } from '../../helpers/expert-work.ts';
import { pngDataUrl } from '../../helpers/png.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';

const tempDir = useTempDir('sign-sheet-');

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

/** HFA-001 decided completely (with an override and a comment), HFA-002 recused. */
async function finishedLaptop() {
  const ctx = testContext(tempDir(), new Date('2027-01-20T01:30:00Z'));
  const [one, two] = await importPackages(ctx, tempDir(), [
    { allianceId: 'HFA-001', claims: claimsOne },
    { allianceId: 'HFA-002', claims: claimsTwo },
  ]);
  const expert = await createTestExpert(ctx);
  const who = { expertId: expert.id, packageId: one!.packageId };
  const decide = (criterionId: string, decision: { accept: true } | { accept: false; reason: string } | { value: number }, itemId?: string) =>
    call(ctx, 'decision-set', { ...who, criterionId, decision, ...(itemId === undefined ? {} : { itemId }) });
  await decide('I1.office', { accept: true });
  await decide('I2.plans', { accept: false, reason: '无半年总结' });
  await decide('I4.techContracts', { accept: true }, 'tc-1');
  await decide('I4.techContracts', { accept: false, reason: '合同未在技术市场登记' }, 'tc-2');
  for (const id of ['p-1', 'p-2', 'p-3']) await decide('I8.inventionPatents', { accept: true }, id);
  await decide('I10.status', { value: 2 });
  await decide('I10.problems', { value: 1.5 });
  await decide('I10.measures', { value: 2.5 });
  await decide('I10.outcomes', { value: 0 });
  await call(ctx, 'override-set', { ...who, indicatorId: 'I1', override: { score: 1.5, reason: '办公室与联盟共用' } });
  await call(ctx, 'comment-set', { ...who, comment: '材料基本齐全。' });
  await call(ctx, 'recusal-set', { expertId: expert.id, packageId: two!.packageId, reason: '本人任职于牵头单位' });
  return { ctx, one: one!, two: two!, expert, who };
}

describe('signing and exporting a sheet', () => {
  it('refuses while anything is undecided, and names what', async () => {
    const ctx = testContext(tempDir());
    await importPackages(ctx, tempDir(), [{ allianceId: 'HFA-001', claims: claimsOne }]);
    const expert = await createTestExpert(ctx);
    const message = await refusal(call(ctx, 'sheet-sign', { expertId: expert.id, year: 2026, passphrase: PASSPHRASE }));
    expect(message).toMatch(/^sheet-incomplete: .*HFA-001.*11 项未评定/);
  });

  it('refuses a wrong passphrase and writes nothing, locks nothing', async () => {
    const { ctx, expert } = await finishedLaptop();
    const folder = tempDir();
    const message = await refusal(call(ctx, 'sheet-sign', { expertId: expert.id, year: 2026, passphrase: '不是这个口令', folder }));
    expect(message).toMatch(/^wrong-passphrase: 口令不正确/);
    expect(readdirSync(folder)).toEqual([]);
    expect((await call(ctx, 'expert-workspace', { expertId: expert.id })).locked).toBe(false);
  });

  it('writes a sheet that verifies, fits the packages, and that the CLI verifies and merges', async () => {
    const { ctx, one, two, expert } = await finishedLaptop();
    await call(ctx, 'expert-hand-signature-set', { expertId: expert.id, handSignature: pngDataUrl() });
    const folder = tempDir();
    const signed = await call(ctx, 'sheet-sign', { expertId: expert.id, year: 2026, passphrase: PASSPHRASE, folder });

    expect(signed.path).toBe(join(folder, 'E01-王明-2026-v1.sheet.json'));
    const text = readFileSync(signed.path, 'utf8');
    expect(text).toBe(signed.text);
    expect(readdirSync(folder)).toEqual(['E01-王明-2026-v1.sheet.json']);
    const verification = verifySheetText(text);
    expect(verification.ok).toBe(true);
    expect(verification.fingerprint).toBe(expert.fingerprint);
    expect(signed.sheet.fingerprint).toBe(expert.fingerprint);

    const sheet = JSON.parse(text) as Sheet;
    expect(sheet).toMatchObject({ format: 'alliance-review/sheet', version: 1, year: 2026, rubric: 'hefei-2017' });
    expect(sheet.expert).toEqual({ id: 'E01', name: '王明', handSignature: pngDataUrl() });
    expect(sheet.signedAt).toMatch(/^2027-01-20T\d\d:30:00[+-]\d\d:\d\d$/);
    expect(new Date(sheet.signedAt).toISOString()).toBe('2027-01-20T01:30:00.000Z');
    expect(sheet.reviews).toEqual([
      {
        allianceId: 'HFA-001',
        packageDigest: one.digest,
        recused: false,
        decisions: {
          'I1.office': { accept: true },
          'I2.plans': { accept: false, reason: '无半年总结' },
          'I4.techContracts': { accepted: ['tc-1'], rejected: { 'tc-2': '合同未在技术市场登记' } },
          'I8.inventionPatents': { accepted: ['p-1', 'p-2', 'p-3'], rejected: {} },
          'I10.status': { value: 2 },
          'I10.problems': { value: 1.5 },
          'I10.measures': { value: 2.5 },
          'I10.outcomes': { value: 0 },
        },
        overrides: { I1: { score: 1.5, reason: '办公室与联盟共用' } },
        comment: '材料基本齐全。',
      },
      { allianceId: 'HFA-002', packageDigest: two.digest, recused: true, comment: '本人任职于牵头单位' },
    ]);
    const packages = [one, two].map((p) => ({
      digest: p.digest,
      year: 2026,
      rubricId: 'hefei-2017',
      allianceId: p.allianceId,
      allianceName: p.name,
      claims: p.claims,
    }));
    expect(checkSheetAgainstPackages(sheet, packages, hefei)).toEqual([]);

    const verify = runCli(['verify', signed.path]);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain(`指纹 fingerprint：${expert.fingerprint}`);
    const merge = runCli(['merge', '--packages', one.path, two.path, '--sheets', signed.path, '--json']);
    expect(merge.stderr).toBe('');
    expect(merge.status).toBe(0);
    const result = resultFileSchema.parse(JSON.parse(merge.stdout));
    const hfa1 = result.alliances.find((a) => a.allianceId === 'HFA-001');
    // I1 overridden 1.5 + I2 0 + I4 1 + I8 1 + I10 6 = 9.5
    expect(hfa1?.experts).toEqual([expect.objectContaining({ id: 'E01', recused: false, total: 9.5 })]);
    expect(result.alliances.find((a) => a.allianceId === 'HFA-002')?.experts).toEqual([
      expect.objectContaining({ id: 'E01', recused: true }),
    ]);
  });

  it('locks the year once signed; revising unlocks it, and signing again supersedes but keeps the old sheet', async () => {
    const { ctx, expert, who, two } = await finishedLaptop();
    const first = await call(ctx, 'sheet-sign', { expertId: expert.id, year: 2026, passphrase: PASSPHRASE });
    expect(first.path).toMatch(/exports[/\\]E01-王明-2026-v1\.sheet\.json$/);

    expect(await refusal(call(ctx, 'decision-set', { ...who, criterionId: 'I1.office', decision: { accept: false, reason: 'x' } }))).toMatch(
      /^sheet-signed/,
    );
    expect(await refusal(call(ctx, 'recusal-clear', { expertId: expert.id, packageId: two.packageId }))).toMatch(/^sheet-signed/);
    expect(await refusal(call(ctx, 'review-undo', who))).toMatch(/^sheet-signed/);
    expect(await refusal(call(ctx, 'sheet-sign', { expertId: expert.id, year: 2026, passphrase: PASSPHRASE }))).toMatch(/^sheet-signed/);
    const locked = await call(ctx, 'review-open', who);
    expect(locked.state.locked).toBe(true);

    const revised = await call(ctx, 'sheet-revise', { expertId: expert.id, year: 2026 });
    expect(revised.locked).toBe(false);
    await call(ctx, 'decision-set', { ...who, criterionId: 'I10.outcomes', decision: { value: 1 } });
    const second = await call(ctx, 'sheet-sign', { expertId: expert.id, year: 2026, passphrase: PASSPHRASE });
    expect(second.sheet.version).toBe(2);
    expect(second.path).toMatch(/E01-王明-2026-v2\.sheet\.json$/);
    expect(existsSync(first.path)).toBe(true);

    const workspace = await call(ctx, 'expert-workspace', { expertId: expert.id });
    expect(workspace.locked).toBe(true);
    expect(workspace.sheets.map((s) => [s.version, s.superseded, s.revisedAt !== null])).toEqual([
      [2, false, false],
      [1, true, true],
    ]);
    const stored = ctx.db.prepare('SELECT sheet_text FROM signed_sheet ORDER BY version').pluck().all();
    expect(stored).toEqual([first.text, second.text]);
  });

  it('backs up the store once the sheet is recorded, and not when signing is refused', async () => {
    const { ctx, expert } = await finishedLaptop();
    const before = backupReasonsIn(ctx.dataDir);
    await refusal(call(ctx, 'sheet-sign', { expertId: expert.id, year: 2026, passphrase: '不是这个口令' }));
    expect(backupReasonsIn(ctx.dataDir)).toEqual(before);

    const signed = await call(ctx, 'sheet-sign', { expertId: expert.id, year: 2026, passphrase: PASSPHRASE });
    expect(backupReasonsIn(ctx.dataDir)).toEqual(['sign', ...before]);
    const inBackup = readNewestBackup(ctx.dataDir, 'sign', (db) =>
      db.prepare('SELECT expert_id AS expertId, version, sheet_text AS text FROM signed_sheet').all(),
    );
    expect(inBackup).toEqual([{ expertId: expert.id, version: 1, text: signed.text }]);
  });

  it('writes a recorded sheet again to another folder, byte for byte', async () => {
    const { ctx, expert } = await finishedLaptop();
    const signed = await call(ctx, 'sheet-sign', { expertId: expert.id, year: 2026, passphrase: PASSPHRASE });
    const stick = tempDir();
    const again = await call(ctx, 'sheet-export-again', { expertId: expert.id, sheetId: signed.sheet.id, folder: stick });
    expect(readFileSync(again.path, 'utf8')).toBe(signed.text);
  });

  it.each([
    ['a folder that does not exist', (dir: string) => join(dir, '没有这个U盘'), /^folder-missing/],
    ['a relative path', () => 'exports', /^folder-not-absolute/],
  ])('refuses %s, before asking for the key', async (_label, folderOf, message) => {
    const { ctx, expert } = await finishedLaptop();
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    expect(await refusal(call(ctx, 'sheet-sign', { expertId: expert.id, year: 2026, passphrase: 'wrong', folder: folderOf(dir) }))).toMatch(
      message,
    );
  });

  it('has no folder picker in the browser shell', async () => {
    const ctx = testContext(tempDir());
    expect(await refusal(call(ctx, 'sheet-folder-pick', {}))).toMatch(/^not-available/);
  });

  it.each([
    ['E01', '王明', 2026, 1, 'E01-王明-2026-v1.sheet.json'],
    ['E02', '李/华:?', 2026, 3, 'E02-李_华__-2026-v3.sheet.json'],
  ])('names the file of %s %s', (id, name, year, version, expected) => {
    expect(sheetFileName(id, name, year, version)).toBe(expected);
  });
});
