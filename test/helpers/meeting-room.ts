/**
 * Test helper: the laptops of an offline meeting room, each a ServiceContext on its own data
 * folder, and an expert scoring through the workspace channels as the renderer does.
 *
 * - room clock: one wall clock the laptops share, moved on by the test between the steps of the
 *   meeting, so that a sheet signed later really carries a later `signedAt`.
 * - scoring plan: what one expert decides about one alliance, written out only where it differs
 *   from "accept the claim": rejections with their reasons (by decision key, `I1.council` or
 *   `I4.techContracts#tc-2`), judged values, overrides, a comment, or a recusal. Judged criteria
 *   not in the plan take the alliance's own value (0 where it gave none).
 */
import type { ResponseOf } from '../../shared/api/contract.ts';
import type { ExpertWorkspace } from '../../shared/api/expert-work-types.ts';
import { criteriaOf } from '../../shared/rubric/rubric-index.ts';
import type { ServiceContext } from '../../electron/app/context.ts';
import { createContext } from '../../electron/app/context.ts';
import { dispatch } from '../../electron/ipc/handlers.ts';
import { call } from './call.ts';

export class RoomClock {
  private at: Date;
  constructor(iso: string) {
    this.at = new Date(iso);
  }
  /** Sets the time of the room (an ISO timestamp with its offset). */
  set(iso: string): void {
    this.at = new Date(iso);
  }
  now(): Date {
    return new Date(this.at.getTime());
  }
}

/** A laptop of the room: a fresh data folder and the room's clock. */
export function roomLaptop(dataDir: string, clock: RoomClock): ServiceContext {
  return createContext({ dataDir, shell: 'browser', version: '0.0.0-test', now: () => clock.now() });
}

/** Imports a meeting file as the meeting-file page does: start the job, wait, read the outcome. */
export async function importMeetingFile(ctx: ServiceContext, path: string, actor: string) {
  const { jobId } = await call(ctx, 'meeting-file-import', { actor, source: { path } });
  await ctx.jobs.idle();
  const status = await call(ctx, 'job-status', { jobId });
  const outcome = await dispatch(ctx, 'meeting-file-import-outcome', { jobId });
  return { status, outcome: outcome as { ok: true; value: ResponseOf<'meeting-file-import-outcome'> } | { ok: false; error: { code: string; message: string } } };
}

export interface AlliancePlan {
  readonly recuse?: string;
  readonly reject?: Readonly<Record<string, string>>;
  readonly values?: Readonly<Record<string, number>>;
  readonly overrides?: Readonly<Record<string, { readonly score: number; readonly reason: string }>>;
  readonly comment?: string;
}

/**
 * Decides every undecided claim of every alliance in the expert's workspace through the
 * channels, following the plan; throws when a plan names a decision no claim asked for, so a
 * typo in a test cannot pass unnoticed.
 */
export async function scoreThroughWorkspace(
  ctx: ServiceContext,
  expertId: number,
  plans: Readonly<Record<string, AlliancePlan>>,
): Promise<ExpertWorkspace> {
  const workspace = await call(ctx, 'expert-workspace', { expertId });
  const unknown = Object.keys(plans).filter((id) => !workspace.alliances.some((a) => a.allianceId === id));
  if (unknown.length > 0) throw new Error(`plans for alliances not in the workspace: ${unknown.join(', ')}`);
  for (const alliance of workspace.alliances) {
    const plan = plans[alliance.allianceId] ?? {};
    const who = { expertId, packageId: alliance.packageId };
    if (plan.recuse !== undefined) {
      await call(ctx, 'recusal-set', { ...who, reason: plan.recuse });
      continue;
    }
    const opened = await call(ctx, 'review-open', who);
    const judged = new Set(criteriaOf(opened.rubric).filter((c) => c.kind === 'judged').map((c) => c.id));
    const used = new Set<string>();
    for (const undecided of opened.state.undecided) {
      const key = undecided.itemId === null ? undecided.criterionId : `${undecided.criterionId}#${undecided.itemId}`;
      let decision: { accept: true } | { accept: false; reason: string } | { value: number };
      if (judged.has(undecided.criterionId)) {
        const claim = opened.claims[undecided.criterionId] as { value?: number } | undefined;
        decision = { value: plan.values?.[key] ?? claim?.value ?? 0 };
      } else {
        const reason = plan.reject?.[key];
        decision = reason === undefined ? { accept: true } : { accept: false, reason };
      }
      used.add(key);
      await call(ctx, 'decision-set', {
        ...who,
        criterionId: undecided.criterionId,
        ...(undecided.itemId === null ? {} : { itemId: undecided.itemId }),
        decision,
      });
    }
    const unused = [...Object.keys(plan.reject ?? {}), ...Object.keys(plan.values ?? {})].filter((key) => !used.has(key));
    if (unused.length > 0) throw new Error(`${alliance.allianceId}: the plan decides what no claim asks: ${unused.join(', ')}`);
    for (const [indicatorId, override] of Object.entries(plan.overrides ?? {})) {
      await call(ctx, 'override-set', { ...who, indicatorId, override });
    }
    if (plan.comment !== undefined) await call(ctx, 'comment-set', { ...who, comment: plan.comment });
  }
  return call(ctx, 'expert-workspace', { expertId });
}
