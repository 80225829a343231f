/**
 * Stored review: an expert's decisions as the store keeps them, one row per decision, and the
 * review the rubric engine and the sheet take (`Review`, sheets-and-results.md `decisions`).
 *
 * - stored decision: one decision on one claim: a flag (no item), one claimed item of a list
 *   criterion, or a judged value kept as decimal text ("2.3") so no float ever stands in for it.
 * - decision key: `criterionId` or `criterionId#itemId`, how screens name a decision. Criterion
 *   ids never contain `#` (parse-rubric.ts), so the first `#` splits the two.
 * - review: flags `{accept, reason?}`, list criteria `{accepted, rejected}` with the accepted
 *   ids in the order the package claims them, judged criteria `{value}`, and overrides.
 */
import type { DecisionView, OverrideView } from '../api/expert-work-types.ts';
import { dec } from '../decimal/decimal.ts';
import { assertNever } from '../rubric/assert-never.ts';
import { criteriaOf } from '../rubric/rubric-index.ts';
import type { Claims, Decision, Overrides, Review, Rubric } from '../rubric/types.ts';

export interface StoredDecision {
  readonly criterionId: string;
  /** Set for an item of a list criterion. */
  readonly itemId: string | null;
  readonly decision: DecisionView;
}

export interface StoredOverride extends OverrideView {
  readonly indicatorId: string;
}

export function decisionKey(criterionId: string, itemId: string | null | undefined): string {
  return itemId === null || itemId === undefined ? criterionId : `${criterionId}#${itemId}`;
}

export function splitDecisionKey(key: string): { criterionId: string; itemId: string | null } {
  const at = key.indexOf('#');
  return at < 0 ? { criterionId: key, itemId: null } : { criterionId: key.slice(0, at), itemId: key.slice(at + 1) };
}

/** The ids of a list claim's items, in the package's order. */
export function claimedItemIds(claims: Claims, criterionId: string): string[] {
  const claim: unknown = Object.prototype.hasOwnProperty.call(claims, criterionId) ? claims[criterionId] : undefined;
  const items = typeof claim === 'object' && claim !== null ? (claim as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : [],
  );
}

/** Whether the package claims a flag criterion as `true`. */
export function flagClaimed(claims: Claims, criterionId: string): boolean {
  const claim: unknown = Object.prototype.hasOwnProperty.call(claims, criterionId) ? claims[criterionId] : undefined;
  return typeof claim === 'object' && claim !== null && (claim as { claimed?: unknown }).claimed === true;
}

/** The engine's review (and the sheet's `decisions` and `overrides`) from stored rows. */
export function reviewFromStored(
  rubric: Rubric,
  claims: Claims,
  decisions: readonly StoredDecision[],
  overrides: readonly StoredOverride[],
): Review {
  const byKey = new Map(decisions.map((d) => [decisionKey(d.criterionId, d.itemId), d.decision]));
  const result: Record<string, Decision> = {};
  for (const criterion of criteriaOf(rubric)) {
    switch (criterion.kind) {
      case 'flag': {
        const stored = byKey.get(criterion.id);
        if (stored !== undefined && 'accept' in stored) {
          result[criterion.id] = stored.accept ? { accept: true } : { accept: false, reason: stored.reason };
        }
        break;
      }
      case 'perItem':
      case 'perPair':
      case 'band':
      case 'tier': {
        const accepted: string[] = [];
        const rejected: Record<string, string> = {};
        for (const itemId of new Set(claimedItemIds(claims, criterion.id))) {
          const stored = byKey.get(decisionKey(criterion.id, itemId));
          if (stored === undefined || !('accept' in stored)) continue;
          if (stored.accept) accepted.push(itemId);
          else rejected[itemId] = stored.reason;
        }
        if (accepted.length > 0 || Object.keys(rejected).length > 0) result[criterion.id] = { accepted, rejected };
        break;
      }
      case 'judged': {
        const stored = byKey.get(criterion.id);
        if (stored !== undefined && 'value' in stored) result[criterion.id] = { value: dec(stored.value).toNumber() };
        break;
      }
      default:
        assertNever(criterion);
    }
  }
  const overrideRecord: Record<string, { score: number; reason: string }> = {};
  for (const o of overrides) overrideRecord[o.indicatorId] = { score: dec(o.score).toNumber(), reason: o.reason };
  return { decisions: result, overrides: overrideRecord satisfies Overrides };
}

/** How many decisions the package needs: claimed flags, claimed items, every judged criterion. */
export function decisionsNeeded(rubric: Rubric, claims: Claims): number {
  let count = 0;
  for (const criterion of criteriaOf(rubric)) {
    switch (criterion.kind) {
      case 'flag':
        if (flagClaimed(claims, criterion.id)) count += 1;
        break;
      case 'perItem':
      case 'perPair':
      case 'band':
      case 'tier':
        count += new Set(claimedItemIds(claims, criterion.id)).size;
        break;
      case 'judged':
        count += 1;
        break;
      default:
        assertNever(criterion);
    }
  }
  return count;
}
