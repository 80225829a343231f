/**
 * Paper entries (纸质评分表的双人录入): an expert who scored on paper has their sheet typed in
 * twice, by two different people, the second without seeing the first (blind re-entry). Only
 * when both entries agree field by field does the sheet count.
 *
 * - paper content: what one person typed: the date on the paper and the reviews, in the sheet's
 *   own review shape (sheets-and-results.md), so the same completeness and validity rules apply.
 * - normal form: free text with Unicode NFKC (full-width and half-width forms alike) and runs of
 *   white space made one space, trimmed; empty optional texts left out; accepted items sorted;
 *   reviews in alliance order. Two entries agree when their normal forms are the same JSON value,
 *   and the agreed sheet is that normal form.
 * - mismatch: one field where the two entries differ, named for a person
 *   (`HFA-012 · I4.techContracts · tc-2`), with what each entry says.
 * - paper sheet: the agreed content as an unsigned sheet of the expert, signed at midnight China
 *   time of the date on the paper; it enters the merge marked as paper (shared/result/paper-sheet.ts).
 *   Its texts are the first entry's exactly as typed (trimmed only): the normal form decides
 *   whether two entries agree, but "不足，请" and "（仅签约）" must reach the signed documents as
 *   the expert wrote them, not as "不足,请" and "(仅签约)".
 */
import type { Decision, Override } from '../rubric/types.ts';
import type { SheetReview, UnsignedSheet } from '../sheet/sheet-schema.ts';
import { SHEET_FORMAT, SHEET_FORMAT_VERSION } from '../sheet/sheet-schema.ts';
import { canonicalJson } from '../format/canonical-json.ts';

export interface PaperContent {
  /** `YYYY-MM-DD`, the date the expert signed the paper. */
  readonly signedOn: string;
  readonly reviews: readonly SheetReview[];
}

export interface PaperMismatch {
  /** Where, by ids (`HFA-012 · I4.techContracts · tc-2 · 备注`); screens name it from `at`. */
  readonly where: string;
  /** The same place as parts, for a screen to name with the alliance's and criterion's names. */
  readonly at: {
    readonly allianceId: string | null;
    readonly criterionId: string | null;
    readonly itemId: string | null;
    readonly indicatorId: string | null;
    /** What of that place differs, in words (备注, 改判, 回避, 签字日期…), or null for its decision. */
    readonly field: string | null;
  };
  readonly first: string;
  readonly second: string;
}

export function normalText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** What the agreed sheet keeps of a typed text: all of it, without the spaces around it. */
export function keptText(text: string): string {
  return text.trim();
}

type TextForm = (text: string) => string;

function optionalText(text: string | undefined, form: TextForm): { present: false } | { present: true; text: string } {
  if (text === undefined) return { present: false };
  const normal = form(text);
  return normal === '' ? { present: false } : { present: true, text: normal };
}

function withOptional<T extends object>(base: T, key: string, text: string | undefined, form: TextForm): T {
  const value = optionalText(text, form);
  return value.present ? { ...base, [key]: value.text } : base;
}

function normalDecision(decision: Decision, form: TextForm): Decision {
  if ('accept' in decision) {
    const base = decision.accept ? { accept: true } : { accept: false, reason: form(decision.reason ?? '') };
    return withOptional(base, 'note', decision.note, form);
  }
  if ('accepted' in decision) {
    const rejected: Record<string, string> = {};
    for (const [id, reason] of Object.entries(decision.rejected)) rejected[id] = form(reason);
    return withOptional({ accepted: [...decision.accepted].sort(), rejected }, 'note', decision.note, form);
  }
  return withOptional({ value: decision.value }, 'note', decision.note, form);
}

function normalReview(review: SheetReview, form: TextForm): SheetReview {
  const base: SheetReview = { allianceId: review.allianceId, packageDigest: review.packageDigest, recused: review.recused };
  let normal: SheetReview = base;
  if (!review.recused) {
    const decisions: Record<string, Decision> = {};
    for (const [id, decision] of Object.entries(review.decisions ?? {})) decisions[id] = normalDecision(decision, form);
    normal = { ...normal, decisions };
    const overrides: Record<string, Override> = {};
    for (const [id, override] of Object.entries(review.overrides ?? {})) overrides[id] = { score: override.score, reason: form(override.reason) };
    if (Object.keys(overrides).length > 0) normal = { ...normal, overrides };
  } else {
    normal = { ...normal, decisions: {} };
  }
  return withOptional(normal, 'comment', review.comment, form);
}

/** The content in its normal form (`normalText`), or with its texts in another form (`keptText`). */
export function normalPaperContent(content: PaperContent, form: TextForm = normalText): PaperContent {
  const reviews = [...content.reviews].map((review) => normalReview(review, form)).sort((a, b) => (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0));
  return { signedOn: content.signedOn, reviews };
}

export function paperEntriesAgree(first: PaperContent, second: PaperContent): boolean {
  return canonicalJson(normalPaperContent(first)) === canonicalJson(normalPaperContent(second));
}

const MISSING = '（未填）';

function flagText(decision: Decision | undefined): string {
  if (decision === undefined) return MISSING;
  if ('accept' in decision) return decision.accept ? '认定' : `不予认定：${decision.reason ?? ''}`;
  return '（形状不符）';
}

function itemStatus(decision: Decision | undefined, itemId: string): string {
  if (decision === undefined || !('accepted' in decision)) return MISSING;
  if (decision.accepted.includes(itemId)) return '认定';
  const reason = decision.rejected[itemId];
  return reason === undefined ? MISSING : `不予认定：${reason}`;
}

function judgedText(decision: Decision | undefined): string {
  if (decision === undefined) return MISSING;
  return 'value' in decision ? String(decision.value) : '（形状不符）';
}

function noteOf(decision: Decision | undefined): string {
  return decision?.note ?? '';
}

function overrideText(override: Override | undefined): string {
  return override === undefined ? '无改判' : `改判为 ${override.score} 分：${override.reason}`;
}

function sortedUnion(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** Every field where the two entries differ (after normalizing); none when they agree. */
export function comparePaperEntries(firstEntry: PaperContent, secondEntry: PaperContent): PaperMismatch[] {
  const first = normalPaperContent(firstEntry);
  const second = normalPaperContent(secondEntry);
  const out: PaperMismatch[] = [];
  type Place = Partial<PaperMismatch['at']>;
  const differ = (place: Place, a: string, b: string) => {
    if (a === b) return;
    const at = { allianceId: null, criterionId: null, itemId: null, indicatorId: null, field: null, ...place };
    const indicatorPart = at.indicatorId === null ? [] : [`${at.indicatorId}${at.field === null ? '' : ` ${at.field}`}`];
    const fieldPart = at.field === null || at.indicatorId !== null ? [] : [at.field];
    const where = [at.allianceId, at.criterionId, at.itemId, ...indicatorPart, ...fieldPart].filter((part) => part !== null).join(' · ');
    out.push({ where, at, first: a, second: b });
  };
  differ({ field: '签字日期' }, first.signedOn, second.signedOn);
  const byAlliance = (content: PaperContent) => new Map(content.reviews.map((review) => [review.allianceId, review]));
  const a = byAlliance(first);
  const b = byAlliance(second);
  for (const allianceId of sortedUnion(a.keys(), b.keys())) {
    const ra = a.get(allianceId);
    const rb = b.get(allianceId);
    if (ra === undefined || rb === undefined) {
      differ({ allianceId, field: '评审' }, ra === undefined ? MISSING : '已填', rb === undefined ? MISSING : '已填');
      continue;
    }
    differ({ allianceId, field: '材料包' }, ra.packageDigest.slice(0, 12), rb.packageDigest.slice(0, 12));
    differ({ allianceId, field: '回避' }, ra.recused ? '回避' : '评审', rb.recused ? '回避' : '评审');
    differ({ allianceId, field: '总体意见' }, ra.comment ?? '', rb.comment ?? '');
    const da = ra.decisions ?? {};
    const db = rb.decisions ?? {};
    for (const criterionId of sortedUnion(Object.keys(da), Object.keys(db))) {
      const x = da[criterionId];
      const y = db[criterionId];
      const where = { allianceId, criterionId };
      const shape = (d: Decision | undefined) => (d === undefined ? null : 'accept' in d ? 'flag' : 'accepted' in d ? 'list' : 'judged');
      const kind = shape(x) ?? shape(y);
      if (kind === 'flag') differ(where, flagText(x), flagText(y));
      else if (kind === 'judged') differ(where, judgedText(x), judgedText(y));
      else {
        const items = (d: Decision | undefined) => (d !== undefined && 'accepted' in d ? [...d.accepted, ...Object.keys(d.rejected)] : []);
        for (const itemId of sortedUnion(items(x), items(y))) differ({ ...where, itemId }, itemStatus(x, itemId), itemStatus(y, itemId));
        if (shape(x) !== shape(y)) differ(where, x === undefined ? MISSING : '已填', y === undefined ? MISSING : '已填');
      }
      differ({ ...where, field: '备注' }, noteOf(x), noteOf(y));
    }
    const oa = ra.overrides ?? {};
    const ob = rb.overrides ?? {};
    for (const indicatorId of sortedUnion(Object.keys(oa), Object.keys(ob))) {
      differ({ allianceId, indicatorId, field: '改判' }, overrideText(oa[indicatorId]), overrideText(ob[indicatorId]));
    }
  }
  // The field list above covers every member of the normal form; should it ever miss one, the
  // entries must still not pass for equal.
  if (out.length === 0 && !paperEntriesAgree(firstEntry, secondEntry)) {
    out.push({
      where: '（其他字段）',
      at: { allianceId: null, criterionId: null, itemId: null, indicatorId: null, field: '（其他字段）' },
      first: '与第二次录入不同',
      second: '与第一次录入不同',
    });
  }
  return out;
}

/** The agreed content as the expert's unsigned sheet, its texts as typed (`keptText`). */
export function paperSheetOf(
  content: PaperContent,
  expert: { readonly id: string; readonly name: string },
  meeting: { readonly year: number; readonly rubric: string },
): UnsignedSheet {
  const normal = normalPaperContent(content, keptText);
  return {
    format: SHEET_FORMAT,
    version: SHEET_FORMAT_VERSION,
    year: meeting.year,
    rubric: meeting.rubric,
    expert: { id: expert.id, name: expert.name },
    signedAt: `${normal.signedOn}T00:00:00+08:00`,
    reviews: normal.reviews,
  };
}
