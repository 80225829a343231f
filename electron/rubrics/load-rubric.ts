/**
 * Rubric loading: the rubrics the program knows are the data files `resources/rubrics/<id>.json`
 * (rubric.md: a revised rubric is a new data file, not new code). This module finds them
 * relative to its own source file, so the CLI, the app and the tests load the same files from
 * any working directory.
 *
 * - known rubric: one whose file exists; a package naming another is refused (`rubric-unknown`).
 * - A shipped file that fails `parseRubric` is a defect of the program, not of a package, so it
 *   throws with every problem listed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRubric, rubricErrorsText } from '../../shared/rubric/parse-rubric.ts';
import type { Rubric } from '../../shared/rubric/types.ts';

export const defaultRubricDir: string = join(import.meta.dirname, '..', '..', 'resources', 'rubrics');

/** What a rubric id may look like; anything else (`../x`, `C:`) names no file. */
const RUBRIC_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const cache = new Map<string, Promise<Rubric | undefined>>();

/** The rubric with this id, or undefined when the program knows none by that id. */
export function loadRubric(id: string, dir: string = defaultRubricDir): Promise<Rubric | undefined> {
  if (!RUBRIC_ID.test(id)) return Promise.resolve(undefined);
  const file = join(dir, `${id}.json`);
  let loading = cache.get(file);
  if (loading === undefined) {
    loading = readRubricFile(file, id);
    cache.set(file, loading);
    // A failed load is not cached: the file may be fixed and the program asked again.
    loading.catch(() => cache.delete(file));
  }
  return loading;
}

async function readRubricFile(file: string, id: string): Promise<Rubric | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const result = parseRubric(JSON.parse(text));
  if (!result.ok) throw new Error(`评分细则文件 ${file} 有误 (bad rubric file):\n${rubricErrorsText(result.errors)}`);
  if (result.value.id !== id) {
    throw new Error(`评分细则文件 ${file} 的 id 是 "${result.value.id}"，应为 "${id}" (rubric id must match its file name)`);
  }
  return result.value;
}

/** Ids of every rubric file, sorted; for messages that list what the program knows. */
export async function knownRubricIds(dir: string = defaultRubricDir): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((id) => RUBRIC_ID.test(id))
    .sort();
}
