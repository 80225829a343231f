/**
 * Manifest warnings: the five package-format.md lists that the manifest alone decides (the sixth,
 * `file-not-viewable`, comes from the files' bytes: validate-manifest.ts). A warning does not refuse the
 * package; it is shown to the clerk at import and to the experts beside the claim.
 *
 * - kind-specific criterion: one meant for some alliance kinds only (I7's incubator and
 *   finance criteria); claimed by another kind it still scores (rubric.md decision 5).
 * - no evidence: a claimed flag, a list item, or a judged value with no document behind it.
 *   For judged criteria one claim of the indicator may carry the document for all of them
 *   (package-format.md, I10), so the warning is given only when none does.
 * - unnamed file: a file no claim names; `selfReport` and manifest.json count as named.
 * - outside the year: an item dated in another year than the assessment year.
 * - over the cap: the self-score of an indicator's claims, before the cap, exceeds the cap.
 *
 * Each warning has two texts: `message` tells whoever fixes the package which field to change
 * (what `validate` prints); `forReader` tells the clerk and the experts what it means for the
 * review, in their words, with the alliance kinds by the names the whole app uses.
 */
import { formatScore } from '../decimal/print-score.ts';
import { assertNever } from '../rubric/assert-never.ts';
import { criteriaOf, indexRubric } from '../rubric/rubric-index.ts';
import { criteriaClaimedOutsideKind, overCapIndicators, selfScore } from '../rubric/self-score.ts';
import type { AllianceKind, Claim, FlagClaim, JudgedClaim, ListClaim, Rubric } from '../rubric/types.ts';
import type { DatedItem } from './check-claims.ts';
import { allianceKindName, allianceKindWords } from './manifest-fields.ts';
import { formatJsonPath, type JsonPathSegment } from './json-path.ts';
import type { TextPosition } from './parse-json.ts';
import { problem, type PackageProblem } from './problem.ts';

export const MANIFEST_FILE = 'manifest.json';

export interface WarningInput {
  readonly rubric: Rubric;
  readonly kind: AllianceKind | null;
  readonly year: number | null;
  readonly validClaims: Readonly<Record<string, Claim>>;
  readonly datedItems: readonly DatedItem[];
  /** Package paths the manifest names (evidence that resolved, and selfReport). */
  readonly namedFiles: ReadonlySet<string>;
  readonly files: readonly string[];
  readonly positionOf: (path: readonly JsonPathSegment[]) => TextPosition | undefined;
}

export function manifestWarnings(input: WarningInput): PackageProblem[] {
  const { rubric, validClaims, positionOf } = input;
  const warnings: PackageProblem[] = [];
  const warn = (code: Parameters<typeof problem>[0], path: readonly JsonPathSegment[], message: string, forReader: string): void => {
    warnings.push({ ...problem(code, formatJsonPath(path), message, positionOf(path)), forReader });
  };

  if (input.kind !== null) {
    for (const criterion of criteriaClaimedOutsideKind(rubric, validClaims, input.kind)) {
      const meantFor = (criterion.forAllianceKinds ?? []).map(allianceKindName).join('、');
      warn(
        'criterion-not-for-kind',
        ['claims', criterion.id],
        `评分项 ${criterion.id}（${criterion.label}）是为${meantFor}设置的，本联盟的类型是${allianceKindName(input.kind)}。该项照常计分，请专家留意。`,
        `评分项“${criterion.label}”是为${(criterion.forAllianceKinds ?? []).map((k) => allianceKindWords[k]).join('、')}设置的，本联盟是${allianceKindWords[input.kind]}。按评分规则照常计分，请专家留意。`,
      );
    }
  }

  const noEvidence = '这一项没有证明材料，专家可能不予认定。请在 evidence 里写上证明材料的路径。';
  const noEvidenceForReader = '联盟没有为这一项附证明材料，专家可能不予认定。';
  const index = indexRubric(rubric);
  for (const criterion of criteriaOf(rubric)) {
    const claim = Object.prototype.hasOwnProperty.call(validClaims, criterion.id) ? validClaims[criterion.id] : undefined;
    if (claim === undefined) continue;
    const base = ['claims', criterion.id];
    switch (criterion.kind) {
      case 'flag': {
        const flag = claim as FlagClaim;
        if (flag.claimed && flag.evidence.length === 0) warn('item-no-evidence', [...base, 'evidence'], noEvidence, noEvidenceForReader);
        break;
      }
      case 'perItem':
      case 'perPair':
      case 'band':
      case 'tier':
        (claim as ListClaim).items.forEach((item, i) => {
          if (item.evidence.length === 0) warn('item-no-evidence', [...base, 'items', i, 'evidence'], noEvidence, noEvidenceForReader);
        });
        break;
      case 'judged': {
        if ((claim as JudgedClaim).value === undefined) break;
        const indicator = index.criteria.get(criterion.id)?.indicator;
        const siblings = indicator?.criteria.filter((c) => c.kind === 'judged') ?? [criterion];
        const documented = siblings.some((c) => {
          const sibling = validClaims[c.id] as JudgedClaim | undefined;
          return sibling !== undefined && (sibling.evidence?.length ?? 0) > 0;
        });
        if (!documented) {
          warn(
            'item-no-evidence',
            base,
            `这一项给了自评分，但 ${indicator?.id ?? criterion.id} 的各项都没有附上所评的文件（如白皮书或研究报告）。请在其中一项的 evidence 里写上它的路径。`,
            `这一项有自评分，但“${indicator?.label ?? criterion.label}”的各项都没有附上所评的文件（如白皮书或研究报告），专家可能不予认定。`,
          );
        }
        break;
      }
      default:
        assertNever(criterion);
    }
  }

  for (const file of input.files) {
    if (file === MANIFEST_FILE || input.namedFiles.has(file)) continue;
    warnings.push({
      ...problem(
        'file-not-referenced',
        file,
        'manifest.json 里没有任何申报项引用这个文件，专家评审时可能看不到它。如是证明材料，请在相应申报项的 evidence 里写上它的路径；如无用，请从包里删除。',
      ),
      forReader: '包里的这个文件没有对应任何申报项，专家评审时不会在申报项旁看到它（在材料的文件列表里仍可打开）。',
    });
  }

  if (input.year !== null) {
    for (const item of input.datedItems) {
      if (item.date.startsWith(`${input.year}-`)) continue;
      warn(
        'item-date-outside-year',
        item.path,
        `日期 ${item.date} 不在考核年度 ${input.year} 年内，专家可能不予认定。请核对日期或条目。`,
        `日期 ${item.date} 不在考核年度 ${input.year} 年内，专家可能不予认定，请核对。`,
      );
    }
  }

  const score = selfScore(rubric, validClaims);
  for (const over of overCapIndicators(rubric, score)) {
    const indicator = index.indicators.get(over.indicatorId)?.indicator;
    warnings.push(
      problem(
        'indicator-over-cap',
        over.indicatorId,
        `指标 ${over.indicatorId}（${indicator?.label ?? ''}）的申报按细则合计 ${formatScore(over.criteriaSum)} 分，超过该指标上限 ${over.cap} 分，超出部分不计分。`,
      ),
    );
  }
  return warnings;
}
