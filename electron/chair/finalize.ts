/**
 * Finalizing (定稿) and reopening (重新开启) the year's result.
 *
 * - lock: refused while any blocker stands (panel-state.ts: missing sheets, keys to confirm,
 *   paper entries that disagree, unreviewed alliances, and each unmet lock condition of
 *   panel-procedure.ts: sign-ins, objective differences, outliers, flag notes, last year). Otherwise the
 *   result text (`resultText`, the bytes `merge --json` prints) is stored with its SHA-256, the
 *   findings (each flag with its note) and the settings and inputs it came from; the lock's audit
 *   entry records the same hash and the audit log's head. From then on every action that would
 *   change the result is refused (electron/meeting/lock-state.ts).
 * - reopen: only for one of art. 64's four grounds (shared/panel/reopen-grounds.ts) with the
 *   chair's words; logged, and stored with its ground for the result documents; the lock row stays as history, and the next
 *   lock is a new row.
 * Both are computed and written inside one transaction, so nothing can slip in between.
 * Locking is safe to repeat: asked again while locked, it answers with the lock in force
 * (`alreadyLocked`), writing nothing.
 */
import { createHash } from 'node:crypto';
import type { FinalizeOutcome, FindingView } from '../../shared/api/chair-types.ts';
import type { ReopenGround } from '../../shared/panel/reopen-grounds.ts';
import { resultText } from '../../shared/result/result-text.ts';
import type { ServiceContext } from '../app/context.ts';
import { appendAudit, verifyAuditChain } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { meetingSettings } from '../meeting/meeting-store.ts';
import { currentLock } from '../meeting/lock-state.ts';
import { meetingRubric } from './meeting-inputs.ts';
import { panelViewWith } from './panel-state.ts';

export async function finalizeResult(ctx: ServiceContext, meetingId: number, actor: string): Promise<FinalizeOutcome> {
  const { db } = ctx;
  const settings = meetingSettings(db, meetingId);
  if (settings === null) throw new AppError('meeting-not-prepared', '本会议还没有准备好，不能定稿。');
  const rubric = await meetingRubric(ctx, settings.rubricId);
  const repeated = db.transaction(() => {
    // A second 定稿 of a result already locked (a double click, a second window) is answered with
    // the lock in force: nothing can change while locked, so it is the very result asked for,
    // and a second lock row or audit entry would only record the click.
    if (currentLock(db, meetingId) !== null) return true;
    const { view, computation } = panelViewWith(db, meetingId, rubric);
    if (view.blockers.length > 0 || computation === null || computation.outcome?.ok !== true) {
      throw new AppError('finalize-refused', `现在还不能定稿：${view.blockers.join('；')}。`);
    }
    const audit = verifyAuditChain(db);
    if (!audit.ok) {
      throw new AppError('audit-log-damaged', `审计日志校验不通过（${audit.problems[0]?.message ?? ''}），不能定稿。请先查明日志被改动的原因。`);
    }
    const result = computation.outcome.result;
    const text = resultText(result);
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const findings: FindingView[] = view.flags.map((flag) => ({
      allianceId: flag.allianceId,
      flag: flag.flag,
      note: flag.note?.text ?? '',
      by: flag.note?.by ?? '',
      at: flag.note?.at ?? '',
    }));
    const inputs = {
      rubric: settings.rubricId,
      method: settings.method,
      deviationThreshold: settings.deviationThreshold,
      budgetYuan: settings.budgetYuan,
      packages: computation.packages.map((p) => ({ allianceId: p.allianceId, digest: p.digest })),
      sheets: computation.sheets.map((s) => ({ expert: s.sheet.expert.id, fingerprint: s.fingerprint, signedAt: s.sheet.signedAt })),
      paperSheets: computation.paperSheets.map((p) => ({ expert: p.sheet.expert.id, enteredBy: p.enteredBy, confirmedBy: p.confirmedBy })),
      previous: computation.previous === null ? null : { file: computation.previous.sourceName, sha256: computation.previous.view.sha256 },
      previousNone: computation.previous === null ? (view.procedure?.previousNone ?? null) : null,
      outlierShare: view.procedure?.outlierShare ?? null,
    };
    const at = ctx.now().toISOString();
    const auditSeq = appendAudit(db, {
      meetingId,
      at,
      actor,
      action: 'lock',
      detail: {
        resultSha256: sha256,
        alliances: result.alliances.length,
        excellent: result.alliances.filter((a) => a.grade === 'excellent').map((a) => a.allianceId).join('、'),
        auditHead: audit.headFingerprint,
      },
    });
    db.prepare(
      `INSERT INTO panel_lock (meeting_id, result_text, result_sha256, findings_json, settings_json, locked_at, locked_by, audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(meetingId, text, sha256, JSON.stringify(findings), JSON.stringify(inputs), at, actor, auditSeq);
    return false;
  })();
  const lock = panelViewWith(db, meetingId, rubric).view.lock;
  if (lock === null) throw new Error('lock not stored');
  return { ...lock, alreadyLocked: repeated };
}

export function reopenResult(ctx: ServiceContext, meetingId: number, actor: string, ground: ReopenGround, reason: string): void {
  const { db } = ctx;
  db.transaction(() => {
    const lock = currentLock(db, meetingId);
    if (lock === null) throw new AppError('not-locked', '本会议的结果没有定稿，不需要重新开启。');
    const at = ctx.now().toISOString();
    const auditSeq = appendAudit(db, {
      meetingId,
      at,
      actor,
      action: 'reopen',
      detail: { resultSha256: lock.resultSha256, lockedAt: lock.lockedAt, lockedBy: lock.lockedBy, ground, reason },
    });
    db.prepare('INSERT INTO panel_reopen (lock_id, ground, reason, reopened_at, reopened_by, audit_seq) VALUES (?, ?, ?, ?, ?, ?)').run(lock.id, ground, reason, at, actor, auditSeq);
  })();
}
