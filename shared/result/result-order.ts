/**
 * Result order: how the result lists alliances and experts, so that the same inputs give the
 * same bytes whatever order the files were given in (sheets-and-results.md).
 *
 * - id order: by UTF-16 code units of the id (JavaScript's default string order), which for
 *   the ASCII ids of alliances and experts (`A-Z a-z 0-9 - _`) is the same as byte order:
 *   `E01` < `E02` < `E10` < `e01`; `HFA-002` < `HFA-012`. Ids are unique, so no ties.
 * - Alliances are in id order; within an alliance, experts (recused ones included) are in id
 *   order; flags follow from that (panel aggregation lists them by kind, then in expert order,
 *   then in rubric order).
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order people read the alliances in (the console's matrix): the result's own id order,
 * except that an alliance without a total (every expert recused) comes after the graded ones,
 * as the documents list it (sheets-and-results.md, decisions on open points). The result JSON
 * keeps plain id order.
 */
export function gradedFirst<T extends { readonly allianceId: string; readonly total: number | null }>(
  alliances: readonly T[],
): T[] {
  return [...alliances].sort((a, b) => {
    if ((a.total === null) !== (b.total === null)) return a.total === null ? 1 : -1;
    return compareIds(a.allianceId, b.allianceId);
  });
}
