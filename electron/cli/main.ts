/**
 * `alliance-review`: the command line. It needs neither Electron nor a display. Each
 * subcommand lives in `commands/`; this file only routes and handles --help/--version.
 */
import { appVersion } from '../app/version.ts';
import { exitCode, UsageError, type CliIo } from './command.ts';
import { oneLine, shown } from './terminal-text.ts';
import { commands } from './commands.ts';
import { progressLine } from './progress-line.ts';

async function helpText(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(8, ...loaded.map((c) => c.name.length));
  const lines = [
    `alliance-review ${appVersion}：合肥市产业技术创新战略联盟考核评审（离线）`,
    '',
    '用法 usage: alliance-review <command> [options]',
    '',
    '命令 commands:',
    ...loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '选项 options:',
    '  -h, --help      显示帮助 (help)',
    '  -v, --version   显示版本 (version)',
    '',
    '退出码 exit status: 0 成功 success · 1 输入无效 invalid input · 2 用法错误 usage',
    '每个命令的用法：alliance-review <command> --help',
  ];
  return lines.join('\n') + '\n';
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.out(await helpText());
    return first === undefined ? exitCode.usage : exitCode.ok;
  }
  if (first === '-v' || first === '--version') {
    io.out(`${appVersion}\n`);
    return exitCode.ok;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    io.err(`未知命令 unknown command: ${shown(first)}\n\n${await helpText()}`);
    return exitCode.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\n用法 usage: ${command.usage}\n`);
    return exitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`用法错误 usage: ${oneLine(error.message)}\n用法 usage: ${command.usage}\n`);
      return exitCode.usage;
    }
    throw error;
  }
}

/** Runs the command line of this process and sets its exit status. */
export async function runFromProcess(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    progress: process.stderr.isTTY ? progressLine(process.stderr) : undefined,
  });
}
