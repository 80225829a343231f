/**
 * Paper sheets in the store: the clerk types an expert's paper sheet in (entry
 * 1), a second person types it again without seeing the first (entry 2). Each save is kept
 * (append-only); the latest entry of each number counts. As soon as the latest two agree
 * (shared/paper/paper-entries.ts), the agreed sheet is recorded with who typed and who confirmed
 * it, logged, and counts in the merge. Until then the mismatches are shown field by field, and
 * either person corrects their own entry.
 *
 * - An entry must be a complete and valid sheet for the meeting's packages (the same rules as a
 *   signed sheet), so the comparison is between two sheets that could both count.
 * - The two entries must be typed by two different people (names as typed in the console).
 * - Saving the same content again by the same person is a no-op (safe to repeat).
 * - Blindness is a matter of procedure: the console never shows one entry while the other is
 *   typed; each person can reopen only their own entry (docs/meeting-procedure.md).
 */
import type { Database } from 'better-sqlite3';
import type { PaperSheetView } from '../../shared/api/chair-types.ts';
import type { PaperContent } from '../../shared/paper/paper-entries.ts';
import { comparePaperEntries, normalText, paperEntriesAgree, paperSheetOf } from '../../shared/paper/paper-entries.ts';
import { paperFileOfSheet, paperSheetText } from '../../shared/paper/paper-sheet-file.ts';
import type { PaperSheet } from '../../shared/result/paper-sheet.ts';
import { checkSheetAgainstPackages } from '../../shared/sheet/check-sheet-against-packages.ts';
import { parseUnsignedSheet } from '../../shared/sheet/parse-sheet.ts';
import type { UnsignedSheet } from '../../shared/sheet/sheet-schema.ts';
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { meetingExperts, meetingRow, meetingSettings } from '../meeting/meeting-store.ts';
import { assertUnlocked } from '../meeting/lock-state.ts';
import { meetingMergePackages, meetingRubric } from './meeting-inputs.ts';

interface EntryRow {
  id: number;
  expert_id: string;
  entry_no: 1 | 2;
  entered_by: string;
  content_json: string;
  entered_at: string;
}

interface AgreedRow {
  expert_id: string;
  sheet_json: string;
  entered_by: string;
  confirmed_by: string;
  agreed_at: string;
}

function latestEntries(db: Database, meetingId: number, expertId: string): { first: EntryRow | undefined; second: EntryRow | undefined } {
  const latest = (entryNo: 1 | 2) =>
    db
      .prepare<[number, string, number], EntryRow>(
        'SELECT * FROM paper_entry WHERE meeting_id = ? AND expert_id = ? AND entry_no = ? ORDER BY id DESC LIMIT 1',
      )
      .get(meetingId, expertId, entryNo);
  return { first: latest(1), second: latest(2) };
}

function agreedRow(db: Database, meetingId: number, expertId: string): AgreedRow | undefined {
  return db.prepare<[number, string], AgreedRow>('SELECT * FROM paper_sheet WHERE meeting_id = ? AND expert_id = ?').get(meetingId, expertId);
}

const contentOf = (row: EntryRow): PaperContent => JSON.parse(row.content_json) as PaperContent;

export async function savePaperEntry(
  ctx: ServiceContext,
  meetingId: number,
  actor: string,
  expertId: string,
  entryNo: 1 | 2,
  content: PaperContent,
): Promise<PaperSheetView> {
  const { db } = ctx;
  const meeting = meetingRow(db, meetingId);
  const settings = meetingSettings(db, meetingId);
  if (settings === null) throw new AppError('meeting-not-prepared', '本会议还没有准备好（没有名册和材料包）。');
  const expert = meetingExperts(db, meetingId).find((e) => e.id === expertId);
  if (expert === undefined) throw new AppError('expert-not-in-roster', `专家 ${expertId} 不在本会议的名册中。`);
  const rubric = await meetingRubric(ctx, settings.rubricId);
  const sheet = paperSheetOf(content, expert, { year: meeting.year, rubric: settings.rubricId });
  const problems: string[] = [];
  const parsed = parseUnsignedSheet(sheet);
  if (!parsed.ok) problems.push(...parsed.problems.map((p) => `${p.path}：${p.message}`));
  const { packages, missing } = meetingMergePackages(db, meetingId);
  if (missing.length > 0) throw new AppError('package-missing', '本机缺少会议材料包，请先导入会议包。');
  if (parsed.ok) problems.push(...checkSheetAgainstPackages(sheet, packages, rubric).map((p) => p.message));
  if (problems.length > 0) {
    const shown = problems.slice(0, 8).join('；');
    throw new AppError('paper-entry-invalid', `录入的内容还不完整或有误，未保存：${shown}${problems.length > 8 ? `；等共 ${problems.length} 处` : ''}。`);
  }
  return db.transaction(() => {
    assertUnlocked(db, meetingId);
    // Saving again what this person's latest entry already says (a double click, a second press
    // after the answer was slow) is a no-op: the entry stands, agreed or not, and nothing new is
    // written, so the repeat cannot turn into "already agreed, cannot change".
    const latest = latestEntries(db, meetingId, expertId)[entryNo === 1 ? 'first' : 'second'];
    if (latest !== undefined && normalText(latest.entered_by) === normalText(actor) && latest.content_json === JSON.stringify(content)) {
      return paperSheetView(db, meetingId, expert);
    }
    if (agreedRow(db, meetingId, expertId) !== undefined) {
      throw new AppError('paper-agreed', `专家 ${expertId} 的纸质评分表两次录入已经一致并计入结果，不能再修改。`);
    }
    const signed = db.prepare<[number, string], number>('SELECT count(*) FROM chair_sheet WHERE meeting_id = ? AND expert_id = ?').pluck().get(meetingId, expertId) ?? 0;
    if (signed > 0) throw new AppError('expert-has-signed-sheet', `专家 ${expertId} 已有电子签名的评分表，不能再录入纸质评分表。`);
    const { first, second } = latestEntries(db, meetingId, expertId);
    const other = entryNo === 1 ? second : first;
    if (other !== undefined && normalText(other.entered_by) === normalText(actor)) {
      throw new AppError(
        'paper-same-person',
        `第 ${entryNo === 1 ? 2 : 1} 次录入是 ${other.entered_by} 做的；两次录入必须由两个不同的人分别完成。请换另一位操作人（页面顶部填写姓名）。`,
      );
    }
    const at = ctx.now().toISOString();
    db.prepare('INSERT INTO paper_entry (meeting_id, expert_id, entry_no, entered_by, content_json, entered_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      meetingId,
      expertId,
      entryNo,
      actor,
      JSON.stringify(content),
      at,
    );
    const now = latestEntries(db, meetingId, expertId);
    if (now.first !== undefined && now.second !== undefined && paperEntriesAgree(contentOf(now.first), contentOf(now.second))) {
      const agreedSheet = paperSheetOf(contentOf(now.first), expert, { year: meeting.year, rubric: settings.rubricId });
      const auditSeq = appendAudit(db, {
        meetingId,
        at,
        actor,
        action: 'paper-agree',
        detail: { expert: expertId, name: expert.name, enteredBy: now.first.entered_by, confirmedBy: now.second.entered_by, signedOn: content.signedOn },
      });
      db.prepare(
        `INSERT INTO paper_sheet (meeting_id, expert_id, sheet_json, entered_by, confirmed_by, first_entry_id, second_entry_id, agreed_at, audit_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(meetingId, expertId, JSON.stringify(agreedSheet), now.first.entered_by, now.second.entered_by, now.first.id, now.second.id, at, auditSeq);
    }
    return paperSheetView(db, meetingId, expert);
  })();
}

export function paperEntryContent(db: Database, meetingId: number, expertId: string, entryNo: 1 | 2): PaperContent | null {
  const { first, second } = latestEntries(db, meetingId, expertId);
  const row = entryNo === 1 ? first : second;
  return row === undefined ? null : contentOf(row);
}

function paperSheetView(db: Database, meetingId: number, expert: { id: string; name: string }): PaperSheetView {
  const { first, second } = latestEntries(db, meetingId, expert.id);
  const agreed = agreedRow(db, meetingId, expert.id);
  return {
    expertId: expert.id,
    expertName: expert.name,
    first: first === undefined ? null : { by: first.entered_by, at: first.entered_at },
    second: second === undefined ? null : { by: second.entered_by, at: second.entered_at },
    agreed: agreed === undefined ? null : { enteredBy: agreed.entered_by, confirmedBy: agreed.confirmed_by, at: agreed.agreed_at },
    mismatches: agreed === undefined && first !== undefined && second !== undefined ? comparePaperEntries(contentOf(first), contentOf(second)) : [],
  };
}

/** Every roster expert who has paper entries. */
export function paperSheetsView(db: Database, meetingId: number): PaperSheetView[] {
  const withEntries = new Set(
    db.prepare<[number], string>('SELECT DISTINCT expert_id FROM paper_entry WHERE meeting_id = ?').pluck().all(meetingId),
  );
  return meetingExperts(db, meetingId)
    .filter((expert) => withEntries.has(expert.id))
    .map((expert) => paperSheetView(db, meetingId, expert));
}

/** Agreed paper sheets of roster experts, as the merge takes them. */
export function agreedPaperSheets(db: Database, meetingId: number): PaperSheet[] {
  const roster = new Set(meetingExperts(db, meetingId).map((expert) => expert.id));
  return db
    .prepare<[number], AgreedRow>('SELECT * FROM paper_sheet WHERE meeting_id = ? ORDER BY expert_id')
    .all(meetingId)
    .filter((row) => roster.has(row.expert_id))
    .map((row) => ({
      source: `纸质评分表 ${row.expert_id}`,
      sheet: JSON.parse(row.sheet_json) as UnsignedSheet,
      enteredBy: row.entered_by,
      confirmedBy: row.confirmed_by,
    }));
}

/**
 * The archive files (`*.paper.json`, shared/paper/paper-sheet-file.ts) of the agreed paper
 * sheets of the given experts: entered when the counting first entry was saved, confirmed when
 * the two entries agreed.
 */
export function agreedPaperSheetFiles(db: Database, meetingId: number, expertIds: readonly string[]): { expertId: string; text: string }[] {
  const wanted = new Set(expertIds);
  return agreedPaperSheets(db, meetingId)
    .filter((paper) => wanted.has(paper.sheet.expert.id))
    .map((paper) => {
      const expertId = paper.sheet.expert.id;
      const row = db
        .prepare<[number, string], { agreed_at: string; entered_at: string }>(
          'SELECT s.agreed_at, e.entered_at FROM paper_sheet s JOIN paper_entry e ON e.id = s.first_entry_id WHERE s.meeting_id = ? AND s.expert_id = ?',
        )
        .get(meetingId, expertId);
      if (row === undefined) throw new Error(`paper sheet of ${expertId} not stored`);
      return { expertId, text: paperSheetText(paperFileOfSheet(paper, { enteredAt: row.entered_at, confirmedAt: row.agreed_at })) };
    });
}

/** Roster experts whose paper sheet is being typed but does not agree yet. */
export function paperInProgress(db: Database, meetingId: number): string[] {
  return paperSheetsView(db, meetingId)
    .filter((view) => view.agreed === null)
    .map((view) => view.expertId);
}
