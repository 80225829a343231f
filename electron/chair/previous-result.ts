/**
 * Last year's result (上一年度结果): the result file (format 1) of the year before, imported so
 * that an alliance graded 不合格 both years gets 取消市级联盟资格 (rubric.md decision 12). It is
 * read exactly as `merge --previous` reads it (electron/sheets/merge-files.ts) and kept as the
 * file's text; the latest import counts. Importing is logged.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Database } from 'better-sqlite3';
import type { PreviousResultView } from '../../shared/api/chair-types.ts';
import { parseJson } from '../../shared/package/parse-json.ts';
import type { ResultFile } from '../../shared/result/result-schema.ts';
import { resultFileSchema } from '../../shared/result/result-schema.ts';
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { meetingRow } from '../meeting/meeting-store.ts';
import { readPreviousResult } from '../sheets/merge-files.ts';
import { assertUnlocked } from '../meeting/lock-state.ts';

export interface StoredPrevious {
  readonly view: PreviousResultView;
  readonly result: ResultFile;
  readonly sourceName: string;
}

export async function importPreviousResult(
  ctx: ServiceContext,
  meetingId: number,
  actor: string,
  source: { readonly path: string; readonly name: string },
): Promise<PreviousResultView> {
  const { db } = ctx;
  const meeting = meetingRow(db, meetingId);
  const read = await readPreviousResult(source.path, source.name);
  if ('problems' in read) {
    throw new AppError('previous-invalid', `${source.name} 不能作为上一年度结果导入：${read.problems.slice(0, 3).map((p) => p.message).join('；')}`);
  }
  if (read.result.year !== meeting.year - 1) {
    throw new AppError('previous-invalid', `${source.name} 是 ${read.result.year} 年度的结果；本会议是 ${meeting.year} 年度，应导入 ${meeting.year - 1} 年度的结果。`);
  }
  const bytes = await readFile(source.path);
  const text = bytes.toString('utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    const at = ctx.now().toISOString();
    const failed = read.result.alliances.filter((a) => a.grade === 'fail').map((a) => a.allianceId);
    const auditSeq = appendAudit(db, {
      meetingId,
      at,
      actor,
      action: 'previous-import',
      detail: { file: source.name, year: read.result.year, sha256, alliances: read.result.alliances.length, failed: failed.join('、') },
    });
    db.prepare(
      'INSERT INTO previous_result (meeting_id, result_text, sha256, source_name, imported_at, imported_by, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(meetingId, text, sha256, source.name, at, actor, auditSeq);
  })();
  const stored = currentPrevious(db, meetingId);
  if (stored === null) throw new Error('previous result not stored');
  return stored.view;
}

/** The latest previous result imported for the meeting, or null. */
export function currentPrevious(db: Database, meetingId: number): StoredPrevious | null {
  const row = db
    .prepare<[number], { result_text: string; sha256: string; source_name: string; imported_at: string; imported_by: string }>(
      'SELECT result_text, sha256, source_name, imported_at, imported_by FROM previous_result WHERE meeting_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(meetingId);
  if (!row) return null;
  const json = parseJson(row.result_text);
  const parsed = json.ok ? resultFileSchema.safeParse(json.value) : null;
  if (parsed === null || !parsed.success) throw new AppError('store-damaged', '本机保存的上一年度结果已无法读取，请重新导入。');
  const result = parsed.data;
  return {
    result,
    sourceName: row.source_name,
    view: {
      year: result.year,
      sourceName: row.source_name,
      sha256: row.sha256,
      importedAt: row.imported_at,
      importedBy: row.imported_by,
      allianceCount: result.alliances.length,
      failed: result.alliances.filter((a) => a.grade === 'fail').map((a) => a.allianceId),
    },
  };
}
