/**
 * Test helper: the real `alliance-review` CLI as a child process of the same Node, with no
 * display, from the checkout root (or `cwd`).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const cliBin = resolve(repoRoot, 'electron', 'cli', 'bin.mjs');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string = repoRoot): CliRun {
  const result = spawnSync(process.execPath, [cliBin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DISPLAY: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
