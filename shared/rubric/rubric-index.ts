/**
 * Rubric index: finding a criterion or an indicator of a rubric by its id.
 *
 * - placement: where a criterion sits (its indicator and group), or an indicator (its group).
 */
import type { Criterion, Group, Indicator, Rubric } from './types.ts';

export interface CriterionPlacement {
  readonly criterion: Criterion;
  readonly indicator: Indicator;
  readonly group: Group;
}

export interface IndicatorPlacement {
  readonly indicator: Indicator;
  readonly group: Group;
}

export interface RubricIndex {
  readonly criteria: ReadonlyMap<string, CriterionPlacement>;
  readonly indicators: ReadonlyMap<string, IndicatorPlacement>;
}

// Rubrics are immutable once parsed, so an index built once per rubric object stays right.
const cache = new WeakMap<Rubric, RubricIndex>();

export function indexRubric(rubric: Rubric): RubricIndex {
  const cached = cache.get(rubric);
  if (cached !== undefined) return cached;
  const criteria = new Map<string, CriterionPlacement>();
  const indicators = new Map<string, IndicatorPlacement>();
  for (const group of rubric.groups) {
    for (const indicator of group.indicators) {
      indicators.set(indicator.id, { indicator, group });
      for (const criterion of indicator.criteria) criteria.set(criterion.id, { criterion, indicator, group });
    }
  }
  const index = { criteria, indicators };
  cache.set(rubric, index);
  return index;
}

/** Every indicator of the rubric, in rubric order. */
export function indicatorsOf(rubric: Rubric): Indicator[] {
  return rubric.groups.flatMap((group) => group.indicators);
}

/** Every criterion of the rubric, in rubric order. */
export function criteriaOf(rubric: Rubric): Criterion[] {
  return indicatorsOf(rubric).flatMap((indicator) => indicator.criteria);
}
