import type { Command } from './command.ts';
import { selfScoreCommand } from './commands/self-score.ts';
import { validateCommand } from './commands/validate.ts';

/**
 * Every subcommand, in the order `--help` lists them. Each lives in its own file under
 * `commands/` and is added here.
 */
export const commands: readonly Command[] = [validateCommand, selfScoreCommand];
