/**
 * The command line and text that is not plain: a sheet whose expert name holds a line break
 * and terminal escapes (signed with a real key, as a forger would), one whose comment holds a
 * lone surrogate, and a file name holding both. Nothing may print a line the command did not
 * mean, and nothing may end in a stack trace.
 */
import { sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { signingText } from '../../../shared/sheet/signing-text.ts';
import type { UnsignedSheet } from '../../../shared/sheet/sheet-schema.ts';
import { makeExpert, unsignedSheet, writeSignedSheet } from '../../helpers/expert-sheet.ts';
import { allianceManifest, alliancePackage } from '../../helpers/package-builder.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';
import { smallClaims, smallDecisions } from '../../shared/result/merge-fixtures.ts';

const tempDir = useTempDir('unsafe-text-cli-');
const small = { allianceId: 'HFA-002', digest: 'b'.repeat(64), claims: smallClaims };

/** Every line of the output is one the command meant: no ESC, no CR, no bidi control anywhere. */
function expectPlainLines(text: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u);
}

/** Signs `unsigned` as the app would, without the app's refusal, and writes it. */
function writeForged(path: string, unsigned: UnsignedSheet, expert: ReturnType<typeof makeExpert>): void {
  const value = sign(null, Buffer.from(signingText(unsigned), 'utf8'), expert.keys.privateKey).toString('base64');
  const sheet = { ...unsigned, signature: { alg: 'Ed25519', publicKey: expert.publicKey, value } };
  writeFileSync(path, JSON.stringify(sheet, null, 2));
}

describe('alliance-review verify: text that is not plain', () => {
  it('refuses an expert name that would print a forged fingerprint line, and prints it escaped', () => {
    const expert = makeExpert('E07', '李华');
    const forged = '李华\n指纹 fingerprint：0000 0000 0000 0000\n\u001b[1A\u001b[2K';
    const unsigned = unsignedSheet(hefei, { ...expert, name: forged }, [{ package: small, decisions: smallDecisions(2) }]);
    const path = join(tempDir(), 'E07.sheet.json');
    writeForged(path, unsigned, expert);
    const run = runCli(['verify', path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[field-control-character]');
    expect(run.stderr).toContain('expert.name');
    expect(run.stderr).not.toContain('指纹 fingerprint：0000');
    expectPlainLines(run.stderr);
    expect(run.stderr.split('\n').filter((line) => line !== '').every((line) => /^(错误 error|✗)/.test(line))).toBe(true);
  });

  it('refuses a lone surrogate in a comment with a problem, not a stack trace', async () => {
    const expert = makeExpert('E08', '王明');
    const path = await writeSignedSheet(tempDir(), hefei, expert, [{ package: small, recused: true, comment: '本人在牵头单位任职' }]);
    writeFileSync(path, readFileSync(path, 'utf8').replace('本人在牵头单位任职', '本人\\ud800任职'));
    const run = runCli(['verify', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('错误 error [field-ill-formed]');
    expect(run.stderr).toContain('reviews[0].comment');
    expect(run.stderr).toContain('（第 ');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expectPlainLines(run.stderr);
  });

  it('prints a file name holding a line break and ESC escaped', async () => {
    const expert = makeExpert('E09', '张伟');
    const fileName = 'E09\n✓ 签名有效\u001b[2K.sheet.json';
    const path = await writeSignedSheet(tempDir(), hefei, expert, [{ package: small, decisions: smallDecisions(2) }], { fileName });
    const run = runCli(['verify', path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✓ 签名有效 signature valid：E09\\u{a}✓ 签名有效\\u{1b}[2K.sheet.json');
    expectPlainLines(run.stdout);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('✓'))).toHaveLength(1);
  });
});

describe('alliance-review merge: text that is not plain', () => {
  it('refuses a sheet with a lone surrogate in a comment, naming the file, without a stack trace', async () => {
    const dir = tempDir();
    const pkg = await alliancePackage(allianceManifest('HFA-002', smallClaims)).write(join(dir, 'HFA-002'));
    const expert = makeExpert('E01', '王明');
    const path = await writeSignedSheet(dir, hefei, expert, [{ package: pkg, decisions: smallDecisions(2), comment: '材料齐全' }]);
    writeFileSync(path, readFileSync(path, 'utf8').replace('材料齐全', '材料\\udfff齐全'));
    const run = runCli(['merge', '--packages', pkg.path, '--sheets', path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('错误 error [field-ill-formed] ');
    expect(run.stderr).toContain('E01.sheet.json reviews[0].comment（第 ');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expectPlainLines(run.stderr);
  });
});
