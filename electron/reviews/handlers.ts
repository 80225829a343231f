/**
 * The scoring channels: every change is checked against the rubric and the package, refused
 * before the expert's sign-in where the year's meeting needs one (sign-in-store.ts), while the year is signed (until the expert revises) or the alliance recused, stored in one
 * transaction with its change-log entry, and answered with the review state as now stored, so
 * what the expert sees is always what is saved.
 */
import type { ReviewOpen, ReviewState } from '../../shared/api/expert-work-types.ts';
import { dec } from '../../shared/decimal/decimal.ts';
import { checkDecision, checkOverride } from '../../shared/review/check-decision.ts';
import { scoreView } from '../../shared/review/score-view.ts';
import { selfScore } from '../../shared/rubric/self-score.ts';
import type { ServiceContext } from '../app/context.ts';
import { expertById } from '../experts/expert-store.ts';
import { assertSignedIn, signInExpert, signInView } from './sign-in-store.ts';
import { AppError } from '../errors/app-error.ts';
import type { reviewChannels } from '../../shared/api/review-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { packageDetail } from '../package-store/package-store.ts';
import { assertNotSigned } from './signed-sheet-store.ts';
import { expertWorkspace } from './expert-workspace.ts';
import { applyChange, applyChanges, redoLastUndo, undoLastChange } from './review-changes.ts';
import type { ReviewPackage } from './review-package.ts';
import { loadReviewPackage } from './review-package.ts';
import { reviewState } from './review-state.ts';
import { readRecusal } from './review-store.ts';
import { confirmCarried, dropCarried } from '../package-store/carry-over.ts';

interface Writable {
  readonly pkg: ReviewPackage;
  readonly key: { readonly expertId: number; readonly packageId: number };
  /** Runs inside the change's transaction: the checks that may change between calls. */
  readonly guard: () => void;
}

async function writable(ctx: ServiceContext, expertId: number, packageId: number, scoring: boolean): Promise<Writable> {
  expertById(ctx.db, expertId);
  const pkg = await loadReviewPackage(ctx, packageId);
  if (!pkg.latest) {
    throw new AppError('package-superseded', `${pkg.allianceName} 已有新版本的材料包，请回到联盟列表重新打开该联盟。`);
  }
  const guard = () => {
    assertSignedIn(ctx.db, expertId, pkg.year);
    assertNotSigned(ctx.db, expertId, pkg.year);
    if (scoring && readRecusal(ctx.db, expertId, pkg.allianceId, pkg.year) !== null) {
      throw new AppError('recused', `您已申请回避 ${pkg.allianceName}，不能评分。如需评分，请先在联盟列表中撤销回避。`);
    }
  };
  return { pkg, key: { expertId, packageId }, guard };
}

function refuseIf(message: string | null): void {
  if (message !== null) throw new AppError('decision-invalid', message);
}

export const reviewHandlers = {
  'expert-workspace': (ctx, request) => expertWorkspace(ctx, request.expertId, request.year),
  'review-open': async (ctx, request): Promise<ReviewOpen> => {
    expertById(ctx.db, request.expertId);
    const pkg = await loadReviewPackage(ctx, request.packageId);
    const detail = packageDetail(ctx.db, pkg.id);
    return {
      package: detail.summary,
      selfReport: pkg.manifest.selfReport,
      rubric: pkg.rubric,
      claims: pkg.claims,
      files: detail.files,
      // The scoring screen says beside the criterion itself when a criterion is meant for another
      // alliance kind; the package's copy of that warning would say it a second time.
      warnings: detail.warnings.filter((w) => w.code !== 'criterion-not-for-kind'),
      self: scoreView(selfScore(pkg.rubric, pkg.claims)),
      state: reviewState(ctx.db, pkg, request.expertId),
    };
  },
  'decision-set': async (ctx, request): Promise<ReviewState> => {
    const { pkg, key, guard } = await writable(ctx, request.expertId, request.packageId, true);
    const itemId = request.itemId ?? null;
    const change = request.decision;
    refuseIf(checkDecision(pkg.rubric, pkg.claims, request.criterionId, itemId, change));
    const after =
      change === null
        ? null
        : 'value' in change
          ? { value: dec(change.value).toFixed() }
          : change.accept
            ? ({ accept: true } as const)
            : ({ accept: false, reason: change.reason } as const);
    ctx.db.transaction(() => {
      applyChange(ctx.db, key, { kind: 'decision', criterionId: request.criterionId, itemId }, after, ctx.now(), guard);
      // Deciding a carried claim again makes the decision the expert's own: nothing left to confirm.
      dropCarried(ctx.db, request.expertId, request.packageId, request.criterionId, itemId);
    })();
    return reviewState(ctx.db, pkg, request.expertId);
  },
  'decisions-accept': async (ctx, request): Promise<ReviewState> => {
    const { pkg, key, guard } = await writable(ctx, request.expertId, request.packageId, true);
    const changes = request.claims.map((claim) => {
      const itemId = claim.itemId ?? null;
      refuseIf(checkDecision(pkg.rubric, pkg.claims, claim.criterionId, itemId, { accept: true }));
      return { subject: { kind: 'decision', criterionId: claim.criterionId, itemId } as const, after: { accept: true } as const };
    });
    // A claim decided meanwhile (on purpose, either way) is left as the expert decided it.
    applyChanges(ctx.db, key, changes, ctx.now(), guard, (before) => before !== null);
    return reviewState(ctx.db, pkg, request.expertId);
  },
  'override-set': async (ctx, request): Promise<ReviewState> => {
    const { pkg, key, guard } = await writable(ctx, request.expertId, request.packageId, true);
    const override = request.override;
    refuseIf(checkOverride(pkg.rubric, request.indicatorId, override?.score ?? null));
    const after = override === null ? null : { score: dec(override.score).toFixed(), reason: override.reason };
    applyChange(ctx.db, key, { kind: 'override', indicatorId: request.indicatorId }, after, ctx.now(), guard);
    return reviewState(ctx.db, pkg, request.expertId);
  },
  'comment-set': async (ctx, request): Promise<ReviewState> => {
    const { pkg, key, guard } = await writable(ctx, request.expertId, request.packageId, true);
    const after = request.comment.trim() === '' ? null : { comment: request.comment };
    applyChange(ctx.db, key, { kind: 'comment' }, after, ctx.now(), guard);
    return reviewState(ctx.db, pkg, request.expertId);
  },
  'explanation-set': async (ctx, request): Promise<ReviewState> => {
    const { pkg, key, guard } = await writable(ctx, request.expertId, request.packageId, true);
    const criterion = pkg.rubric.groups.flatMap((g) => g.indicators.flatMap((i) => i.criteria)).find((c) => c.id === request.criterionId);
    // Only a judged score is the expert's own to explain; a flag or an item is proven or not.
    if (criterion?.kind !== 'judged') throw new AppError('decision-invalid', '只有专家打分的评分项可以写说明理由。');
    const text = request.explanation.trim();
    ctx.db.transaction(() => {
      guard();
      if (text === '') {
        ctx.db.prepare('DELETE FROM review_explanation WHERE expert_id = ? AND package_id = ? AND criterion_id = ?').run(key.expertId, key.packageId, criterion.id);
      } else {
        ctx.db
          .prepare(
            `INSERT INTO review_explanation (expert_id, package_id, criterion_id, explanation, updated_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (expert_id, package_id, criterion_id) DO UPDATE SET explanation = excluded.explanation, updated_at = excluded.updated_at`,
          )
          .run(key.expertId, key.packageId, criterion.id, request.explanation, ctx.now().toISOString());
      }
    })();
    return reviewState(ctx.db, pkg, request.expertId);
  },
  'carried-confirm': async (ctx, request): Promise<ReviewState> => {
    const { pkg, key, guard } = await writable(ctx, request.expertId, request.packageId, true);
    ctx.db.transaction(() => {
      guard();
      confirmCarried(ctx.db, key.expertId, key.packageId, ctx.now().toISOString());
    })();
    return reviewState(ctx.db, pkg, request.expertId);
  },
  'review-undo': async (ctx, request): Promise<ReviewState> => {
    const { pkg, key, guard } = await writable(ctx, request.expertId, request.packageId, true);
    undoLastChange(ctx.db, key, ctx.now(), guard);
    return reviewState(ctx.db, pkg, request.expertId);
  },
  'review-redo': async (ctx, request): Promise<ReviewState> => {
    const { pkg, key, guard } = await writable(ctx, request.expertId, request.packageId, true);
    redoLastUndo(ctx.db, key, ctx.now(), guard);
    return reviewState(ctx.db, pkg, request.expertId);
  },
  'sign-in-get': (ctx, request) => signInView(ctx.db, request.expertId, request.year),
  'sign-in-save': (ctx, request) => signInExpert(ctx, request),
  'recusal-set': async (ctx, request): Promise<ReviewState> => {
    const { pkg, key, guard } = await writable(ctx, request.expertId, request.packageId, false);
    const subject = { kind: 'recusal', allianceId: pkg.allianceId, year: pkg.year } as const;
    applyChange(ctx.db, key, subject, { reason: request.reason }, ctx.now(), guard);
    return reviewState(ctx.db, pkg, request.expertId);
  },
  'recusal-clear': async (ctx, request): Promise<ReviewState> => {
    const { pkg, key, guard } = await writable(ctx, request.expertId, request.packageId, false);
    const subject = { kind: 'recusal', allianceId: pkg.allianceId, year: pkg.year } as const;
    applyChange(ctx.db, key, subject, null, ctx.now(), guard);
    return reviewState(ctx.db, pkg, request.expertId);
  },
} satisfies HandlerSlice<keyof typeof reviewChannels>;
