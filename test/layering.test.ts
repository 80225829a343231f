/**
 * The layering rules of STYLE.md fail the build when broken. Fixtures in
 * test/fixtures/layering/ break them on purpose; lint and the shared/ compiler settings
 * must reject each one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const fixtures = resolve(root, 'test', 'fixtures', 'layering');

async function lintAs(fixture: string, pretendPath: string) {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(readFileSync(resolve(fixtures, fixture), 'utf8'), { filePath: resolve(root, pretendPath) });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('layering', () => {
  it.each([
    ['shared-imports-node.ts', 'shared/bad.ts', 'no-restricted-imports'],
    ['shared-imports-sqlite.ts', 'shared/bad.ts', 'no-restricted-imports'],
    ['shared-imports-electron-layer.ts', 'shared/rubric/bad.ts', 'no-restricted-imports'],
    ['shared-uses-process.ts', 'shared/bad.ts', 'no-restricted-globals'],
    ['renderer-imports-main.ts', 'renderer/src/bad.ts', 'no-restricted-imports'],
    ['renderer-imports-node.ts', 'renderer/src/bad.ts', 'no-restricted-imports'],
  ])('lint rejects %s placed at %s', async (fixture, path, rule) => {
    expect(await lintAs(fixture, path)).toContain(rule);
  });

  it('lint accepts the same kind of import where it belongs (electron/)', async () => {
    expect(await lintAs('shared-imports-node.ts', 'electron/fine.ts')).not.toContain('no-restricted-imports');
  });

  it('the shared/ compiler settings have no Node types, so a Node import fails to compile', () => {
    const tsc = resolve(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', resolve(fixtures, 'shared', 'tsconfig.json')], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/Cannot find module 'node:fs'/);
    expect(result.stdout).toMatch(/Cannot find name 'Buffer'/);
    expect(result.stdout).toMatch(/Cannot find name 'process'/);
  });
});
