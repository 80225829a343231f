import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRubricDir, knownRubricIds, loadRubric } from '../../../electron/rubrics/load-rubric.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('load-rubric-');

describe('loadRubric', () => {
  it('finds the shipped hefei-2017 rubric relative to its own source, from any working directory', async () => {
    const rubric = await loadRubric('hefei-2017');
    expect(rubric?.id).toBe('hefei-2017');
    expect(rubric?.groups.map((g) => g.id)).toEqual(['system', 'tasks', 'bonus']);
    expect(await knownRubricIds()).toContain('hefei-2017');
  });

  it.each(['hefei-2099', '../rubrics/hefei-2017', 'HEFEI-2017', '', 'a/b'])('knows no rubric %j', async (id) => {
    expect(await loadRubric(id)).toBeUndefined();
  });

  it('throws for a malformed rubric file, naming the bad field (a defect of the program, not of a package)', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'broken.json'), JSON.stringify({ format: 'alliance-review/rubric', version: 1, id: 'broken' }));
    await expect(loadRubric('broken', dir)).rejects.toThrow(/broken\.json[\s\S]*title/);
  });

  it('throws when a file’s id is not its name', async () => {
    const dir = tempDir();
    await copyFile(join(defaultRubricDir, 'hefei-2017.json'), join(dir, 'other-2020.json'));
    await expect(loadRubric('other-2020', dir)).rejects.toThrow('hefei-2017');
  });
});
