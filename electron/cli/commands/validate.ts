/**
 * `alliance-review validate <package>`: checks a package (zip or folder) against
 * package-format.md and prints every error (stderr) and warning (stdout), one a line with
 * where it is, then a summary in Chinese. Exit 0 when the package is valid (warnings allowed),
 * 1 when it is not (a path that does not exist included), 2 on a usage mistake.
 */
import { checkPackage } from '../../package-reader/check-package.ts';
import { exitCode, type CliIo, type Command } from '../command.ts';
import { parsePackageArguments } from '../package-argument.ts';
import { countProblems, printProblems } from '../print-problems.ts';
import { shown, term } from '../terminal-text.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: '检查联盟材料包（zip 或文件夹）是否符合格式 check a package',
  usage: 'alliance-review validate <package.zip|文件夹>',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { path } = parsePackageArguments(args, io.cwd, { json: false });
    const check = await checkPackage(path);
    printProblems(check.problems, io);
    const { errors, warnings } = countProblems(check.problems);
    if (!check.valid) {
      io.out(`${term`✗ 材料包无效 invalid：${check.reading.name}`}，错误 ${errors} 条，警告 ${warnings} 条。请按以上提示改正后重新提交。\n`);
      return exitCode.invalid;
    }
    const manifest = check.manifest;
    const who = manifest === null ? '' : term`${manifest.alliance.id} ${manifest.alliance.name}，${manifest.year} 年度，评分细则 ${manifest.rubric}，`;
    io.out(
      `✓ 材料包有效 valid：${who}${check.reading.files.length} 个文件，摘要 digest ${shown(check.reading.digest ?? '')}；警告 ${warnings} 条。\n`,
    );
    return exitCode.ok;
  },
};
