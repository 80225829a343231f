/**
 * Sheet format 2 beside format 1: a format-2 sheet (sign-in, dissent, explanations) is signed,
 * written, read back and verified by the real code, and the CLI's `verify` and `merge --json`
 * (run as a child process) take format 1 and format 2 sheets together; a format-1 sheet's
 * merge output is the same whether or not a format-2 sheet exists.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signSheet } from '../../../electron/sheets/sign-sheet.ts';
import { verifySheetText } from '../../../electron/sheets/verify-sheet.ts';
import { writeSheetFile } from '../../../electron/sheets/write-sheet-file.ts';
import { parseSheet } from '../../../shared/sheet/parse-sheet.ts';
import type { UnsignedSheet } from '../../../shared/sheet/sheet-schema.ts';
import { PLEDGE_TEXT } from '../../../shared/sheet/sign-in.ts';
import { makeExpert, unsignedSheet } from '../../helpers/expert-sheet.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { smallClaims, smallDecisions } from '../../shared/result/merge-fixtures.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';
import { alliancePackage, allianceManifest } from '../../helpers/package-builder.ts';

const tempDir = useTempDir('sheet-format-2-');

const SIGN_IN = {
  at: '2027-01-20T08:50:00+08:00',
  pledge: { text: PLEDGE_TEXT, signedAt: '2027-01-20T08:50:00+08:00' },
  recusals: [{ allianceId: 'HFA-013', reason: 'relative', detail: '本人配偶是其成员单位的法定代表人' }],
} as const;

function formatTwo(base: UnsignedSheet, extra: Partial<Record<'signIn' | 'dissent', unknown>> = { signIn: SIGN_IN }): Record<string, unknown> {
  return { ...base, version: 2, ...extra };
}

describe('sheet format 2', () => {
  const expert = makeExpert('E01', '王明');
  const pkg = { allianceId: 'HFA-012', digest: 'c'.repeat(64), claims: smallClaims };
  const recusedPkg = { allianceId: 'HFA-013', digest: 'd'.repeat(64), claims: smallClaims };
  const base = unsignedSheet(hefei, expert, [
    { package: pkg, decisions: smallDecisions(2) },
    { package: recusedPkg, recused: true, comment: '本人是该联盟成员单位法定代表人的配偶或近亲属：本人配偶是其成员单位的法定代表人' },
  ]);
  const criterion = Object.keys(base.reviews[0]!.decisions ?? {})[0]!;

  it('parses a format-2 sheet with its sign-in, dissent and explanations, and signs and verifies it', () => {
    const json = formatTwo(
      { ...base, reviews: [{ ...base.reviews[0]!, explanations: { [criterion]: '该项材料齐全，评分高于他人有据' } }, base.reviews[1]!] },
      { signIn: SIGN_IN, dissent: '本人对专家组结论持保留意见。' },
    );
    const parsed = parseSheet({ ...json, signature: { alg: 'Ed25519', publicKey: `${'A'.repeat(43)}=`, value: `${'A'.repeat(86)}==` } });
    expect(parsed.problems).toEqual([]);
    const signed = signSheet(json as unknown as UnsignedSheet, expert.keys.privateKey);
    const text = `${JSON.stringify(signed, null, 2)}\n`;
    const verified = verifySheetText(text);
    expect(verified.ok).toBe(true);
    expect(verified.sheet).toMatchObject({ version: 2, signIn: SIGN_IN, dissent: '本人对专家组结论持保留意见。' });
    // Every format-2 field is signed: a changed pledge or recusal reason fails the signature.
    for (const [from, to] of [['二、保密', '二、公开'], ['"relative"', '"other"']] as const) {
      expect(verifySheetText(text.replace(from, to)).problems.map((p) => p.code)).toContain('signature-invalid');
    }
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['format 2 without its sign-in', formatTwo(base, {}), 'field-missing', 'signIn'],
    ['a sign-in in a format-1 sheet', { ...base, signIn: SIGN_IN }, 'field-unknown', 'signIn'],
    ['a dissent in a format-1 sheet', { ...base, dissent: '异议' }, 'field-unknown', 'dissent'],
    ['an unknown recusal reason', formatTwo(base, { signIn: { ...SIGN_IN, recusals: [{ allianceId: 'HFA-013', reason: 'friend' }] } }), 'field-invalid', 'signIn.recusals[0].reason'],
    ['“other” without words', formatTwo(base, { signIn: { ...SIGN_IN, recusals: [{ allianceId: 'HFA-013', reason: 'other' }] } }), 'field-missing', 'signIn.recusals[0].detail'],
    ['a declared recusal that was scored', formatTwo(base, { signIn: { ...SIGN_IN, recusals: [{ allianceId: 'HFA-012', reason: 'employed' }] } }), 'sign-in-recusal-not-recused', 'signIn.recusals[0].allianceId'],
    ['a sign-in time without its zone', formatTwo(base, { signIn: { ...SIGN_IN, at: '2027-01-20 08:50' } }), 'field-invalid', 'signIn.at'],
    [
      'an explanation of an undecided criterion',
      formatTwo({ ...base, reviews: [{ ...base.reviews[0]!, explanations: { 'I9.nothing': '说明' } }, base.reviews[1]!] }),
      'explanation-without-decision',
      'reviews[0].explanations.I9.nothing',
    ],
  ])('refuses %s, naming where', (_case, json, code, path) => {
    const parsed = parseSheet({ ...json, signature: { alg: 'Ed25519', publicKey: `${'A'.repeat(43)}=`, value: `${'A'.repeat(86)}==` } });
    expect(parsed.ok).toBe(false);
    expect(parsed.problems).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('verify prints the sign-in for format 2, and merge takes format 1 and 2 together, a format-1 sheet’s result unchanged', async () => {
    const dir = tempDir();
    const small = await alliancePackage(allianceManifest('HFA-012', smallClaims, { name: '合肥市新材料产业技术创新战略联盟' })).write(join(dir, 'HFA-012'));
    const packages = [small.path];
    const e01 = makeExpert('E01', '王明');
    const e02 = makeExpert('E02', '李华');
    const one = unsignedSheet(hefei, e01, [{ package: small, decisions: smallDecisions(2) }]);
    const two = unsignedSheet(hefei, e02, [{ package: small, decisions: smallDecisions(1.5) }]);
    const v1 = join(dir, 'E01.sheet.json');
    const v2 = join(dir, 'E02.sheet.json');
    await writeSheetFile(v1, signSheet(one, e01.keys.privateKey));
    await writeSheetFile(v2, signSheet({ ...two, version: 2, signIn: { ...SIGN_IN, recusals: [] }, dissent: '保留意见' }, e02.keys.privateKey));

    const verified = runCli(['verify', v2]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('签到时间 signed in：2027-01-20T08:50:00+08:00（已签署承诺书 pledge signed 2027-01-20T08:50:00+08:00；签到时声明回避 recusals declared 0）');
    expect(verified.stdout).toContain('附有异议 dissent attached');
    expect(runCli(['verify', v1]).stdout).not.toContain('签到时间');

    const merged = runCli(['merge', '--json', '--packages', ...packages, '--sheets', v1, v2]);
    expect(merged.status).toBe(0);
    const alliance = (JSON.parse(merged.stdout) as { alliances: { experts: { id: string }[] }[] }).alliances[0]!;
    expect(alliance.experts.map((e) => e.id)).toEqual(['E01', 'E02']);
    // The same two experts with E02's sheet in format 1: the merge prints the same bytes, so
    // format 2 changes nothing in the result and a format-1 sheet merges exactly as before.
    const v1only = join(dir, 'E02-format1.sheet.json');
    await writeSheetFile(v1only, signSheet(two, e02.keys.privateKey));
    expect(runCli(['merge', '--json', '--packages', ...packages, '--sheets', v1, v1only]).stdout).toBe(merged.stdout);
  });
});
