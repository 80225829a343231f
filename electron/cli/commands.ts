import type { Command } from './command.ts';
import { mergeCommand } from './commands/merge.ts';
import { selfScoreCommand } from './commands/self-score.ts';
import { templateCommand } from './commands/template.ts';
import { validateCommand } from './commands/validate.ts';
import { verifyCommand } from './commands/verify.ts';

/**
 * Every subcommand, in the order `--help` lists them. Each lives in its own file under
 * `commands/` and is added here.
 */
export const commands: readonly Command[] = [validateCommand, selfScoreCommand, templateCommand, mergeCommand, verifyCommand];
