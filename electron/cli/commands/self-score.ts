/**
 * `alliance-review self-score <package> [--json]`: the alliance's own score of its package
 * (sheets-and-results.md): every claim accepted, judged criteria at their claimed `value`
 * (0 where absent), through the rubric the manifest names.
 *
 * `--json` prints exactly `{ allianceId, year, criteria, indicators, groups, total, grade,
 * warnings }`, numbers printed exactly (at most two decimals); without it, a Chinese table.
 * An invalid package is not scored: its errors go to stderr and the exit status is 1.
 */
import type { Decimal } from '../../../shared/decimal/decimal.ts';
import { formatScore } from '../../../shared/decimal/print-score.ts';
import type { Manifest } from '../../../shared/package/manifest.ts';
import { allianceKindName } from '../../../shared/package/manifest-fields.ts';
import type { PackageProblem } from '../../../shared/package/problem.ts';
import { assertNever } from '../../../shared/rubric/assert-never.ts';
import { reviewScoreToJson } from '../../../shared/rubric/score-json.ts';
import type { ReviewScore } from '../../../shared/rubric/score-review.ts';
import { selfScore } from '../../../shared/rubric/self-score.ts';
import type { Grade, Rubric } from '../../../shared/rubric/types.ts';
import { checkPackage } from '../../package-reader/check-package.ts';
import { exitCode, type CliIo, type Command } from '../command.ts';
import { term } from '../terminal-text.ts';
import { parsePackageArguments } from '../package-argument.ts';
import { countProblems, printProblems, problemLine } from '../print-problems.ts';
import { renderTable, truncate } from '../text-table.ts';

export interface SelfScoreJson {
  readonly allianceId: string;
  readonly year: number;
  readonly criteria: Record<string, number>;
  readonly indicators: Record<string, number>;
  readonly groups: Record<string, number>;
  readonly total: number;
  readonly grade: Grade;
  readonly warnings: readonly { readonly code: string; readonly path: string; readonly message: string }[];
}

export function selfScoreJson(manifest: Manifest, score: ReviewScore, warnings: readonly PackageProblem[]): SelfScoreJson {
  const json = reviewScoreToJson(score);
  return {
    allianceId: manifest.alliance.id,
    year: manifest.year,
    criteria: json.criteria,
    indicators: json.indicators,
    groups: json.groups,
    total: json.total,
    grade: json.grade,
    warnings: warnings.map((w) => ({ code: w.code, path: w.path, message: w.message })),
  };
}

export function gradeName(grade: Grade): string {
  switch (grade) {
    case 'excellent':
      return '优秀 excellent';
    case 'pass':
      return '合格 pass';
    case 'fail':
      return '不合格 fail';
    default:
      return assertNever(grade);
  }
}

function scoreTable(manifest: Manifest, rubric: Rubric, score: ReviewScore): string {
  const show = (value: Decimal | undefined): string => (value === undefined ? '' : formatScore(value));
  const rows: string[][] = [['指标 / 评分项 indicator / criterion', '上限 cap', '自评 score']];
  for (const group of rubric.groups) {
    for (const indicator of group.indicators) {
      rows.push([
        `${indicator.id} ${indicator.label}`,
        indicator.cap === null ? '—' : String(indicator.cap),
        show(score.indicators[indicator.id]?.score),
      ]);
      for (const criterion of indicator.criteria) {
        rows.push([`  ${criterion.id} ${truncate(criterion.label, 24)}`, '', show(score.criteria[criterion.id])]);
      }
    }
    rows.push([`${group.label} ${group.id}`, group.cap === null ? '—' : String(group.cap), show(score.groups[group.id])]);
    rows.push(['', '', '']);
  }
  rows.push(['总分 total', '', formatScore(score.total)]);
  rows.push(['等级 grade', '', gradeName(score.grade)]);
  const title = [
    term`${manifest.alliance.id} ${manifest.alliance.name}`,
    term`${allianceKindName(manifest.alliance.kind)} · ${manifest.year} 年度 · 评分细则 ${rubric.id} · 自评分 self-score`,
  ];
  return `${title.join('\n')}\n\n${renderTable(rows, ['left', 'right', 'right'])}\n`;
}

export const selfScoreCommand: Command = {
  name: 'self-score',
  summary: '计算联盟材料包的自评分 the alliance\'s own score of a package',
  usage: 'alliance-review self-score <package.zip|文件夹> [--json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { path, json } = parsePackageArguments(args, io.cwd, { json: true });
    const check = await checkPackage(path);
    const warnings = check.problems.filter((p) => p.severity === 'warning');
    if (!check.valid || check.manifest === null || check.rubric === null) {
      // With --json, stdout carries JSON or nothing, so only the errors are printed (stderr).
      printProblems(json ? check.problems.filter((p) => p.severity === 'error') : check.problems, io);
      if (!json) {
        const { errors } = countProblems(check.problems);
        io.out(`✗ 材料包无效，不能计算自评分 invalid package, not scored：错误 ${errors} 条。请按以上提示改正后再试。\n`);
      }
      return exitCode.invalid;
    }
    const score = selfScore(check.rubric, check.manifest.claims);
    if (json) {
      io.out(`${JSON.stringify(selfScoreJson(check.manifest, score, warnings), null, 2)}\n`);
      return exitCode.ok;
    }
    io.out(scoreTable(check.manifest, check.rubric, score));
    if (warnings.length > 0) {
      io.out(`\n警告 warnings（${warnings.length} 条）：\n${warnings.map((w) => `${problemLine(w)}\n`).join('')}`);
    }
    return exitCode.ok;
  },
};
