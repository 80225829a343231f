import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { resultFileSchema, type ResultFile } from '../../../shared/result/result-schema.ts';
import type { ReviewSpec, TestExpert } from '../../helpers/expert-sheet.ts';
import { makeExpert, writeSignedSheet } from '../../helpers/expert-sheet.ts';
import { allianceManifest, alliancePackage, type TestPackage } from '../../helpers/package-builder.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';
import { richClaims, smallClaims, smallDecisions } from '../../shared/result/merge-fixtures.ts';

const tempDir = useTempDir('merge-cli-');

interface Meeting {
  readonly dir: string;
  readonly small: TestPackage;
  readonly rich: TestPackage;
  readonly experts: readonly TestExpert[];
  readonly sheets: readonly string[];
  /** Every file under `dir`, to prove a refusal wrote nothing. */
  files(): string[];
}

/**
 * A meeting in a temp folder: HFA-001 (the worked example, as a zip) and HFA-002 (small, as a
 * folder); experts E01–E03 accept everything of HFA-001 and give HFA-002 15 + 4v with
 * v = 2.5, 2, 1.5 (25, 23, 21 → 23).
 */
async function meeting(): Promise<Meeting> {
  const dir = tempDir();
  const rich = await alliancePackage(allianceManifest('HFA-001', richClaims, { name: '合肥市智能语音产业技术创新战略联盟' })).write(join(dir, 'HFA-001.zip'));
  const small = await alliancePackage(allianceManifest('HFA-002', smallClaims, { name: '合肥市新材料产业技术创新战略联盟' })).write(join(dir, 'HFA-002'));
  const experts = [makeExpert('E01', '王明'), makeExpert('E02', '李华'), makeExpert('E03', '张伟')];
  const values = [2.5, 2, 1.5];
  const sheets = await Promise.all(
    experts.map((expert, i) =>
      writeSignedSheet(dir, hefei, expert, [{ package: rich }, { package: small, decisions: smallDecisions(values[i] ?? 0) }]),
    ),
  );
  return { dir, small, rich, experts, sheets, files: () => readdirSync(dir, { recursive: true }).map(String).sort() };
}

function merge(m: Meeting, sheets: readonly string[] = m.sheets, extra: readonly string[] = [], packages = [m.rich.path, m.small.path]) {
  return runCli(['merge', '--packages', ...packages, '--sheets', ...sheets, ...extra]);
}

function parseResult(stdout: string): ResultFile {
  return resultFileSchema.parse(JSON.parse(stdout));
}

/** Runs a merge that must be refused: exit 1, nothing on stdout, no file added or changed. */
function expectRefused(m: Meeting, run: () => ReturnType<typeof runCli>, ...expected: string[]) {
  const before = m.files();
  const result = run();
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(m.files()).toEqual(before);
  for (const text of expected) expect(result.stderr).toContain(text);
  expect(result.stderr).toContain('✗ 未汇总 merge refused');
  return result;
}

async function sheetOf(m: Meeting, expert: TestExpert, reviews: ReviewSpec[], fileName: string, options = {}) {
  return writeSignedSheet(m.dir, hefei, expert, reviews, { fileName, ...options });
}

describe('alliance-review merge', () => {
  it('prints the result as a Chinese table', async () => {
    const m = await meeting();
    const result = merge(m);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('HFA-001 合肥市智能语音产业技术创新战略联盟');
    expect(result.stdout).toContain('总分 total 90.5 · 等级 grade 优秀 excellent · 结论 consequence 给予资金奖励 award');
    expect(result.stdout).toContain('总分 total 23 · 等级 grade 不合格 fail · 结论 consequence 限期整改 rectify');
    expect(result.stdout).toMatch(/E01 王明\s+[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\s+25/);
    expect(result.stdout).toContain(m.experts[0]?.fingerprint);
  });

  it('prints format-1 JSON with --json: the spec’s shape, exact numbers, ids in order', async () => {
    const m = await meeting();
    const run = merge(m, m.sheets, ['--json']);
    expect(run.status).toBe(0);
    const result = parseResult(run.stdout);
    expect(result).toMatchObject({ format: 'alliance-review/result', version: 1, year: 2026, rubric: 'hefei-2017', method: 'mean' });
    expect(result.alliances.map((a) => a.allianceId)).toEqual(['HFA-001', 'HFA-002']);
    const small = result.alliances[1];
    expect(small).toMatchObject({ packageDigest: m.small.digest, total: 23, grade: 'fail', consequence: 'rectify', award: null, selfTotal: 15 });
    expect(small?.experts.map((e) => [e.id, e.fingerprint, e.total])).toEqual(
      m.experts.map((e, i) => [e.id, e.fingerprint, [25, 23, 21][i]]),
    );
    expect(Object.keys(result.alliances[0]?.indicators ?? {})).toHaveLength(13);
    // Key order of the spec's example, two-space indentation, a final newline.
    expect(run.stdout.startsWith('{\n  "format": "alliance-review/result",\n  "version": 1,\n  "year": 2026,')).toBe(true);
    expect(run.stdout.endsWith('}\n')).toBe(true);
  });

  it('prints byte-identical JSON whatever the order of the files, and for a zip or its folder', async () => {
    const m = await meeting();
    const richFolder = await alliancePackage(allianceManifest('HFA-001', richClaims, { name: '合肥市智能语音产业技术创新战略联盟' })).write(join(m.dir, 'HFA-001-folder'));
    expect(richFolder.digest).toBe(m.rich.digest);
    const first = merge(m, m.sheets, ['--json']);
    const reordered = runCli(['merge', '--json', '--sheets', ...[...m.sheets].reverse(), '--packages', m.small.path, richFolder.path]);
    expect(first.status).toBe(0);
    expect(reordered.status).toBe(0);
    expect(reordered.stdout).toBe(first.stdout);
  });

  it('accepts the same sheet file given twice as one sheet, with a note', async () => {
    const m = await meeting();
    const once = merge(m, m.sheets, ['--json']);
    const twice = merge(m, [...m.sheets, m.sheets[0] ?? ''], ['--json']);
    expect(twice.status).toBe(0);
    expect(twice.stdout).toBe(once.stdout);
    expect(twice.stderr).toContain('是同一份评分表，只计一次');
  });

  it('keeps a recused expert out of the score', async () => {
    const m = await meeting();
    const e4 = makeExpert('E04', '赵敏');
    const recusal = await sheetOf(m, e4, [{ package: m.rich }, { package: m.small, recused: true, comment: '本人在牵头单位任职' }], 'E04.sheet.json');
    const result = parseResult(merge(m, [...m.sheets, recusal], ['--json']).stdout);
    const small = result.alliances[1];
    expect(small?.experts[3]).toEqual({ id: 'E04', fingerprint: e4.fingerprint, recused: true, total: null, indicators: null });
    expect(small?.total).toBe(23);
  });

  it('uses trimmed with 5 experts and falls back with a flag below that', async () => {
    const m = await meeting();
    const extra = await Promise.all(
      [makeExpert('E04'), makeExpert('E05')].map((expert, i) =>
        sheetOf(m, expert, [{ package: m.rich }, { package: m.small, decisions: smallDecisions([0, 1][i] ?? 0) }], `${expert.id}.sheet.json`),
      ),
    );
    // Totals 25 23 21 15 19: trimmed drops 25 and 15 → (23 + 21 + 19) / 3 = 21.
    const five = parseResult(merge(m, [...m.sheets, ...extra], ['--json', '--method', 'trimmed']).stdout);
    expect(five.method).toBe('trimmed');
    expect(five.alliances[1]?.total).toBe(21);
    expect(five.alliances[1]?.flags.map((f) => f.kind)).not.toContain('trimmed-not-applied');
    // Four experts: 25 23 21 15 → mean 21, flagged.
    const four = parseResult(merge(m, [...m.sheets, extra[0] ?? ''], ['--json', '--method=trimmed']).stdout);
    expect(four.alliances[1]?.total).toBe(21);
    expect(four.alliances[1]?.flags.map((f) => f.kind)).toContain('trimmed-not-applied');
  });

  it('flags deviation and override, and shows them in the table', async () => {
    const m = await meeting();
    const low = await sheetOf(
      m,
      makeExpert('E04', '钱进'),
      [
        { package: m.rich },
        {
          package: m.small,
          decisions: smallDecisions(0, ['I1.office', 'I1.council', 'I1.platform', 'I2.plans']),
          overrides: { I4: { score: 1, reason: '合同未登记' } },
        },
      ],
      'E04.sheet.json',
    );
    const json = parseResult(merge(m, [...m.sheets, low], ['--json']).stdout);
    const flags = json.alliances[1]?.flags ?? [];
    expect(flags.filter((f) => f.kind === 'deviation').map((f) => f.expert)).toEqual(['E04']);
    expect(flags.filter((f) => f.kind === 'override')).toMatchObject([{ expert: 'E04', indicator: 'I4' }]);
    const table = merge(m, [...m.sheets, low]).stdout;
    expect(table).toContain('⚑ [deviation] E04');
    expect(table).toContain('⚑ [override] E04 I4');
    expect(table).toContain('合同未登记');
  });

  it('splits --budget among excellent alliances and disqualifies with --previous', async () => {
    const m = await meeting();
    const lastYear = parseResult(merge(m, m.sheets, ['--json']).stdout);
    const previous = join(m.dir, 'result-2025.json');
    writeFileSync(previous, JSON.stringify({ ...lastYear, year: 2025 }));
    const result = parseResult(merge(m, m.sheets, ['--json', '--budget', '150000.5', '--previous', previous]).stdout);
    expect(result.alliances.map((a) => [a.allianceId, a.consequence, a.award])).toEqual([
      ['HFA-001', 'award', 150000],
      ['HFA-002', 'disqualify', null],
    ]);
  });

  describe('refuses, exit 1, writing nothing', () => {
    it('a sheet with a changed byte (bad signature)', async () => {
      const m = await meeting();
      const path = m.sheets[1] ?? '';
      const text = readFileSync(path, 'utf8');
      expect(text).toMatch(/"value": 2\n/);
      writeFileSync(path, text.replace(/"value": 2\n/, '"value": 2.5\n'));
      expectRefused(m, () => merge(m), '[signature-invalid]', 'E02.sheet.json', '签名验证失败');
    });

    it('a sheet for another version of a package', async () => {
      const m = await meeting();
      const v2 = await alliancePackage(allianceManifest('HFA-002', smallClaims)).newVersion('v2').write(join(m.dir, 'HFA-002-v2'));
      expect(v2.digest).not.toBe(m.small.digest);
      const sheet = await sheetOf(m, makeExpert('E04'), [{ package: v2, decisions: smallDecisions(1) }], 'E04.sheet.json');
      expectRefused(m, () => merge(m, [...m.sheets, sheet]), '[package-digest-unknown]', 'E04.sheet.json reviews[0].packageDigest');
    });

    it('an incomplete review', async () => {
      const m = await meeting();
      const decisions = { ...smallDecisions(1), 'I4.techContracts': { accepted: ['tc-1'], rejected: {} } };
      const sheet = await sheetOf(m, makeExpert('E04'), [{ package: m.small, decisions }], 'E04.sheet.json');
      expectRefused(m, () => merge(m, [...m.sheets, sheet]), '[review-incomplete]', 'reviews[0].decisions.I4.techContracts', 'tc-2');
    });

    it('a decision naming an item the package does not claim', async () => {
      const m = await meeting();
      const decisions = { ...smallDecisions(1), 'I4.techContracts': { accepted: ['tc-1', 'tc-2', 'tc-3'], rejected: { 'tc-7': '无此合同' } } };
      const sheet = await sheetOf(m, makeExpert('E04'), [{ package: m.small, decisions }], 'E04.sheet.json');
      expectRefused(m, () => merge(m, [...m.sheets, sheet]), '[review-invalid]', 'tc-7', '材料包没有申报这个条目');
    });

    it('two different sheets from one expert id', async () => {
      const m = await meeting();
      const expert = m.experts[0] ?? makeExpert();
      const second = await sheetOf(m, expert, [{ package: m.rich }, { package: m.small, decisions: smallDecisions(0) }], 'E01-again.sheet.json');
      expectRefused(m, () => merge(m, [...m.sheets, second]), '[expert-two-sheets]', 'E01-again.sheet.json');
    });

    it('one expert id signed with two different keys', async () => {
      const m = await meeting();
      const impostor = await sheetOf(m, makeExpert('E01', '王明'), [{ package: m.rich }], 'E01-other-laptop.sheet.json');
      expectRefused(m, () => merge(m, [...m.sheets, impostor]), '[expert-two-keys]', 'E01-other-laptop.sheet.json');
    });

    it('a sheet of another year', async () => {
      const m = await meeting();
      const sheet = await sheetOf(m, makeExpert('E04'), [{ package: m.rich }], 'E04.sheet.json', { year: 2025 });
      expectRefused(m, () => merge(m, [...m.sheets, sheet]), '[year-mismatch]', '评分表年度为 2025');
    });

    it('a review of an alliance whose package is not given', async () => {
      const m = await meeting();
      expectRefused(m, () => merge(m, m.sheets, [], [m.rich.path]), '[alliance-without-package]', 'HFA-002');
    });

    it('an invalid package', async () => {
      const m = await meeting();
      writeFileSync(join(m.small.path, 'manifest.json'), '{"format": "alliance-review/package",');
      expectRefused(m, () => merge(m), '[package-invalid]', 'manifest');
    });

    it('a previous result that is not a result', async () => {
      const m = await meeting();
      const previous = join(m.dir, 'previous.json');
      writeFileSync(previous, '{"format": "something-else"}');
      expectRefused(m, () => merge(m, m.sheets, ['--previous', previous]), '[previous-invalid]', 'previous.json');
    });

    it('a file that is not a sheet', async () => {
      const m = await meeting();
      const stray = join(m.dir, 'notes.sheet.json');
      writeFileSync(stray, '{"hello": 1}');
      expectRefused(m, () => merge(m, [...m.sheets, stray]), '[not-a-sheet]', 'notes.sheet.json');
    });

    it('names files as given on the command line, relative to the working folder', async () => {
      const m = await meeting();
      const path = m.sheets[2] ?? '';
      writeFileSync(path, readFileSync(path, 'utf8').replace('张伟', '张三'));
      const run = runCli(['merge', '--packages', 'HFA-001.zip', 'HFA-002', '--sheets', 'E01.sheet.json', 'E02.sheet.json', 'E03.sheet.json'], m.dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('错误 error [signature-invalid] E03.sheet.json signature.value：');
    });
  });

  describe('usage mistakes, exit 2', () => {
    it.each([
      ['no --packages', ['--sheets', 'a.sheet.json'], '缺少 --packages'],
      ['an empty --packages', ['--packages', '--sheets', 'a.sheet.json'], '缺少 --packages'],
      ['no --sheets', ['--packages', 'a.zip'], '缺少 --sheets'],
      ['an unknown option', ['--packages', 'a.zip', '--sheets', 's', '--html', 'out'], '未知选项 unknown option：--html'],
      ['a bad method', ['--packages', 'a.zip', '--sheets', 's', '--method', 'median'], '--method 只能是 mean'],
      ['a negative budget', ['--packages', 'a.zip', '--sheets', 's', '--budget', '-100'], '不能为负数'],
      ['a budget that is not a number', ['--packages', 'a.zip', '--sheets', 's', '--budget', '十万'], '--budget'],
      ['a method given twice', ['--packages', 'a.zip', '--sheets', 's', '--method', 'mean', '--method', 'trimmed'], '只能给一次'],
      ['a stray argument', ['stray', '--packages', 'a.zip', '--sheets', 's'], '多余的参数'],
    ])('%s', (_name, args, message) => {
      const run = runCli(['merge', ...args]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('用法 usage: alliance-review merge');
    });
  });
});
