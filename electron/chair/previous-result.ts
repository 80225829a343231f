/**
 * Last year's grades (上一年度结果): imported so that an alliance graded 不合格 both years gets
 * 取消市级联盟资格 (rubric.md decision 12). The file is read exactly as `merge --previous` reads
 * it (electron/previous-year/read-previous-file.ts): last year's result file of any format
 * version, or the bureau's own list as .xlsx or .csv, which names no year and is taken as the
 * year before the meeting's (the console says so). The latest import counts; importing is logged.
 *
 * Kept: a result file as its text; a list as a small JSON document of its own format
 * (`alliance-review/previous-list`, shared/result/previous-grades.ts) with the year it was taken
 * as, since an .xlsx file is not text. The SHA-256 is always that of the file's own bytes.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { PreviousResultView } from '../../shared/api/chair-types.ts';
import { parseJson } from '../../shared/package/parse-json.ts';
import type { PreviousGrades, StoredPreviousList } from '../../shared/result/previous-grades.ts';
import { PREVIOUS_LIST_FORMAT, previousFromResultJson, previousFromStoredList } from '../../shared/result/previous-grades.ts';
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { meetingRow } from '../meeting/meeting-store.ts';
import { assertUnlocked } from '../meeting/lock-state.ts';
import { readPreviousFile } from '../previous-year/read-previous-file.ts';

export interface StoredPrevious {
  readonly view: PreviousResultView;
  readonly grades: PreviousGrades;
  readonly sourceName: string;
}

const LIST_FILE_WORDS: Readonly<Record<StoredPreviousList['file'], string>> = {
  xlsx: 'Excel 工作簿',
  'csv-utf-8': 'CSV，UTF-8 编码',
  'csv-utf-8-bom': 'CSV，UTF-8（带 BOM）编码',
  'csv-gbk': 'CSV，GBK 编码',
};

export async function importPreviousResult(
  ctx: ServiceContext,
  meetingId: number,
  actor: string,
  source: { readonly path: string; readonly name: string },
): Promise<PreviousResultView> {
  const { db } = ctx;
  const meeting = meetingRow(db, meetingId);
  const read = await readPreviousFile(source.path, source.name);
  if (!read.ok) {
    const problems = read.problems.slice(0, 3).map((p) => (p.path === '(root)' ? p.message : `${p.path}：${p.message}`));
    const more = read.problems.length > 3 ? `；另有 ${read.problems.length - 3} 处问题` : '';
    throw new AppError('previous-invalid', `${source.name} 不能作为上一年度结果导入：${problems.join('；')}${more}。请改正后重新导入。`);
  }
  if (read.previous.year !== null && read.previous.year !== meeting.year - 1) {
    throw new AppError('previous-invalid', `${source.name} 是 ${read.previous.year} 年度的结果；本会议是 ${meeting.year} 年度，应导入 ${meeting.year - 1} 年度的结果。`);
  }
  const year = meeting.year - 1;
  const text =
    read.kind === 'result'
      ? (read.text ?? '')
      : JSON.stringify({
          format: PREVIOUS_LIST_FORMAT,
          version: 1,
          year,
          file: read.kind,
          alliances: read.entries.map((entry) => ({ allianceId: entry.allianceId, grade: entry.grade, row: entry.row })),
        } satisfies StoredPreviousList);
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    const at = ctx.now().toISOString();
    const failed = Object.entries(read.previous.grades).filter(([, grade]) => grade === 'fail').map(([id]) => id);
    const auditSeq = appendAudit(db, {
      meetingId,
      at,
      actor,
      action: 'previous-import',
      detail: { file: source.name, kind: read.kind, year, sha256, alliances: Object.keys(read.previous.grades).length, failed: failed.join('、') },
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
  const list = json.ok ? previousFromStoredList(json.value, row.source_name) : null;
  const result = json.ok && list === null ? previousFromResultJson(json.value, row.source_name) : null;
  const grades = list?.previous ?? (result?.ok === true ? result.previous : null);
  if (grades === null || grades.year === null) throw new AppError('store-damaged', '本机保存的上一年度结果已无法读取，请重新导入。');
  return {
    grades,
    sourceName: row.source_name,
    view: {
      year: grades.year,
      sourceName: row.source_name,
      sha256: row.sha256,
      importedAt: row.imported_at,
      importedBy: row.imported_by,
      allianceCount: Object.keys(grades.grades).length,
      failed: Object.entries(grades.grades).filter(([, grade]) => grade === 'fail').map(([id]) => id),
      kind: list === null ? 'result' : 'list',
      reading: list === null ? null : `${LIST_FILE_WORDS[list.file]}；名单本身不写年度，按本会议的上一年度即 ${grades.year} 年度的考核等级计`,
    },
  };
}
