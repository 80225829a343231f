/**
 * Panel state: the chair's console's picture of the panel, from the store.
 *
 * - merge inputs: the meeting's packages, the counted signed sheets (their stored text verified
 *   again every time, so a sheet altered in the database stops counting), the agreed paper
 *   sheets, the meeting's settings and last year's result. The result is computed by the shared
 *   `mergeSheets`, the same function `alliance-review merge` runs, with the same options, so the
 *   same files give byte-identical result text in the console and on the command line.
 * - partial result: while sheets are still coming in, only alliances that at least one counted
 *   sheet reviews are merged (the merge refuses a package nobody reviewed); the rest are listed
 *   as unreviewed. Finalizing needs them all.
 * - locked: once the chair locks the year, the console shows the locked result text, not a new
 *   computation; its SHA-256 is checked on every display.
 * - blockers: every reason finalizing is refused now, in words for the chair: what the inputs
 *   lack, and each unmet lock condition (panel-procedure.ts).
 *
 * Everything here is synchronous once the rubric is loaded, so finalizing and noting can compute
 * and write inside one transaction.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { FindingView, FlagView, LockView, NoteView, PanelExpertView, PanelView, ProblemView, ReopeningView } from '../../shared/api/chair-types.ts';
import { chinaDateTime } from '../../shared/meeting/china-time.ts';
import { parseJson } from '../../shared/package/parse-json.ts';
import type { MergeOutcome, MergePackage, VerifiedSheet } from '../../shared/result/merge-sheets.ts';
import { mergeSheets } from '../../shared/result/merge-sheets.ts';
import { awardRuleText } from '../../shared/result/award-rule.ts';
import { flagKey } from '../../shared/result/flag-key.ts';
import type { PaperSheet } from '../../shared/result/paper-sheet.ts';
import { publicityList } from '../../shared/result/publicity-list.ts';
import type { ResultFile } from '../../shared/result/result-schema.ts';
import { resultFileSchema } from '../../shared/result/result-schema.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import type { ReopenGround } from '../../shared/panel/reopen-grounds.ts';
import type { ServiceContext } from '../app/context.ts';
import type { SettingsRow } from '../meeting/meeting-store.ts';
import { settingsNumbers } from '../meeting/meeting-setup.ts';
import { meetingExperts, meetingRow, meetingSettings } from '../meeting/meeting-store.ts';
import { verifySheetText } from '../sheets/verify-sheet.ts';
import { countedSheets, keyDecisions, pendingKeys, storedSheets } from './chair-sheets.ts';
import type { LockRow } from '../meeting/lock-state.ts';
import { currentLock } from '../meeting/lock-state.ts';
import { meetingMergePackages, meetingRubric } from './meeting-inputs.ts';
import { agreedPaperSheets, paperInProgress } from './paper-sheets.ts';
import { procedureView } from './panel-procedure.ts';
import type { StoredPrevious } from './previous-result.ts';
import { currentPrevious } from './previous-result.ts';

export interface PanelComputation {
  readonly settings: SettingsRow;
  readonly rubric: Rubric;
  readonly packages: readonly MergePackage[];
  readonly sheets: readonly VerifiedSheet[];
  readonly paperSheets: readonly PaperSheet[];
  readonly previous: StoredPrevious | null;
  /** The merge of the reviewed packages; null when no package is reviewed yet. */
  readonly outcome: MergeOutcome | null;
  readonly unreviewed: readonly { readonly allianceId: string; readonly allianceName: string }[];
  readonly problems: readonly ProblemView[];
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The merge of what counts now (see the module comment). */
export function computePanel(db: Database, meetingId: number, settings: SettingsRow, rubric: Rubric): PanelComputation {
  const problems: ProblemView[] = [];
  const { packages, missing } = meetingMergePackages(db, meetingId);
  for (const row of missing) {
    problems.push({
      code: 'package-missing',
      source: null,
      path: row.allianceId,
      message: `联盟 ${row.allianceId} 的材料包（摘要 ${row.digest.slice(0, 12)}…）不在本机，请导入会议包。`,
    });
  }
  const sheets: VerifiedSheet[] = [];
  for (const stored of countedSheets(db, meetingId)) {
    const verification = verifySheetText(stored.sheetText);
    if (!verification.ok || verification.sheet === null || verification.fingerprint === null) {
      problems.push({
        code: 'signature-invalid',
        source: stored.sourceName,
        path: '(root)',
        message: `本机保存的专家 ${stored.expertId} 的评分表已不能通过签名验证（数据库中的内容被改动过），不计入结果。请重新导入原评分表文件。`,
      });
      continue;
    }
    sheets.push({ source: stored.sourceName, sheet: verification.sheet, fingerprint: verification.fingerprint });
  }
  const paperSheets = agreedPaperSheets(db, meetingId);
  const reviewed = new Set([...sheets.map((s) => s.sheet), ...paperSheets.map((p) => p.sheet)].flatMap((sheet) => sheet.reviews.map((r) => r.allianceId)));
  const mergeable = packages.filter((pkg) => reviewed.has(pkg.allianceId));
  const unreviewed = packages
    .filter((pkg) => !reviewed.has(pkg.allianceId))
    .map((pkg) => ({ allianceId: pkg.allianceId, allianceName: pkg.allianceName }));
  const previous = currentPrevious(db, meetingId);
  const numbers = settingsNumbers(settings);
  const outcome =
    mergeable.length === 0
      ? null
      : mergeSheets(rubric, mergeable, sheets, {
          method: numbers.method,
          deviationThreshold: numbers.deviationThreshold,
          budgetYuan: numbers.budgetYuan,
          previous: previous?.grades ?? null,
          paperSheets,
        });
  if (outcome !== null && !outcome.ok) {
    for (const p of outcome.problems) problems.push({ code: p.code, source: p.source, path: p.path, message: p.message });
  }
  return { settings, rubric, packages, sheets, paperSheets, previous, outcome, unreviewed, problems };
}

interface NoteRow {
  flag_key: string;
  note: string;
  noted_by: string;
  noted_at: string;
}

function notesByFlag(db: Database, meetingId: number): Map<string, NoteView[]> {
  const notes = new Map<string, NoteView[]>();
  const rows = db
    .prepare<[number], NoteRow>('SELECT flag_key, note, noted_by, noted_at FROM flag_note WHERE meeting_id = ? ORDER BY id DESC')
    .all(meetingId);
  for (const row of rows) {
    const list = notes.get(row.flag_key) ?? [];
    list.push({ text: row.note, by: row.noted_by, at: row.noted_at });
    notes.set(row.flag_key, list);
  }
  return notes;
}

export function flagViews(db: Database, meetingId: number, result: ResultFile | null): FlagView[] {
  if (result === null) return [];
  const notes = notesByFlag(db, meetingId);
  return result.alliances.flatMap((alliance) =>
    alliance.flags.map((flag) => {
      const key = flagKey(alliance.allianceId, flag);
      const [note, ...history] = notes.get(key) ?? [];
      return { key, allianceId: alliance.allianceId, allianceName: alliance.name, flag, note: note ?? null, history };
    }),
  );
}

function lockedResult(lock: LockRow): { result: ResultFile | null; intact: boolean } {
  const intact = sha256Hex(lock.resultText) === lock.resultSha256;
  const json = parseJson(lock.resultText);
  const parsed = json.ok ? resultFileSchema.safeParse(json.value) : null;
  return { result: parsed?.success === true ? parsed.data : null, intact };
}

/** JSON the app wrote itself; damaged text (a tampered row) reads as `fallback`. */
function parseOr<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function lockView(db: Database, lock: LockRow): LockView {
  const { result, intact } = lockedResult(lock);
  const findings = parseOr<FindingView[]>(lock.findingsJson, []);
  const detail = db.prepare<[number], string>('SELECT detail_json FROM audit_entry WHERE seq = ?').pluck().get(lock.auditSeq);
  const head = detail === undefined ? null : parseOr<{ auditHead?: unknown } | null>(detail, null);
  const auditHead = typeof head?.auditHead === 'string' ? head.auditHead : null;
  return {
    lockedAt: lock.lockedAt,
    lockedBy: lock.lockedBy,
    resultSha256: lock.resultSha256,
    intact,
    resultText: lock.resultText,
    findings,
    publicity: result === null ? [] : publicityList(result),
    auditHead,
  };
}

function reopenings(db: Database, meetingId: number): ReopeningView[] {
  return db
    .prepare<
      [number],
      { locked_at: string; locked_by: string; result_sha256: string; reopened_at: string; reopened_by: string; ground: ReopenGround | null; reason: string }
    >(
      `SELECT l.locked_at, l.locked_by, l.result_sha256, r.reopened_at, r.reopened_by, r.ground, r.reason
       FROM panel_reopen r JOIN panel_lock l ON l.id = r.lock_id WHERE l.meeting_id = ? ORDER BY r.lock_id DESC`,
    )
    .all(meetingId)
    .map((row) => ({
      lockedAt: row.locked_at,
      lockedBy: row.locked_by,
      resultSha256: row.result_sha256,
      reopenedAt: row.reopened_at,
      reopenedBy: row.reopened_by,
      ground: row.ground,
      reason: row.reason,
    }));
}

function expertViews(db: Database, meetingId: number, computation: PanelComputation | null): PanelExpertView[] {
  const sheets = storedSheets(db, meetingId);
  const pending = new Set(pendingKeys(sheets, keyDecisions(db, meetingId)).map((key) => key.expertId));
  const entering = new Set(paperInProgress(db, meetingId));
  const signed = new Map((computation?.sheets ?? []).map((s) => [s.sheet.expert.id, s]));
  const paper = new Map((computation?.paperSheets ?? []).map((p) => [p.sheet.expert.id, p]));
  return meetingExperts(db, meetingId).map((expert): PanelExpertView => {
    const sheet = signed.get(expert.id);
    const onPaper = paper.get(expert.id);
    const base = { id: expert.id, name: expert.name };
    if (sheet !== undefined) return { ...base, state: 'signed', fingerprint: sheet.fingerprint, signedAt: sheet.sheet.signedAt, paper: null };
    if (onPaper !== undefined) {
      return { ...base, state: 'paper', fingerprint: null, signedAt: onPaper.sheet.signedAt, paper: { enteredBy: onPaper.enteredBy, confirmedBy: onPaper.confirmedBy } };
    }
    const state = pending.has(expert.id) ? 'awaiting-fingerprint' : entering.has(expert.id) ? 'paper-entering' : 'none';
    return { ...base, state, fingerprint: null, signedAt: null, paper: null };
  });
}

const CONSEQUENCE_REASON = {
  award: (year: number) => `${year} 年度考核优秀 → 给予资金奖励（每家不超过 20 万元，总额按预算控制）`,
  rectify: (year: number) => `${year} 年度考核不合格 → 限期整改`,
  disqualify: (year: number) => `${year - 1} 年度、${year} 年度连续两年考核不合格 → 取消市级联盟资格`,
} as const;

function consequenceReasons(result: ResultFile | null): Record<string, string> {
  const reasons: Record<string, string> = {};
  for (const alliance of result?.alliances ?? []) {
    if (alliance.consequence !== null) reasons[alliance.allianceId] = CONSEQUENCE_REASON[alliance.consequence](result?.year ?? 0);
  }
  return reasons;
}

function blockersOf(
  view: Omit<PanelView, 'blockers'>,
  computation: PanelComputation | null,
  lock: LockRow | null,
): string[] {
  if (lock !== null) return [`结果已于 ${chinaDateTime(lock.lockedAt)} 由 ${lock.lockedBy} 定稿锁定`];
  if (computation === null) return ['会议尚未准备：请先导入会议包，或在“会议准备”中保存设置、名册和材料包'];
  const blockers: string[] = [];
  if (computation.packages.length === 0 && computation.problems.length === 0) blockers.push('会议没有材料包');
  for (const problem of computation.problems) blockers.push(`${problem.source === null ? '' : `${problem.source}：`}${problem.message}`);
  for (const alliance of computation.unreviewed) blockers.push(`联盟 ${alliance.allianceId} ${alliance.allianceName} 还没有任何计入的评分表评审`);
  // The lock conditions (panel-procedure.ts): each unmet one names what is missing.
  for (const condition of view.procedure?.conditions ?? []) blockers.push(...condition.missing);
  return blockers;
}

/** The console's view, computed synchronously with the rubric already loaded. */
export function panelViewWith(db: Database, meetingId: number, rubric: Rubric | null): { view: PanelView; computation: PanelComputation | null } {
  const meeting = meetingRow(db, meetingId);
  const settings = meetingSettings(db, meetingId);
  const lock = currentLock(db, meetingId);
  const computation = settings === null || rubric === null ? null : computePanel(db, meetingId, settings, rubric);
  let result: ResultFile | null = null;
  let lockInfo: LockView | null = null;
  if (lock !== null) {
    lockInfo = lockView(db, lock);
    result = lockedResult(lock).result;
  } else if (computation?.outcome?.ok === true) {
    result = computation.outcome.result;
  }
  const numbers = settingsNumbers(settings ?? { method: 'mean', deviationThreshold: '10', budgetYuan: null });
  const experts = expertViews(db, meetingId, computation);
  const flags = flagViews(db, meetingId, result);
  const excellent = result?.alliances.filter((a) => a.grade === 'excellent').length ?? 0;
  const base: Omit<PanelView, 'blockers'> = {
    meeting: {
      id: meeting.id,
      name: meeting.name,
      year: meeting.year,
      rubricId: settings?.rubricId ?? rubric?.id ?? '',
      method: numbers.method,
      deviationThreshold: numbers.deviationThreshold,
      budgetYuan: numbers.budgetYuan,
    },
    rubric,
    experts,
    result,
    problems: computation?.problems ?? [],
    unreviewed: computation?.unreviewed ?? [],
    flags,
    previous: computation?.previous?.view ?? null,
    awardRule: numbers.budgetYuan === null || rubric === null || result === null ? null : awardRuleText(numbers.budgetYuan, excellent, rubric.awardCapYuan),
    consequenceReasons: consequenceReasons(result),
    lock: lockInfo,
    reopenings: reopenings(db, meetingId),
    procedure: rubric === null ? null : procedureView(db, meetingId, rubric, { computation, experts, flags }),
  };
  return { view: { ...base, blockers: blockersOf(base, computation, lock) }, computation };
}

export async function panelView(ctx: ServiceContext, meetingId: number): Promise<PanelView> {
  const settings = meetingSettings(ctx.db, meetingId);
  const rubric = settings === null ? null : await meetingRubric(ctx, settings.rubricId);
  return panelViewWith(ctx.db, meetingId, rubric).view;
}
