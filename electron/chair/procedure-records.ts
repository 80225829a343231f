/**
 * The chair's records of the panel's procedure (panel-procedure.ts defines the terms): that an
 * objective difference stands and why, an expert's explanation of an outlying score, an expert's
 * signed paper pledge, and that there are no results of last year. Each is refused once the
 * result is locked, written in one transaction with its audit entry, and never edited: a later
 * record supersedes an earlier one, which stays. None of them changes a score.
 */
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { meetingExperts, meetingSettings } from '../meeting/meeting-store.ts';
import { assertUnlocked } from '../meeting/lock-state.ts';
import { meetingRubric } from './meeting-inputs.ts';
import { panelViewWith } from './panel-state.ts';
import { currentPrevious } from './previous-result.ts';

async function preparedRubric(ctx: ServiceContext, meetingId: number) {
  const settings = meetingSettings(ctx.db, meetingId);
  if (settings === null) throw new AppError('meeting-not-prepared', '本会议还没有准备好。');
  return meetingRubric(ctx, settings.rubricId);
}

const DECISION_WORDS = { accept: '认可', reject: '不认可', none: '未判断' } as const;

/** The panel records that an objective difference stands (经合议维持), with its reason. */
export async function recordDifferenceStanding(ctx: ServiceContext, meetingId: number, actor: string, key: string, reason: string): Promise<void> {
  const rubric = await preparedRubric(ctx, meetingId);
  const { db } = ctx;
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    const difference = panelViewWith(db, meetingId, rubric).view.procedure?.differences.find((d) => d.key === key && d.status !== 'settled');
    if (difference === undefined) {
      throw new AppError('difference-gone', '这条客观分歧已经不存在了（专家重新签名或评分表有变化），请刷新后对现在的分歧作记录。');
    }
    const at = ctx.now().toISOString();
    const auditSeq = appendAudit(db, {
      meetingId,
      at,
      actor,
      action: 'difference-standing',
      detail: {
        alliance: difference.allianceId,
        criterion: difference.criterionId,
        item: difference.itemId,
        decisions: difference.decisions.map((d) => `${d.expertId} ${d.decision === 'value' ? (d.value ?? '') : DECISION_WORDS[d.decision]}`).join('、'),
        reason,
      },
    });
    // The key is the claim then its decisions (panel-procedure.ts `differenceKey`); the claim's
    // parts come from the difference itself, so an id containing '|' cannot shift them.
    const itemId = difference.itemId ?? '';
    const decisions = key.slice(`${difference.allianceId}|${difference.criterionId}|${itemId}|`.length);
    db.prepare(
      `INSERT INTO difference_standing (meeting_id, alliance_id, criterion_id, item_id, decisions, reason, recorded_at, recorded_by, audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(meetingId, difference.allianceId, difference.criterionId, itemId, decisions, reason, at, actor, auditSeq);
  })();
}

/** The explanation an expert gave of one outlying score, as the chair entered it. */
export async function recordOutlierExplanation(ctx: ServiceContext, meetingId: number, actor: string, key: string, explanation: string): Promise<void> {
  const rubric = await preparedRubric(ctx, meetingId);
  const { db } = ctx;
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    const outlier = panelViewWith(db, meetingId, rubric).view.procedure?.outliers.find((o) => o.key === key && o.status !== 'revised');
    if (outlier === undefined) {
      throw new AppError('outlier-gone', '这个畸高畸低的评分已经不存在了（专家已修改或评分表有变化），请刷新后再登记。');
    }
    const at = ctx.now().toISOString();
    const auditSeq = appendAudit(db, {
      meetingId,
      at,
      actor,
      action: 'outlier-explanation',
      detail: {
        alliance: outlier.allianceId,
        criterion: outlier.criterionId,
        expert: outlier.expertId,
        score: outlier.score,
        othersMean: outlier.othersMean,
        explanation,
      },
    });
    db.prepare(
      `INSERT INTO outlier_explanation (meeting_id, alliance_id, criterion_id, expert_id, score, explanation, recorded_at, recorded_by, audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(meetingId, outlier.allianceId, outlier.criterionId, outlier.expertId, outlier.score, explanation, at, actor, auditSeq);
  })();
}

/** The chair has the expert's signed paper pledge (签字承诺书) in hand: the expert's sign-in. */
export function recordPaperPledge(ctx: ServiceContext, meetingId: number, actor: string, expertId: string, signedOn: string): void {
  const { db } = ctx;
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    const expert = meetingExperts(db, meetingId).find((e) => e.id === expertId);
    if (expert === undefined) throw new AppError('expert-not-on-roster', `专家 ${expertId} 不在本会议的专家名册上，不能登记其承诺书。`);
    const at = ctx.now().toISOString();
    const auditSeq = appendAudit(db, { meetingId, at, actor, action: 'pledge-record', detail: { expert: expert.id, name: expert.name, signedOn } });
    db.prepare('INSERT INTO paper_pledge (meeting_id, expert_id, signed_on, recorded_at, recorded_by, audit_seq) VALUES (?, ?, ?, ?, ?, ?)').run(
      meetingId,
      expert.id,
      signedOn,
      at,
      actor,
      auditSeq,
    );
  })();
}

/** The chair confirms that this meeting has no results of last year to load. */
export function confirmNoPrevious(ctx: ServiceContext, meetingId: number, actor: string): void {
  const { db } = ctx;
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    const previous = currentPrevious(db, meetingId);
    if (previous !== null) {
      throw new AppError('previous-loaded', `已经导入了上一年度结果（${previous.sourceName}），不能再确认“没有上一年度结果”。`);
    }
    const at = ctx.now().toISOString();
    const auditSeq = appendAudit(db, { meetingId, at, actor, action: 'previous-none', detail: {} });
    db.prepare('INSERT INTO previous_none (meeting_id, confirmed_at, confirmed_by, audit_seq) VALUES (?, ?, ?, ?)').run(meetingId, at, actor, auditSeq);
  })();
}
