/**
 * `alliance-review paper-form --packages <p…> --out <文件.pdf> [--expert "E02 张伟"] [--meeting 名称]`:
 * the blank paper score form (空白评分表) for the given packages, the same document the chair's
 * paper tab prints (electron/export/pdf/paper-form-document.ts), for a clerk preparing paper
 * forms on a machine without the app's data.
 *
 * - The packages must be valid and of one year and one rubric, as in a meeting.
 * - `--expert` prints the roster line (编号 and 姓名) on every page; without it the form has
 *   empty name lines.
 * - An existing file at `--out` is not replaced (exit 1): printing over a form someone is
 *   using is a mistake a person should see.
 */
import { resolve } from 'node:path';
import { paperFormAlliances } from '../../../shared/paper/paper-form-rows.ts';
import type { Rubric } from '../../../shared/rubric/types.ts';
import { loadShippedFonts } from '../../export/fonts/shipped-fonts.ts';
import { renderPaperForm } from '../../export/pdf/paper-form-document.ts';
import { writeFileAtomically } from '../../files/atomic-write.ts';
import { checkPackage } from '../../package-reader/check-package.ts';
import { exitCode, UsageError, type CliIo, type Command } from '../command.ts';
import { oneLine, term } from '../terminal-text.ts';

interface PaperFormArguments {
  readonly packages: readonly string[];
  readonly out: string;
  readonly expert: { readonly id: string; readonly name: string } | null;
  readonly meeting: string | null;
}

const VALUE_OPTIONS = ['--out', '--expert', '--meeting'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

export function parsePaperFormArguments(args: readonly string[]): PaperFormArguments {
  const packages: string[] = [];
  const values = new Map<ValueOption, string>();
  let collecting = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      if (!collecting) throw new UsageError(`多余的参数 unexpected argument：${arg}`);
      packages.push(arg);
      continue;
    }
    collecting = false;
    if (arg === '--packages') {
      collecting = true;
      continue;
    }
    const option = VALUE_OPTIONS.find((name) => name === arg);
    if (option === undefined) throw new UsageError(`未知选项 unknown option：${arg}`);
    if (values.has(option)) throw new UsageError(`${option} 只能给一次 (given twice)`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${option} 需要一个值 (needs a value)`);
    values.set(option, value);
    i += 1;
  }
  if (packages.length === 0) throw new UsageError('缺少 --packages：请给出至少一个材料包 packages');
  const out = values.get('--out');
  if (out === undefined) throw new UsageError('缺少 --out：请给出空白评分表的文件名（如 2026-空白评分表.pdf）');
  const expertText = values.get('--expert');
  let expert: PaperFormArguments['expert'] = null;
  if (expertText !== undefined) {
    const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(expertText);
    if (match === null) throw new UsageError(`--expert 应为“编号 姓名”，如 "E02 张伟"，而不是 ${expertText}`);
    expert = { id: match[1] ?? '', name: match[2] ?? '' };
  }
  return { packages, out, expert, meeting: values.get('--meeting') ?? null };
}

export const paperFormCommand: Command = {
  name: 'paper-form',
  summary: '生成空白纸质评分表（PDF）the blank paper score form',
  usage: 'alliance-review paper-form --packages <材料包…> --out <文件.pdf> [--expert "编号 姓名"] [--meeting 会议名称]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const options = parsePaperFormArguments(args);
    const problems: string[] = [];
    const read = [];
    let rubric: Rubric | null = null;
    let year: number | null = null;
    for (const source of options.packages) {
      const check = await checkPackage(resolve(io.cwd, source));
      if (!check.valid || check.manifest === null || check.rubric === null || check.reading.digest === null) {
        const errors = check.problems.filter((problem) => problem.severity === 'error');
        for (const error of errors) problems.push(term`错误 error [package-invalid] ${source}${error.path === '' ? '' : ` ${error.path}`}：材料包无效 [${error.code}]：${oneLine(error.message)}`);
        if (errors.length === 0) problems.push(term`错误 error [package-invalid] ${source}：材料包无效 (invalid package)`);
        continue;
      }
      if (rubric !== null && check.rubric.id !== rubric.id) problems.push(term`错误 error [rubric-mismatch] ${source}：评分细则 ${check.rubric.id} 与其他材料包的 ${rubric.id} 不同`);
      if (year !== null && check.manifest.year !== year) problems.push(term`错误 error [year-mismatch] ${source}：年度 ${String(check.manifest.year)} 与其他材料包的 ${String(year)} 不同`);
      rubric ??= check.rubric;
      year ??= check.manifest.year;
      read.push({ allianceId: check.manifest.alliance.id, allianceName: check.manifest.alliance.name, digest: check.reading.digest, claims: check.manifest.claims });
    }
    if (problems.length > 0 || rubric === null || year === null) {
      for (const problem of problems) io.err(`${problem}\n`);
      io.err(`✗ 未生成空白评分表 not written：${problems.length} 个问题。请按以上提示改正材料包后再试。\n`);
      return exitCode.invalid;
    }
    const pdf = await renderPaperForm(loadShippedFonts(), {
      year,
      meetingName: options.meeting ?? `${year} 年度联盟考核评审会`,
      rubric,
      alliances: paperFormAlliances(read),
      expert: options.expert,
      generatedAt: new Date(),
    });
    const out = resolve(io.cwd, options.out);
    if ((await writeFileAtomically(out, pdf.bytes, { overwrite: false })) === 'exists') {
      io.err(term`错误 error [file-exists] ${out}：文件已存在，未覆盖。请换一个文件名，或先移走原文件。\n`);
      return exitCode.invalid;
    }
    io.out(term`已写入空白评分表 written：${out}（${String(read.length)} 个联盟，共 ${String(pdf.pages)} 页）\n`);
    return exitCode.ok;
  },
};
