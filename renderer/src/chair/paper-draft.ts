/**
 * A paper entry as it is being typed (the draft), and what it becomes: the sheet's reviews sent
 * to main (`toContent`), the draft again from a saved entry (`fromContent`), the start
 * 全部认定 (`acceptAllUnfilled`) and the alliance's score so far (`allianceScore`), computed by
 * the scoring engine itself (shared/rubric/score-review.ts), the same code that scores a sheet
 * in the merge, so the total on screen is the total the sheet will count with.
 *
 * Typed text (reasons, comments) is kept exactly as typed: nothing here trims or rewrites it.
 */
import type { PaperFormView } from '../../../shared/api/chair-types.ts';
import type { PaperContent } from '../../../shared/paper/paper-entries.ts';
import { choiceKey, paperFormRows } from '../../../shared/paper/paper-form-rows.ts';
import type { ReviewScore } from '../../../shared/rubric/score-review.ts';
import { scoreReview } from '../../../shared/rubric/score-review.ts';
import type { Decision, Override } from '../../../shared/rubric/types.ts';
import type { SheetReview } from '../../../shared/sheet/sheet-schema.ts';

export interface Choice {
  readonly accept: boolean | null;
  readonly reason: string;
}

export interface DraftReview {
  readonly recused: boolean;
  readonly comment: string;
  /** criterion id → choice (flags), criterion id + '/' + item id → choice (list items). */
  readonly choices: Readonly<Record<string, Choice>>;
  readonly judged: Readonly<Record<string, string>>;
  readonly overrides: Readonly<Record<string, { readonly score: string; readonly reason: string }>>;
}

export interface Draft {
  readonly signedOn: string;
  readonly reviews: Readonly<Record<string, DraftReview>>;
}

export type FormAlliance = PaperFormView['alliances'][number];

export const emptyReview: DraftReview = { recused: false, comment: '', choices: {}, judged: {}, overrides: {} };

/** One alliance's review as the sheet holds it: only what the rubric asks to decide. */
function reviewOf(review: DraftReview, alliance: FormAlliance, form: PaperFormView): SheetReview {
  const base = { allianceId: alliance.allianceId, packageDigest: alliance.digest };
  if (review.recused) return { ...base, recused: true, decisions: {}, comment: review.comment };
  const decisions: Record<string, Decision> = {};
  for (const row of paperFormRows(form.rubric, alliance.claims)) {
    if (row.kind === 'flag') {
      const choice = review.choices[choiceKey(row)];
      if (choice?.accept === true) decisions[row.criterion.id] = { accept: true };
      else if (choice?.accept === false) decisions[row.criterion.id] = { accept: false, reason: choice.reason };
    } else if (row.kind === 'judged') {
      const text = review.judged[row.criterion.id] ?? '';
      if (text.trim() !== '') decisions[row.criterion.id] = { value: Number(text) };
    } else if (row.kind === 'item') {
      const existing = decisions[row.criterion.id];
      const list = existing !== undefined && 'accepted' in existing ? existing : { accepted: [], rejected: {} };
      const choice = review.choices[choiceKey(row)];
      decisions[row.criterion.id] = {
        accepted: choice?.accept === true ? [...list.accepted, row.item.id] : list.accepted,
        rejected: choice?.accept === false ? { ...list.rejected, [row.item.id]: choice.reason } : list.rejected,
      };
    }
  }
  const overrides: Record<string, Override> = {};
  for (const [id, o] of Object.entries(review.overrides)) if (o.score.trim() !== '') overrides[id] = { score: Number(o.score), reason: o.reason };
  return {
    ...base,
    recused: false,
    decisions,
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
    ...(review.comment.trim() !== '' ? { comment: review.comment } : {}),
  };
}

/** The draft as the sheet's reviews, every alliance of the meeting in the form's order. */
export function toContent(draft: Draft, form: PaperFormView): PaperContent {
  const reviews = form.alliances.map((alliance) => reviewOf(draft.reviews[alliance.allianceId] ?? emptyReview, alliance, form));
  return { signedOn: draft.signedOn, reviews };
}

export function fromContent(content: PaperContent): Draft {
  const reviews: Record<string, DraftReview> = {};
  for (const review of content.reviews) {
    const choices: Record<string, Choice> = {};
    const judged: Record<string, string> = {};
    for (const [id, d] of Object.entries(review.decisions ?? {})) {
      if ('accept' in d) choices[id] = { accept: d.accept, reason: d.reason ?? '' };
      else if ('accepted' in d) {
        for (const item of d.accepted) choices[`${id}/${item}`] = { accept: true, reason: '' };
        for (const [item, reason] of Object.entries(d.rejected)) choices[`${id}/${item}`] = { accept: false, reason };
      } else judged[id] = String(d.value);
    }
    const overrides: Record<string, { score: string; reason: string }> = {};
    for (const [id, o] of Object.entries(review.overrides ?? {})) overrides[id] = { score: String(o.score), reason: o.reason };
    reviews[review.allianceId] = { recused: review.recused, comment: review.comment ?? '', choices, judged, overrides };
  }
  return { signedOn: content.signedOn, reviews };
}

/**
 * 全部认定: every flag and item still 未填 becomes 认定, so the clerk then types only the
 * exceptions. What was already chosen stays; judged scores are numbers on the paper and are
 * never filled in for the clerk. Returns the review and how many choices it set.
 */
export function acceptAllUnfilled(review: DraftReview, alliance: FormAlliance, form: PaperFormView): { review: DraftReview; count: number } {
  const choices: Record<string, Choice> = { ...review.choices };
  let count = 0;
  for (const row of paperFormRows(form.rubric, alliance.claims)) {
    if (row.kind !== 'flag' && row.kind !== 'item') continue;
    const key = choiceKey(row);
    if ((choices[key]?.accept ?? null) !== null) continue;
    choices[key] = { accept: true, reason: choices[key]?.reason ?? '' };
    count += 1;
  }
  return { review: { ...review, choices }, count };
}

export type AllianceState =
  | { readonly kind: 'untouched' }
  | { readonly kind: 'recused' }
  | { readonly kind: 'typing'; readonly open: number }
  | { readonly kind: 'complete' };

/** The alliance's score so far, by the engine; null when recused. */
export function allianceScore(draft: Draft, alliance: FormAlliance, form: PaperFormView): ReviewScore | null {
  const review = draft.reviews[alliance.allianceId] ?? emptyReview;
  if (review.recused) return null;
  const sheetReview = reviewOf(review, alliance, form);
  return scoreReview(form.rubric, alliance.claims, { decisions: sheetReview.decisions ?? {}, overrides: sheetReview.overrides });
}

export function allianceState(draft: Draft, alliance: FormAlliance, form: PaperFormView): AllianceState {
  const review = draft.reviews[alliance.allianceId];
  if (review === undefined) return { kind: 'untouched' };
  if (review.recused) return { kind: 'recused' };
  const score = allianceScore(draft, alliance, form);
  const open = score?.undecided.length ?? 0;
  return open === 0 ? { kind: 'complete' } : { kind: 'typing', open };
}
