/**
 * Problem place in words: where in a package a warning is, as the clerk and the experts name
 * it (the criterion's label, the item's number and title, the indicator, the file), instead of
 * the manifest path a package author works with (`claims.I4.techContracts.items[2].evidence`).
 *
 * - place: a manifest path, a workbook cell with that path in brackets (`自查表!C12（claims.…）`),
 *   an indicator id (`I4`), or a file of the package (`证明材料/合同.pdf`), which is its own name.
 */
import { indexRubric } from '../rubric/rubric-index.ts';
import type { Rubric } from '../rubric/types.ts';

export function placeInWords(path: string, rubric: Rubric, claims: unknown): string {
  const index = indexRubric(rubric);
  const cell = /^(.+?)（claims\./u.exec(path)?.[1];
  const claim = /(?:^|（)claims\.([A-Za-z0-9]+\.[A-Za-z0-9]+)(?:\.items\[(\d+)\])?/u.exec(path);
  if (claim?.[1] !== undefined) {
    const placement = index.criteria.get(claim[1]);
    if (placement === undefined) return path;
    const where = [`${placement.indicator.label} · ${placement.criterion.label}`];
    if (claim[2] !== undefined) {
      const i = Number(claim[2]);
      const items = (claims as Record<string, { items?: { title?: unknown }[] } | undefined> | null)?.[claim[1]]?.items;
      const title = items?.[i]?.title;
      where.push(typeof title === 'string' ? `第 ${i + 1} 条“${title}”` : `第 ${i + 1} 条`);
    }
    if (cell !== undefined) where.push(`（${cell}）`);
    return where.join(' ');
  }
  const indicator = index.indicators.get(path);
  if (indicator !== undefined) return `指标“${indicator.indicator.label}”`;
  return path;
}
