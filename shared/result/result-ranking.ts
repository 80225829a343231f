/**
 * Ranking: the order the summary lists alliances in, and the rank it prints.
 *
 * - rank: by the panel's total, highest first; equal totals share a rank and the next rank
 *   skips (1, 2, 2, 4), as a published list reads. Alliances without a total (everyone
 *   recused) come last, without a rank, in id order. Ranking only orders the result's totals;
 *   it computes no score. Pure, so the exported documents and the 定稿 screen rank alike.
 */
import type { AllianceResult } from '../panel/types.ts';

/** What ranking needs of an alliance: the result's alliances and the screen's rows alike. */
interface Ranked {
  readonly allianceId: string;
  readonly total: number | null;
}

export interface RankedAlliance<T extends Ranked = AllianceResult> {
  readonly alliance: T;
  /** null: no total. */
  readonly rank: number | null;
}

export function rankAlliances<T extends Ranked = AllianceResult>(alliances: readonly T[]): RankedAlliance<T>[] {
  const sorted = [...alliances].sort((a, b) => {
    if (a.total === null || b.total === null) {
      if (a.total !== b.total) return a.total === null ? 1 : -1;
    } else if (a.total !== b.total) {
      return b.total - a.total;
    }
    return a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0;
  });
  return sorted.map((alliance, i) => {
    if (alliance.total === null) return { alliance, rank: null };
    const first = sorted.findIndex((other) => other.total === alliance.total);
    return { alliance, rank: (first === -1 ? i : first) + 1 };
  });
}
