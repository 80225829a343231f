/**
 * No import cycles, between files or between folders (test/import-graph.ts says why each
 * matters). Fixtures in test/fixtures/import-cycles/ break both on purpose; lint and the graph
 * checks must find each one, and the source tree must have none.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { cycles, describeFileCycles, describeFolderCycles, fileEdges, fileRoots, folderEdges } from './import-graph.ts';

const root = resolve(import.meta.dirname, '..');
const fixtures = resolve(root, 'test', 'fixtures', 'import-cycles');

describe('import cycles', () => {
  it('lint (import-x/no-cycle) rejects two files that import each other, .ts and .tsx', async () => {
    const eslint = new ESLint({ cwd: root, ignore: false });
    const results = await eslint.lintFiles([resolve(fixtures, 'lint', 'console.ts'), resolve(fixtures, 'lint', 'tab.tsx')]);
    for (const result of results) expect(result.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });

  it('finds a folder cycle made through different files, and not the wiring types', () => {
    const found = cycles(folderEdges(resolve(fixtures, 'tree')));
    expect(found.map((c) => c.members)).toEqual([['electron/chair', 'electron/meeting']]);
    expect(describeFolderCycles(found)).toEqual([
      'folder cycle: electron/chair, electron/meeting',
      '  electron/chair -> electron/meeting (electron/chair/console.ts imports electron/meeting/setup.ts)',
      '  electron/meeting -> electron/chair (electron/meeting/lock.ts imports electron/chair/labels.ts)',
    ]);
  });

  it('finds a file cycle held by type-only imports', () => {
    const found = cycles(fileEdges(resolve(fixtures, 'tree'), fileRoots));
    expect(describeFileCycles(found)).toEqual([
      'file cycle: shared/api/contract.ts, shared/api/views.ts',
      '  shared/api/contract.ts -> shared/api/views.ts (types only)',
      '  shared/api/views.ts -> shared/api/contract.ts (types only)',
    ]);
  });

  it('the source tree has no folder cycle', () => {
    expect(describeFolderCycles(cycles(folderEdges(root)))).toEqual([]);
  });

  it('the source and test files have no file cycle, type-only imports included', () => {
    const found = cycles(fileEdges(root, fileRoots, ['test/fixtures']));
    expect(describeFileCycles(found)).toEqual([]);
  });
});
