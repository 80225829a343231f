/**
 * Flag notes (标记说明): the chair's written answer to one flag of the current result, e.g.
 * 经合议维持原评分, kept as a finding and printed with the result. A note belongs to the exact flag
 * it answers (shared/result/flag-key.ts); a flag that changed needs a new note. Notes are never
 * edited: a new note on the same flag supersedes the earlier one, which stays in the history.
 * Several flags may share one note (saveFlagNotes); each is still noted and logged on its own.
 */
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { meetingSettings } from '../meeting/meeting-store.ts';
import { assertUnlocked } from '../meeting/lock-state.ts';
import { meetingRubric } from './meeting-inputs.ts';
import { panelViewWith } from './panel-state.ts';

export async function saveFlagNote(ctx: ServiceContext, meetingId: number, actor: string, key: string, note: string): Promise<void> {
  await saveFlagNotes(ctx, meetingId, actor, [key], note);
}

/**
 * One note for several flags at once (the chair ticks them and writes the words once): each flag
 * still gets its own note row and its own audit entry, as if noted one by one. All or nothing:
 * if any key no longer names a current flag, nothing is saved.
 */
export async function saveFlagNotes(ctx: ServiceContext, meetingId: number, actor: string, keys: readonly string[], note: string): Promise<number> {
  const { db } = ctx;
  const settings = meetingSettings(db, meetingId);
  if (settings === null) throw new AppError('meeting-not-prepared', '本会议还没有准备好。');
  const rubric = await meetingRubric(ctx, settings.rubricId);
  const unique = [...new Set(keys)];
  return db.transaction(() => {
    assertUnlocked(db, meetingId);
    const flags = panelViewWith(db, meetingId, rubric).view.flags;
    const chosen = unique.map((key) => flags.find((f) => f.key === key));
    const gone = chosen.filter((flag) => flag === undefined).length;
    if (gone > 0) {
      throw new AppError(
        'flag-gone',
        unique.length === 1
          ? '这个标记已经不存在了（评分表或设置有变化），请刷新后对现在的标记写说明。'
          : `所选的 ${unique.length} 个标记中有 ${gone} 个已经不存在了（评分表或设置有变化），本次意见一个也没有保存。请刷新后重新勾选。`,
      );
    }
    const at = ctx.now().toISOString();
    for (const [i, flag] of chosen.entries()) {
      if (flag === undefined) continue;
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
      ).run(meetingId, flag.allianceId, unique[i], flag.flag.kind, flag.flag.expert ?? null, flag.flag.indicator ?? null, flag.flag.detail, note, at, actor, auditSeq);
    }
    return chosen.length;
  })();
}
