/**
 * The paper score form's rows for one alliance, in the order the expert writes them and the
 * clerk types them: the blank form (electron/export/pdf/paper-form-document.ts) and the double
 * entry screen (renderer/src/chair/paper-tab.tsx) both lay themselves out from this one list,
 * so the two cannot drift apart item for item.
 *
 * - indicator row: the heading of an indicator, where an override (改判得分 and its reason) is
 *   written.
 * - flag row: a flag criterion the alliance claims (认定 / 不予认定 with a reason). A flag
 *   not claimed is not on the form: there is nothing to decide.
 * - item row: one claimed item of a list criterion (认定 / 不予认定 with a reason).
 * - judged row: a criterion whose score the expert gives (0 to its maximum).
 */
import type { Claim, ClaimItem, Claims, Criterion, FlagCriterion, Indicator, JudgedCriterion, ListCriterion, Rubric } from '../rubric/types.ts';

/** An alliance as the paper form and the entry screen show it. */
export interface PaperFormAlliance {
  readonly allianceId: string;
  readonly allianceName: string;
  readonly digest: string;
  readonly claims: Claims;
}

/**
 * The meeting's alliances in the form's order, by alliance id: the order the paper is printed
 * in, the screen lists them in and the CLI prints them in, whatever order they were read in.
 */
export function paperFormAlliances(packages: readonly PaperFormAlliance[]): PaperFormAlliance[] {
  return packages
    .map((p) => ({ allianceId: p.allianceId, allianceName: p.allianceName, digest: p.digest, claims: p.claims }))
    .sort((a, b) => (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0));
}

export type PaperFormRow =
  | { readonly kind: 'indicator'; readonly indicator: Indicator }
  | { readonly kind: 'flag'; readonly indicator: Indicator; readonly criterion: FlagCriterion; readonly note: string | null }
  | { readonly kind: 'item'; readonly indicator: Indicator; readonly criterion: ListCriterion; readonly item: ClaimItem }
  | { readonly kind: 'judged'; readonly indicator: Indicator; readonly criterion: JudgedCriterion };

function isListCriterion(criterion: Criterion): criterion is ListCriterion {
  return criterion.kind !== 'flag' && criterion.kind !== 'judged';
}

function itemsOf(claim: Claim | undefined): readonly ClaimItem[] {
  return claim !== undefined && 'items' in claim ? claim.items : [];
}

export function paperFormRows(rubric: Rubric, claims: Claims): PaperFormRow[] {
  const rows: PaperFormRow[] = [];
  for (const group of rubric.groups) {
    for (const indicator of group.indicators) {
      rows.push({ kind: 'indicator', indicator });
      for (const criterion of indicator.criteria) {
        const claim = claims[criterion.id];
        if (criterion.kind === 'flag') {
          if (claim !== undefined && 'claimed' in claim && claim.claimed) rows.push({ kind: 'flag', indicator, criterion, note: claim.note ?? null });
        } else if (criterion.kind === 'judged') {
          rows.push({ kind: 'judged', indicator, criterion });
        } else if (isListCriterion(criterion)) {
          for (const item of itemsOf(claim)) rows.push({ kind: 'item', indicator, criterion, item });
        }
      }
    }
  }
  return rows;
}

/** The key of a row's choice in an entry: the criterion id, and `/item id` for an item. */
export function choiceKey(row: PaperFormRow & { readonly kind: 'flag' | 'item' }): string {
  return row.kind === 'flag' ? row.criterion.id : `${row.criterion.id}/${row.item.id}`;
}

/** What an item claims, as the form prints it beside its title: its date and amount. */
export function itemClaimText(item: ClaimItem): string {
  const parts: string[] = [];
  if (item.date !== undefined) parts.push(item.date);
  if (item.amountWan !== undefined) parts.push(`${item.amountWan} 万元`);
  return parts.join('，');
}
