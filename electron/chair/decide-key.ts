/**
 * Deciding a key (指纹核对): a signature proves a sheet was not changed since the holder of the
 * key signed it, not that the key is the expert's. The expert reads out the fingerprint shown
 * when they signed (or it is on the paper sign-in sheet); the chair types what they hear. Only a
 * matching read-out confirms the key, and from then on its sheets count; a key whose read-out
 * differs is rejected, and its sheets never count. Both are logged.
 *
 * - read-out: 16 hex digits, spaces, dashes and case ignored (`3F9A-0C11 7be2d405`).
 */
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { keyDecisions, storedSheets } from './chair-sheets.ts';
import { assertUnlocked } from '../meeting/lock-state.ts';

export function normalReadOut(text: string): string {
  return text.toLowerCase().replace(/[\s\-_:：]/g, '');
}

export function decideKey(
  ctx: ServiceContext,
  meetingId: number,
  actor: string,
  request: { readonly publicKey: string; readonly decision: 'confirm' | 'reject'; readonly readOut: string },
): void {
  const { db } = ctx;
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    const sheet = storedSheets(db, meetingId).find((s) => s.publicKey === request.publicKey);
    if (sheet === undefined) throw new AppError('key-unknown', '没有用这把密钥签的评分表，请刷新后重试。');
    const decisions = keyDecisions(db, meetingId);
    if (decisions.some((d) => d.publicKey === request.publicKey)) {
      throw new AppError('key-decided', `专家 ${sheet.expertId} 的这把密钥已经核对过了。`);
    }
    const expected = normalReadOut(sheet.fingerprint);
    const heard = normalReadOut(request.readOut);
    if (request.decision === 'confirm') {
      if (heard !== expected) {
        throw new AppError(
          'fingerprint-mismatch',
          heard.length !== 16
            ? '请输入专家念出的全部 16 位指纹（可带空格）。'
            : `输入的指纹 ${request.readOut.trim()} 与评分表的指纹 ${sheet.fingerprint} 不一致。请再核对一遍；若专家念出的确实不同，请点“不一致，拒绝”。`,
        );
      }
      if (decisions.some((d) => d.expertId === sheet.expertId && d.decision === 'confirmed')) {
        throw new AppError('expert-key-confirmed', `专家 ${sheet.expertId} 已有一把确认过的密钥，不能再确认另一把。`);
      }
    }
    const at = ctx.now().toISOString();
    const confirmed = request.decision === 'confirm';
    const auditSeq = appendAudit(db, {
      meetingId,
      at,
      actor,
      action: confirmed ? 'key-confirm' : 'key-reject',
      detail: { expert: sheet.expertId, name: sheet.expertName, fingerprint: sheet.fingerprint, readOut: request.readOut.trim() },
    });
    db.prepare(
      `INSERT INTO key_decision (meeting_id, public_key, expert_id, fingerprint, decision, read_out, decided_at, decided_by, audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(meetingId, request.publicKey, sheet.expertId, sheet.fingerprint, confirmed ? 'confirmed' : 'rejected', request.readOut.trim(), at, actor, auditSeq);
  })();
}
