/**
 * Publicity list (公示名单): the alliances a locked result grades 优秀, as the bureau publishes
 * them before the awards are paid: highest total first (ties by alliance id, so the list is the
 * same on every laptop), with the award where a budget was given.
 */
import type { ResultFile } from './result-schema.ts';
import { compareIds } from './result-order.ts';

export interface PublicityEntry {
  /** 1, 2, 3 … in list order. */
  readonly rank: number;
  readonly allianceId: string;
  readonly name: string;
  readonly total: number;
  /** Yuan; null when no budget was given. */
  readonly award: number | null;
}

export function publicityList(result: ResultFile): PublicityEntry[] {
  return result.alliances
    .filter((alliance) => alliance.grade === 'excellent' && alliance.total !== null)
    .map((alliance) => ({ allianceId: alliance.allianceId, name: alliance.name, total: alliance.total ?? 0, award: alliance.award }))
    .sort((a, b) => b.total - a.total || compareIds(a.allianceId, b.allianceId))
    .map((entry, i) => ({ rank: i + 1, ...entry }));
}
