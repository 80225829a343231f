/**
 * A finding's places in the words of the rubric: `HFA-017 · I4 吸纳技术合同登记 第“tc-9”项`
 * rather than the criterion's id `I4.techContracts`, for the people who read findings in the
 * app (the expert beside a claim, the clerk's import report, the chair's 材料核查). The CLI and
 * the JSON keep the ids (docs/cli.md documents them).
 */
import { indexRubric } from '../rubric/rubric-index.ts';
import type { Rubric } from '../rubric/types.ts';

/** Criterion id → its words, `I4 吸纳技术合同登记`. */
export type CriterionNames = ReadonlyMap<string, string>;

export const noCriterionNames: CriterionNames = new Map();

export function criterionNames(rubric: Rubric | null | undefined): CriterionNames {
  if (rubric === null || rubric === undefined) return noCriterionNames;
  const names = new Map<string, string>();
  for (const [id, placement] of indexRubric(rubric).criteria) names.set(id, `${placement.indicator.id} ${placement.criterion.label}`);
  return names;
}

/**
 * `text` with each criterion id of the rubric replaced by its words, and a file's hash
 * (`（SHA-256 2f09ca9bb1bd…）`) by what it means, `（内容完全相同）`. Ids are `<indicator>.<name>`
 * of ASCII letters and digits (parse-rubric.ts); a token the rubric does not know (a file name
 * such as `report.pdf`, a criterion of another year's rubric) is left as written.
 */
export function inWords(text: string, names: CriterionNames): string {
  // The file's hash says "the very same bytes" to a program; a person reads it in words.
  const worded = text.replace(/（SHA-256 [0-9a-f]{12}…）/gu, '（内容完全相同）');
  if (names.size === 0) return worded;
  return worded.replace(/(?<![A-Za-z0-9.])[A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*(?![A-Za-z0-9.])/g, (id) => names.get(id) ?? id);
}
