/**
 * Claim checks: the rubric-aware part of manifest validation (package-format.md, "claims").
 *
 * - claim: the value of `claims.<criterion id>`; its shape depends on the criterion's kind.
 * - evidence reference: one string of an `evidence` list, with its JSON path; each must name a
 *   file of the package.
 * - valid claim: one that passed its schema; only valid claims are scored (for the over-cap
 *   warning) and kept in the validated manifest.
 *
 * Checks run on the raw value as far as it can be read, so one claim with a missing title and
 * a wrong evidence path reports both at once.
 */
import { assertNever } from '../rubric/assert-never.ts';
import { indexRubric } from '../rubric/rubric-index.ts';
import type { Claim, Criterion, Rubric } from '../rubric/types.ts';
import { formatJsonPath, type JsonPathSegment } from './json-path.ts';
import { claimShape, kindName } from './manifest-fields.ts';
import { claimSchema, ISO_DATE } from './manifest-schema.ts';
import type { TextPosition } from './parse-json.ts';
import { appendProblems, problem, type PackageProblem } from './problem.ts';
import { schemaProblems, showValue } from './schema-problems.ts';
import { closest } from './suggest.ts';

export interface EvidenceReference {
  readonly path: readonly JsonPathSegment[];
  readonly value: string;
}

/** A dated item whose date is a real calendar date, for the assessment-year warning. */
export interface DatedItem {
  readonly path: readonly JsonPathSegment[];
  readonly date: string;
}

export interface ClaimsCheck {
  readonly problems: readonly PackageProblem[];
  /** Criterion id → claim, for the claims that passed their schema. */
  readonly validClaims: Readonly<Record<string, Claim>>;
  readonly evidence: readonly EvidenceReference[];
  readonly datedItems: readonly DatedItem[];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** A claim written for another kind of criterion (`{ "claimed": true }` for a list criterion). */
function isWrongShape(criterion: Criterion, claim: unknown): boolean {
  if (!isPlainObject(claim)) return true;
  switch (criterion.kind) {
    case 'flag':
      return !has(claim, 'claimed') && (has(claim, 'items') || has(claim, 'value'));
    case 'perItem':
    case 'perPair':
    case 'band':
    case 'tier':
      return !has(claim, 'items') && (has(claim, 'claimed') || has(claim, 'value'));
    case 'judged':
      return has(claim, 'claimed') || has(claim, 'items');
    default:
      return assertNever(criterion);
  }
}

/** Whether `YYYY-MM-DD` is a date that exists (no 2026-02-30). */
export function isRealDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

export function checkClaims(
  claims: Record<string, unknown>,
  rubric: Rubric,
  positionOf: (path: readonly JsonPathSegment[]) => TextPosition | undefined,
  root: unknown,
): ClaimsCheck {
  const index = indexRubric(rubric);
  const problems: PackageProblem[] = [];
  const validClaims: Record<string, Claim> = {};
  const evidence: EvidenceReference[] = [];
  const datedItems: DatedItem[] = [];

  for (const [id, claim] of Object.entries(claims)) {
    const base: JsonPathSegment[] = ['claims', id];
    const where = formatJsonPath(base);
    const criterion = index.criteria.get(id)?.criterion;
    if (criterion === undefined) {
      problems.push(problem('criterion-unknown', where, unknownCriterionMessage(id, rubric), positionOf(base)));
      continue;
    }
    if (isWrongShape(criterion, claim)) {
      problems.push(
        problem(
          'claim-wrong-shape',
          where,
          `“${where}”的写法与评分项类型不符：${id}（${criterion.label}）是${kindName(criterion.kind)}评分项，应写成 ${claimShape(criterion.kind)}；现在是 ${showValue(claim)}。`,
          positionOf(base),
        ),
      );
      continue;
    }
    const record = claim as Record<string, unknown>;
    const parsed = claimSchema(criterion).safeParse(record);
    if (parsed.success) validClaims[id] = parsed.data as Claim;
    else appendProblems(problems, schemaProblems(parsed.error.issues, base, { root, criterion, positionOf }));

    collectEvidence(record['evidence'], [...base, 'evidence'], evidence);
    const items = record['items'];
    if (!Array.isArray(items)) continue;
    const seenIds = new Set<string>();
    items.forEach((item: unknown, i) => {
      if (!isPlainObject(item)) return;
      const itemPath = [...base, 'items', i];
      const itemId = item['id'];
      if (typeof itemId === 'string' && itemId.trim() !== '') {
        if (seenIds.has(itemId)) {
          const idPath = [...itemPath, 'id'];
          problems.push(
            problem(
              'item-id-duplicate',
              formatJsonPath(idPath),
              `条目编号“${itemId}”在 ${id} 里重复了。专家按编号认定条目，同一评分项内每个条目的 id 必须不同，请改正。`,
              positionOf(idPath),
            ),
          );
        }
        seenIds.add(itemId);
      }
      const date = item['date'];
      if (typeof date === 'string' && ISO_DATE.test(date)) {
        const datePath = [...itemPath, 'date'];
        if (isRealDate(date)) {
          datedItems.push({ path: datePath, date });
        } else {
          problems.push(
            problem(
              'field-invalid',
              formatJsonPath(datePath),
              `“${formatJsonPath(datePath)}”写得不对：${date} 不是一个真实存在的日期；应为日期（文字），格式 YYYY-MM-DD，如 "2026-05-12"。`,
              positionOf(datePath),
            ),
          );
        }
      }
      collectEvidence(item['evidence'], [...itemPath, 'evidence'], evidence);
    });
  }
  return { problems, validClaims, evidence, datedItems };
}

function collectEvidence(list: unknown, path: readonly JsonPathSegment[], into: EvidenceReference[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((value: unknown, i) => {
    if (typeof value === 'string') into.push({ path: [...path, i], value });
  });
}

function unknownCriterionMessage(id: string, rubric: Rubric): string {
  const index = indexRubric(rubric);
  const indicator = index.indicators.get(id)?.indicator;
  if (indicator !== undefined) {
    const ids = indicator.criteria.map((c) => c.id).join('、');
    return `“${id}”是指标（${indicator.label}）的编号，申报要写到具体的评分项：${ids}。请改正键名。`;
  }
  const guess = closest(id, [...index.criteria.keys()]);
  const hint = guess === null ? '' : `是不是“${guess}”（${index.criteria.get(guess)?.criterion.label ?? ''}）？`;
  return `评分细则 ${rubric.id} 中没有评分项“${id}”。${hint}请按评分细则改正键名（评分项编号区分大小写）。`;
}
