/**
 * Printing package problems on the command line: one problem a line, with where it is, so a
 * script can count and grep them (sheets-and-results.md: "each problem on stderr, one a line,
 * with where it is"). Errors go to stderr, warnings to stdout.
 *
 *   错误 error [evidence-not-found] claims.I4.techContracts.items[2].evidence[0]（第 31 行第 11 列）：证明材料……
 *   警告 warning [file-not-referenced] 证明材料/旧照片.jpg：manifest.json 里没有……
 */
import type { PackageProblem } from '../../shared/package/problem.ts';
import type { CliIo } from './command.ts';
import { oneLine } from './terminal-text.ts';

export function problemLine(p: PackageProblem): string {
  const label = p.severity === 'error' ? '错误 error' : '警告 warning';
  const at = p.line === undefined ? '' : `（第 ${p.line} 行第 ${p.column ?? 1} 列）`;
  const where = p.path === '' ? '' : ` ${oneLine(p.path)}${at}`;
  return `${label} [${p.code}]${where}：${oneLine(p.message)}`;
}

export function printProblems(problems: readonly PackageProblem[], io: CliIo): void {
  for (const p of problems) {
    if (p.severity === 'error') io.err(`${problemLine(p)}\n`);
  }
  for (const p of problems) {
    if (p.severity === 'warning') io.out(`${problemLine(p)}\n`);
  }
}

export function countProblems(problems: readonly PackageProblem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}
