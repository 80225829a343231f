/**
 * Claim rows: the scoring view's list, in rubric order, of everything an expert decides for one
 * package, and how it is grouped on screen.
 *
 * - row: one decision to make: a flag the package claims as true, one claimed item of a list
 *   criterion, or a judged criterion (always, claimed or not: the expert judges the document).
 *   J/K move from row to row; the row's key is its decision key (shared/review/stored-review.ts).
 * - criterion block: a criterion with its rows, or the note that nothing is claimed for it.
 * - kind warning: a criterion meant for other alliance kinds (rubric.md decision 5) that this
 *   package claims; it scores normally, and the expert is told.
 */
import type { PackageProblemView } from '../../../shared/api/package-types.ts';
import { decisionKey } from '../../../shared/review/stored-review.ts';
import { isMeantFor } from '../../../shared/rubric/self-score.ts';
import type {
  AllianceKind,
  ClaimItem,
  Claims,
  Criterion,
  FlagCriterion,
  Group,
  Indicator,
  JudgedCriterion,
  ListCriterion,
  Rubric,
} from '../../../shared/rubric/types.ts';
import { allianceKindLabel } from '../common/labels.ts';

export type ClaimRow =
  | { readonly kind: 'flag'; readonly key: string; readonly criterion: FlagCriterion; readonly indicator: Indicator; readonly note: string | null; readonly evidence: readonly string[] }
  | { readonly kind: 'item'; readonly key: string; readonly criterion: ListCriterion; readonly indicator: Indicator; readonly item: ClaimItem; readonly evidence: readonly string[] }
  | { readonly kind: 'judged'; readonly key: string; readonly criterion: JudgedCriterion; readonly indicator: Indicator; readonly selfValue: number | null; readonly evidence: readonly string[] };

export interface CriterionBlock {
  readonly criterion: Criterion;
  readonly rows: readonly ClaimRow[];
  /** Nothing claimed (no key, a flag claimed false, an empty list): scores 0, needs no decision. */
  readonly unclaimed: boolean;
  /** The alliance's note on a flag claimed false (why not). */
  readonly note: string | null;
  readonly kindWarning: string | null;
  /** Package warnings about this criterion (item without evidence, date outside the year, …). */
  readonly warnings: readonly string[];
}

export interface IndicatorBlock {
  readonly indicator: Indicator;
  readonly group: Group;
  readonly criteria: readonly CriterionBlock[];
}

export interface ClaimLayout {
  readonly indicators: readonly IndicatorBlock[];
  readonly rows: readonly ClaimRow[];
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function layoutClaims(rubric: Rubric, claims: Claims, kind: AllianceKind, warnings: readonly PackageProblemView[]): ClaimLayout {
  const rows: ClaimRow[] = [];
  const indicators: IndicatorBlock[] = [];
  const own = (id: string) => (Object.prototype.hasOwnProperty.call(claims, id) ? record(claims[id]) : null);
  for (const group of rubric.groups) {
    for (const indicator of group.indicators) {
      // One judged claim may carry the evidence for all of its indicator's judged criteria.
      const sharedJudgedEvidence = indicator.criteria.flatMap((c) => (c.kind === 'judged' ? strings(own(c.id)?.['evidence']) : []));
      const criteria: CriterionBlock[] = [];
      for (const criterion of indicator.criteria) {
        const claim = own(criterion.id);
        const blockRows: ClaimRow[] = [];
        let note: string | null = null;
        switch (criterion.kind) {
          case 'flag':
            note = typeof claim?.['note'] === 'string' ? claim['note'] : null;
            if (claim?.['claimed'] === true) {
              blockRows.push({ kind: 'flag', key: decisionKey(criterion.id, null), criterion, indicator, note, evidence: strings(claim['evidence']) });
            }
            break;
          case 'perItem':
          case 'perPair':
          case 'band':
          case 'tier':
            for (const raw of Array.isArray(claim?.['items']) ? (claim['items'] as unknown[]) : []) {
              const item = record(raw) as ClaimItem | null;
              if (item === null || typeof item.id !== 'string') continue;
              blockRows.push({ kind: 'item', key: decisionKey(criterion.id, item.id), criterion, indicator, item, evidence: strings(item.evidence) });
            }
            break;
          case 'judged': {
            const own = strings(claim?.['evidence']);
            const value = claim?.['value'];
            blockRows.push({
              kind: 'judged',
              key: decisionKey(criterion.id, null),
              criterion,
              indicator,
              selfValue: typeof value === 'number' ? value : null,
              evidence: own.length > 0 ? own : [...new Set(sharedJudgedEvidence)],
            });
            break;
          }
        }
        const claimed = criterion.kind === 'judged' ? claim !== null : blockRows.length > 0;
        criteria.push({
          criterion,
          rows: blockRows,
          unclaimed: criterion.kind === 'judged' ? false : blockRows.length === 0,
          note,
          kindWarning: claimed && !isMeantFor(criterion, kind) ? kindWarning(criterion, kind) : null,
          warnings: warnings.filter((w) => w.path === `claims.${criterion.id}` || w.path.startsWith(`claims.${criterion.id}.`)).map(describe(claim)),
        });
        rows.push(...blockRows);
      }
      indicators.push({ indicator, group, criteria });
    }
  }
  return { indicators, rows };
}

function kindWarning(criterion: Criterion, kind: AllianceKind): string {
  const meant = (criterion.forAllianceKinds ?? []).map((k) => allianceKindLabel[k]).join('、');
  return `本项仅适用于${meant}，本联盟为${allianceKindLabel[kind]}。按规则照常计分，请注意核实。`;
}

/** A package warning in words, naming the item it is about by its title. */
function describe(claim: Record<string, unknown> | null) {
  return (warning: PackageProblemView): string => {
    const index = /\.items\[(\d+)\]/.exec(warning.path)?.[1];
    const items = Array.isArray(claim?.['items']) ? (claim['items'] as unknown[]) : [];
    const item = index === undefined ? null : record(items[Number(index)]);
    const title = typeof item?.['title'] === 'string' ? `“${item['title']}”：` : '';
    return `${title}${warning.message}`;
  };
}

/** What a row is called on screen and in lists of what is left. */
export function rowLabel(row: ClaimRow): string {
  return row.kind === 'item' ? row.item.title : row.criterion.label;
}

/** How a criterion scores, in words, beside its label. */
export function scoringRule(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'flag':
      return `认定计 ${criterion.points} 分`;
    case 'perItem':
      return `每项 ${criterion.points} 分${criterion.cap === undefined ? '' : `，本项最多 ${criterion.cap} 分`}`;
    case 'perPair':
      return `每 2 项计 ${criterion.points} 分`;
    case 'band':
      return criterion.bands.map((b) => `${b.from}${b.to === null ? ' 项以上' : `–${b.to} 项`} 计 ${b.points} 分`).join('；');
    case 'tier':
      return criterion.tiers
        .map((t) => `${t.belowWan === null ? `≥ ${t.fromWan} 万元` : t.fromWan === 0 ? `< ${t.belowWan} 万元` : `${t.fromWan}–${t.belowWan} 万元`} 每项 ${t.points} 分`)
        .join('；');
    case 'judged':
      return `评分 0–${criterion.max} 分，步长 0.1`;
  }
}
