/**
 * `alliance-review validate` on a manifest of 200 000 items (about 15 MB, under the 16 MiB
 * manifest limit): it must be checked like any other, not die with "Maximum call stack size
 * exceeded" once each item has a problem.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../../../electron/package-reader/limits.ts';
import { cliBin, repoRoot } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { alliancePackage, everyShapeClaims, manifest as packageManifest, type Json } from '../../helpers/package-builder.ts';

const tempDir = useTempDir('cli-validate-large-');
const ITEMS = 200_000;

async function packageWithItems(item: (i: number) => Json): Promise<string> {
  const claims = everyShapeClaims();
  claims['I4.techContracts'] = { items: Array.from({ length: ITEMS }, (_, i) => item(i)) };
  const files = alliancePackage(packageManifest({ claims }));
  const text = JSON.stringify(files.manifest);
  expect(Buffer.byteLength(text)).toBeLessThan(defaultLimits.maxManifestBytes);
  const path = join(tempDir(), 'HFA-012.zip');
  await files.with('manifest.json', text).writeZip(path);
  return path;
}

/** The CLI, with room for one stderr line per item. */
function validate(path: string) {
  return spawnSync(process.execPath, [cliBin, 'validate', path], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, DISPLAY: '' } });
}

describe('alliance-review validate: a manifest of 200 000 items', () => {
  it('is valid when its items are', async () => {
    const run = validate(await packageWithItems((i) => ({ id: `t${i}`, title: '合同', evidence: ['成果转化/技术合同1.pdf'] })));
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/✓ 材料包有效 valid：HFA-012/);
    expect(run.status).toBe(0);
  }, 300_000);

  it('reports each item’s problem on its own line when every item lacks its title', async () => {
    const run = validate(await packageWithItems((i) => ({ id: `t${i}`, evidence: ['成果转化/技术合同1.pdf'] })));
    expect(run.stderr).not.toContain('Maximum call stack');
    const lines = run.stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(ITEMS);
    expect(lines[ITEMS - 1]).toMatch(/^错误 error \[field-missing\] claims\.I4\.techContracts\.items\[199999\]\.title/);
    expect(run.stdout).toContain(`错误 ${ITEMS} 条`);
    expect(run.status).toBe(1);
  }, 300_000);
});
