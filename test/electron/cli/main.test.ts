import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const bin = resolve(root, 'electron', 'cli', 'bin.mjs');
const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The real CLI, as a child process of the same Node, with no display. */
export function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DISPLAY: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('alliance-review', () => {
  it('prints its version with --version and -v', () => {
    expect(runCli(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
    expect(runCli(['-v'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('prints help in Chinese with --help and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('用法 usage: alliance-review <command>');
    expect(result.stdout).toContain('退出码');
  });

  it('exits 2 (usage) with help when given no command', () => {
    const result = runCli([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('用法');
  });

  it('exits 2 (usage) on an unknown command, naming it', () => {
    const result = runCli(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('未知命令 unknown command: frobnicate');
  });

  it('routes each command name to the command of that name', async () => {
    const { commands } = await import('../../../electron/cli/commands.ts');
    for (const entry of commands) expect((await entry.load()).name).toBe(entry.name);
    expect(commands.map((c) => c.name)).toEqual(['validate', 'self-score', 'template', 'merge', 'verify', 'evidence', 'cross-check', 'paper-form']);
  });

  it('runs through the package bin declared in package.json', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(resolve(root, pkg.bin['alliance-review'] ?? '')).toBe(bin);
  });
});
