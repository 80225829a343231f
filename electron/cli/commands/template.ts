/**
 * `alliance-review template [--out file.xlsx] [--force]`: writes the blank self-check workbook
 * (自查表.xlsx) that alliances fill instead of writing manifest.json. Its sheets, columns and
 * how claims and evidence are written are in docs/package-format.md §10 (自查表).
 *
 * - output: `--out` or `自查表.xlsx` in the current folder. An existing file is never replaced
 *   without `--force` (it may be an alliance's filled workbook); the write is atomic.
 */
import { resolve } from 'node:path';

import { templateBytes } from '../../package-reader/workbook/build-template.ts';
import { WORKBOOK_FILE_NAME } from '../../package-reader/workbook/workbook-layout.ts';
import { loadRubric } from '../../rubrics/load-rubric.ts';
import { exitCode, UsageError } from '../command.ts';
import type { CliIo, Command } from '../command.ts';
import { shown, term } from '../terminal-text.ts';
import { writeFileAtomically } from '../../files/atomic-write.ts';

const RUBRIC_ID = 'hefei-2017';

interface TemplateArgs {
  readonly out: string | undefined;
  readonly force: boolean;
}

function parseArgs(args: readonly string[]): TemplateArgs {
  let out: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--force' || arg === '-f') force = true;
    else if (arg === '--out' || arg === '-o') {
      const value = args[i + 1];
      if (value === undefined || value === '') throw new UsageError(`${arg} 后面要写输出文件名 (${arg} needs a file name)`);
      if (out !== undefined) throw new UsageError('--out 只能给一次 (--out given twice)');
      out = value;
      i++;
    } else if (arg.startsWith('--out=')) {
      if (out !== undefined) throw new UsageError('--out 只能给一次 (--out given twice)');
      out = arg.slice('--out='.length);
      if (out === '') throw new UsageError('--out 后面要写输出文件名 (--out needs a file name)');
    } else if (arg.startsWith('-')) throw new UsageError(`未知选项 unknown option: ${arg}`);
    else throw new UsageError(`多余的参数 unexpected argument: ${arg}`);
  }
  return { out, force };
}

export const templateCommand: Command = {
  name: 'template',
  summary: '生成空白的联盟自查表 自查表.xlsx (the blank self-check workbook for alliances)',
  usage: 'alliance-review template [--out file.xlsx] [--force]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { out, force } = parseArgs(args);
    const path = resolve(io.cwd, out ?? WORKBOOK_FILE_NAME);
    const rubric = await loadRubric(RUBRIC_ID);
    if (rubric === undefined) throw new Error(`缺少评分细则文件 ${RUBRIC_ID}.json (rubric file missing)`);
    const bytes = await templateBytes(rubric);
    let outcome;
    try {
      outcome = await writeFileAtomically(path, bytes, { overwrite: force });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      io.err(`${shown(path)}: 无法写入文件 (cannot write)${code === '' ? '' : ` ${code}`}：请检查文件夹是否存在、是否有写入权限。\n`);
      return exitCode.invalid;
    }
    if (outcome === 'exists') {
      io.err(`${shown(path)}: 文件已存在，未覆盖 (file exists, not overwritten)。如确需替换，请加 --force。\n`);
      return exitCode.invalid;
    }
    io.out(term`已生成自查表 (written): ${path}\n`);
    return exitCode.ok;
  },
};
