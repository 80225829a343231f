/**
 * Command: one subcommand of `alliance-review`. It gets its own arguments and the output
 * streams, and returns the exit status of sheets-and-results.md: 0 success, 1 the input is
 * invalid (each problem on stderr, one a line, with where it is), 2 usage.
 */
import type { ProgressLine } from './progress-line.ts';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  /** What a long command is doing now, for a person watching; absent when stderr is not a terminal. */
  readonly progress?: ProgressLine | undefined;
}

export interface Command {
  readonly name: string;
  /** One line, Chinese, for `--help`. */
  readonly summary: string;
  /** Usage line(s) shown by `alliance-review <command> --help` and on a usage error. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/**
 * A command as the router knows it before loading it: enough to find it by name. Its module
 * (and what that module imports: exceljs, pdfkit…) is loaded only when it runs or when help
 * lists every command, so `--version` and a light command start fast.
 */
export interface CommandEntry {
  readonly name: string;
  load(): Promise<Command>;
}

export const exitCode = { ok: 0, invalid: 1, usage: 2 } as const;

/** A usage mistake: the command prints it with its usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
