import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { paperSheetOf } from '../../../shared/paper/paper-entries.ts';
import { paperFileOfSheet, paperSheetText } from '../../../shared/paper/paper-sheet-file.ts';
import { mergeSheets } from '../../../shared/result/merge-sheets.ts';
import { resultText } from '../../../shared/result/result-text.ts';
import type { SheetReview } from '../../../shared/sheet/sheet-schema.ts';
import { makeExpert, makeSignedSheet, reviewOfSpec, writeSignedSheet } from '../../helpers/expert-sheet.ts';
import { allianceManifest, alliancePackage } from '../../helpers/package-builder.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';
import { richClaims, smallClaims, smallDecisions } from '../../shared/result/merge-fixtures.ts';

const tempDir = useTempDir('merge-paper-cli-');

/** HFA-001 and HFA-002; E01 and E02 sign, E03 scored on paper (typed in by 王秘书, confirmed by 李秘书). */
async function meeting() {
  const dir = tempDir();
  const rich = await alliancePackage(allianceManifest('HFA-001', richClaims, { name: '合肥市智能语音产业技术创新战略联盟' })).write(join(dir, 'HFA-001.zip'));
  const small = await alliancePackage(allianceManifest('HFA-002', smallClaims, { name: '合肥市新材料产业技术创新战略联盟' })).write(join(dir, 'HFA-002'));
  const experts = [makeExpert('E01', '王明'), makeExpert('E02', '李华')];
  const sheets = await Promise.all(
    experts.map((expert, i) => writeSignedSheet(dir, hefei, expert, [{ package: rich }, { package: small, decisions: smallDecisions([2.5, 2][i] ?? 0) }])),
  );
  const reviews = [reviewOfSpec(hefei, { package: rich }), reviewOfSpec(hefei, { package: small, decisions: smallDecisions(1.5) })];
  const writePaper = (name: string, paperReviews: readonly SheetReview[], expert = { id: 'E03', name: '张伟' }) => {
    const sheet = paperSheetOf({ signedOn: '2027-01-20', reviews: paperReviews }, expert, { year: 2026, rubric: hefei.id });
    const paper = { source: `纸质评分表 ${expert.id}`, sheet, enteredBy: '王秘书', confirmedBy: '李秘书' };
    const path = join(dir, name);
    writeFileSync(path, paperSheetText(paperFileOfSheet(paper, { enteredAt: '2027-01-20T02:00:00.000Z', confirmedAt: '2027-01-20T02:30:00.000Z' })));
    return { path, paper };
  };
  const paper = writePaper('E03.paper.json', reviews);
  return { dir, rich, small, experts, sheets, reviews, paper, writePaper, files: () => readdirSync(dir, { recursive: true }).map(String).sort() };
}

type Meeting = Awaited<ReturnType<typeof meeting>>;

function merge(m: Meeting, paper: readonly string[], extra: readonly string[] = []) {
  return runCli(['merge', '--packages', m.rich.path, m.small.path, '--sheets', ...m.sheets, '--paper', ...paper, ...extra]);
}

function expectRefused(m: Meeting, run: () => ReturnType<typeof runCli>, ...expected: string[]) {
  const before = m.files();
  const result = run();
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(m.files()).toEqual(before);
  for (const text of expected) expect(result.stderr).toContain(text);
  expect(result.stderr).toContain('✗ 未汇总 merge refused');
}

describe('alliance-review merge --paper', () => {
  it('merges a paper sheet exactly as the console does (fingerprint "paper", a paper-entered flag)', async () => {
    const m = await meeting();
    const run = merge(m, [m.paper.path], ['--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The console's merge: the same packages and signed sheets, the agreed paper sheet as stored.
    const packages = [m.rich, m.small].map((p) => ({ source: p.path, digest: p.digest, year: 2026, rubricId: hefei.id, allianceId: p.allianceId, allianceName: p.name, claims: p.claims }));
    const signed = m.experts.map((expert, i) => {
      const sheet = makeSignedSheet(hefei, expert, [{ package: m.rich }, { package: m.small, decisions: smallDecisions([2.5, 2][i] ?? 0) }]);
      return { source: expert.id, sheet, fingerprint: expert.fingerprint };
    });
    const outcome = mergeSheets(hefei, packages, signed, { paperSheets: [m.paper.paper] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(run.stdout).toBe(resultText(outcome.result));
    const result = JSON.parse(run.stdout) as { alliances: { experts: { id: string; fingerprint: string; total: number }[]; flags: { kind: string; expert?: string; detail: string }[] }[] };
    const small = result.alliances[1]!;
    expect(small.experts.map((e) => [e.id, e.fingerprint === 'paper'])).toEqual([['E01', false], ['E02', false], ['E03', true]]);
    expect(small.flags).toContainEqual({ kind: 'paper-entered', expert: 'E03', detail: '纸质评分表，无电子签名：由 王秘书 录入，李秘书 盲录复核一致' });
  });

  it('shows the paper expert in the PDFs as typed in from paper, with who typed and who confirmed', async () => {
    const m = await meeting();
    const pdfDir = join(m.dir, 'pdf');
    const run = merge(m, [m.paper.path], ['--json', '--pdf', pdfDir, '--meeting', '测试评审会']);
    expect(run.status, run.stderr).toBe(0);
    const expertPdf = readdirSync(pdfDir).find((name) => name.includes('E03'));
    expect(expertPdf, readdirSync(pdfDir).join(', ')).toBeDefined();
    const text = spawnSync('pdftotext', ['-layout', join(pdfDir, expertPdf!), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('纸质录入');
    expect(text).toContain('王秘书');
    expect(text).toContain('李秘书');
  });

  it('counts the paper sheet in the table too', async () => {
    const m = await meeting();
    const run = merge(m, [m.paper.path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('评分表 2 份，纸质评分表 1 份（无电子签名）');
    expect(run.stdout).toMatch(/E03 张伟\s+paper\s+21/);
    expect(run.stdout).toContain('⚑ [paper-entered] E03');
  });

  it('refuses an incomplete paper sheet', async () => {
    const m = await meeting();
    const undecided = { ...m.reviews[1]!, decisions: { ...m.reviews[1]!.decisions } };
    delete (undecided.decisions as Record<string, unknown>)['I1.office'];
    const partial = m.writePaper('E03c.paper.json', [m.reviews[0]!, undecided]);
    expectRefused(m, () => merge(m, [partial.path]), '[review-incomplete]', 'E03c.paper.json');
  });

  it('refuses a paper sheet of another package version', async () => {
    const m = await meeting();
    const other = m.writePaper('E03d.paper.json', [m.reviews[0]!, { ...m.reviews[1]!, packageDigest: 'f'.repeat(64) }]);
    expectRefused(m, () => merge(m, [other.path]), '[package-digest-unknown]', 'E03d.paper.json');
  });

  it('refuses a paper sheet and a signed sheet of one expert, and a malformed paper file', async () => {
    const m = await meeting();
    const twice = m.writePaper('E01.paper.json', m.reviews, { id: 'E01', name: '王明' });
    expectRefused(m, () => merge(m, [twice.path]), '[expert-two-sheets]');
    const bad = join(m.dir, 'bad.paper.json');
    writeFileSync(bad, '{"format": "alliance-review/paper-sheet", "version": 1}');
    expectRefused(m, () => merge(m, [bad]), '[field-missing]', 'bad.paper.json');
    expectRefused(m, () => merge(m, [m.sheets[0]!]), '[not-a-sheet]', '不是纸质评分表');
  });

  it('needs at least one file after --paper', async () => {
    const run = runCli(['merge', '--packages', 'a.zip', '--sheets', 's', '--paper']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--paper 后面应给出至少一个纸质评分表');
  });
});

describe('alliance-review verify <file.paper.json>', () => {
  it('says it has no digital signature and who typed and confirmed it', async () => {
    const m = await meeting();
    const run = runCli(['verify', 'E03.paper.json'], m.dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('无电子签名 no digital signature');
    expect(run.stdout).toContain('专家 expert：E03 张伟');
    expect(run.stdout).toContain('录入 entered by：王秘书');
    expect(run.stdout).toContain('盲录复核 confirmed by：李秘书');
  });

  it('refuses a malformed paper sheet with exit 1', async () => {
    const m = await meeting();
    writeFileSync(join(m.dir, 'x.paper.json'), '{"format": "alliance-review/paper-sheet", "version": 1, "year": 2026}');
    const run = runCli(['verify', 'x.paper.json'], m.dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('错误 error [field-missing] x.paper.json expert');
    expect(run.stderr).toContain('✗ 纸质评分表格式不对');
  });
});
