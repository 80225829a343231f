/**
 * Flag notes (标记说明): the chair's written answer to one flag of the current result, e.g.
 * 经合议维持原评分, kept as a finding and printed with the result. A note belongs to the exact flag
 * it answers (shared/result/flag-key.ts); a flag that changed needs a new note. Notes are never
 * edited: a new note on the same flag supersedes the earlier one, which stays in the history.
 */
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { meetingSettings } from '../meeting/meeting-store.ts';
import { assertUnlocked } from '../meeting/lock-state.ts';
import { meetingRubric } from './meeting-inputs.ts';
import { panelViewWith } from './panel-state.ts';

export async function saveFlagNote(ctx: ServiceContext, meetingId: number, actor: string, key: string, note: string): Promise<void> {
  const { db } = ctx;
  const settings = meetingSettings(db, meetingId);
  if (settings === null) throw new AppError('meeting-not-prepared', '本会议还没有准备好。');
  const rubric = await meetingRubric(ctx, settings.rubricId);
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    const flag = panelViewWith(db, meetingId, rubric).view.flags.find((f) => f.key === key);
    if (flag === undefined) throw new AppError('flag-gone', '这个标记已经不存在了（评分表或设置有变化），请刷新后对现在的标记写说明。');
    const at = ctx.now().toISOString();
    const auditSeq = appendAudit(db, {
      meetingId,
      at,
      actor,
      action: 'flag-note',
      detail: {
        alliance: flag.allianceId,
        kind: flag.flag.kind,
        expert: flag.flag.expert ?? null,
        indicator: flag.flag.indicator ?? null,
        flag: flag.flag.detail,
        note,
      },
    });
    db.prepare(
      `INSERT INTO flag_note (meeting_id, alliance_id, flag_key, kind, expert_id, indicator_id, detail, note, noted_at, noted_by, audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(meetingId, flag.allianceId, key, flag.flag.kind, flag.flag.expert ?? null, flag.flag.indicator ?? null, flag.flag.detail, note, at, actor, auditSeq);
  })();
}
