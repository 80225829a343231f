import type { CommandEntry } from './command.ts';

/**
 * Every subcommand, in the order `--help` lists them. Each lives in its own file under
 * `commands/`, loaded only when needed (see CommandEntry).
 */
export const commands: readonly CommandEntry[] = [
  { name: 'validate', load: async () => (await import('./commands/validate.ts')).validateCommand },
  { name: 'self-score', load: async () => (await import('./commands/self-score.ts')).selfScoreCommand },
  { name: 'template', load: async () => (await import('./commands/template.ts')).templateCommand },
  { name: 'merge', load: async () => (await import('./commands/merge.ts')).mergeCommand },
  { name: 'verify', load: async () => (await import('./commands/verify.ts')).verifyCommand },
  { name: 'evidence', load: async () => (await import('./commands/evidence.ts')).evidenceCommand },
  { name: 'cross-check', load: async () => (await import('./commands/cross-check.ts')).crossCheckCommand },
  { name: 'paper-form', load: async () => (await import('./commands/paper-form.ts')).paperFormCommand },
];
