/**
 * Review state: what the scoring view and the alliance list show of one expert's review of
 * one package, computed from the stored work by the rubric engine (never by the renderer).
 *
 * - status: 已回避 when the expert recused; 未开始 when nothing is decided or overridden yet;
 *   已完成 when nothing is left undecided; 进行中 otherwise.
 * - running total: the engine's total of the decisions so far; an undecided claim scores 0.
 */
import type { Database } from 'better-sqlite3';
import type { AllianceProgress, DecisionView, OverrideView, ReviewState, ReviewStatus, StepView } from '../../shared/api/expert-work-types.ts';
import { assertNever } from '../../shared/rubric/assert-never.ts';
import { describeReviewProblem } from '../../shared/rubric/review-problem.ts';
import type { ReviewScore } from '../../shared/rubric/score-review.ts';
import { scoreReview } from '../../shared/rubric/score-review.ts';
import { decisionKey, decisionsNeeded, reviewFromStored } from '../../shared/review/stored-review.ts';
import { scoreView } from '../../shared/review/score-view.ts';
import { lockingSheet } from './signed-sheet-store.ts';
import { canUndo, nextRedo, nextUndo, type Step } from './review-changes.ts';
import { amendedCriteria, pendingCarried } from '../package-store/carry-over.ts';
import type { ReviewPackage } from './review-package.ts';
import type { ReviewKey, StoredWork } from './review-store.ts';
import { lastChange, readRecusal, readStoredWork } from './review-store.ts';

export interface ComputedReview {
  readonly work: StoredWork;
  readonly recusalReason: string | null;
  readonly score: ReviewScore;
  readonly decided: number;
  readonly status: ReviewStatus;
}

export function computeReview(db: Database, pkg: ReviewPackage, expertId: number): ComputedReview {
  const work = readStoredWork(db, { expertId, packageId: pkg.id });
  const recusalReason = readRecusal(db, expertId, pkg.allianceId, pkg.year);
  const score = scoreReview(pkg.rubric, pkg.claims, reviewFromStored(pkg.rubric, pkg.claims, work.decisions, work.overrides));
  const decided = Math.max(0, decisionsNeeded(pkg.rubric, pkg.claims) - score.undecided.length);
  const status: ReviewStatus =
    recusalReason !== null
      ? 'recused'
      : work.decisions.length === 0 && work.overrides.length === 0
        ? 'not-started'
        : score.undecided.length === 0
          ? 'complete'
          : 'in-progress';
  return { work, recusalReason, score, decided, status };
}

export function reviewState(db: Database, pkg: ReviewPackage, expertId: number): ReviewState {
  const key: ReviewKey = { expertId, packageId: pkg.id };
  const computed = computeReview(db, pkg, expertId);
  const { work, score } = computed;
  const decisions: ReviewState['decisions'] = Object.fromEntries(
    work.decisions.map((d) => [decisionKey(d.criterionId, d.itemId), d.decision]),
  );
  const overrides: ReviewState['overrides'] = Object.fromEntries(
    work.overrides.map((o) => [o.indicatorId, { score: o.score, reason: o.reason }]),
  );
  return {
    expertId,
    packageId: pkg.id,
    decisions,
    overrides,
    comment: work.comment,
    explanations: work.explanations,
    carried: pendingCarried(db, expertId, pkg.id).map((c) => decisionKey(c.criterionId, c.itemId)),
    amended: amendedCriteria(db, pkg.id),
    recusalReason: computed.recusalReason,
    locked: lockingSheet(db, expertId, pkg.year) !== null,
    score: scoreView(score),
    undecided: score.undecided.map((u) => ({ criterionId: u.criterionId, itemId: u.itemId ?? null })),
    problems: score.problems.map(describeReviewProblem),
    decided: computed.decided,
    status: computed.status,
    canUndo: canUndo(db, key),
    nextUndo: stepView(nextUndo(db, key)),
    nextRedo: stepView(nextRedo(db, key)),
    lastSaved: lastChange(db, key),
  };
}

export function allianceProgress(db: Database, pkg: ReviewPackage, expertId: number): AllianceProgress {
  const computed = computeReview(db, pkg, expertId);
  const first = computed.score.undecided[0];
  const view = scoreView(computed.score);
  return {
    packageId: pkg.id,
    allianceId: pkg.allianceId,
    allianceName: pkg.allianceName,
    allianceKind: pkg.allianceKind,
    year: pkg.year,
    version: pkg.version,
    digest: pkg.digest,
    selfTotal: pkg.selfTotal,
    selfGrade: pkg.selfGrade,
    decided: computed.decided,
    undecided: computed.score.undecided.length,
    carried: computed.recusalReason === null ? pendingCarried(db, expertId, pkg.id).length : 0,
    total: view.total,
    grade: view.grade,
    status: computed.status,
    recusalReason: computed.recusalReason,
    problemCount: computed.score.problems.length,
    firstUndecided: first === undefined ? null : { criterionId: first.criterionId, itemId: first.itemId ?? null },
  };
}

function stepView(step: Step | null): StepView | null {
  if (step === null) return null;
  const { subject, after, count } = step;
  switch (subject.kind) {
    case 'decision':
      return { subject: { ...subject, decision: after as DecisionView | null }, count };
    case 'override':
      return { subject: { ...subject, override: after as OverrideView | null }, count };
    case 'comment':
      return { subject: { kind: 'comment' }, count };
    case 'recusal':
      // Recusals are never a step of undo (review-changes.ts).
      return null;
    default:
      return assertNever(subject);
  }
}
