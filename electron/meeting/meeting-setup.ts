/**
 * Meeting setup (会议准备): what the clerk prepares before the meeting (migration 0004).
 *
 * - settings: the rubric, the aggregation method (mean or trimmed), the deviation threshold and
 *   the award budget, kept as the decimal text the clerk typed so nothing is rounded on the way;
 *   and the 畸高畸低 share (migration 0008), which only the chair's console reads, so the meeting
 *   file does not carry it. Its change is its own audit entry.
 * - roster (专家名册): the experts' ids, names, titles, specialties, employers and the 组长 mark
 *   (shared/meeting/roster.ts); a sheet counts only for an expert on it.
 * - meeting packages: the one package version each alliance is reviewed with, by digest.
 * - prepared: a meeting gets its settings row (and its uid, shared by every laptop that imports
 *   its meeting file) at the first save; before that, defaults are shown.
 *
 * Every change is refused once the result is locked, and logged in the audit log otherwise.
 * The rows themselves are read and written by meeting-store.ts, which a meeting file's import
 * writes through too; other modules read the roster and packages there (`meetingExperts`,
 * `meetingPackages`).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { MeetingPackageView, MeetingSetup } from '../../shared/api/meeting-setup-types.ts';
import type { MeetingSettings } from '../../shared/meeting/meeting-file-format.ts';
import type { RosterEntry } from '../../shared/meeting/roster.ts';
import { rosterProblems, rosterText } from '../../shared/meeting/roster.ts';
import { DEFAULT_DEVIATION_THRESHOLD } from '../../shared/panel/types.ts';
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { assertUnlocked, isLocked } from './lock-state.ts';
import { AppError } from '../errors/app-error.ts';
import { listPackages } from '../package-store/package-store.ts';
import { knownRubricIds } from '../rubrics/load-rubric.ts';
import type { SettingsRow } from './meeting-store.ts';
import {
  insertSettings,
  meetingExperts,
  meetingFiles,
  meetingPackages,
  meetingRow,
  meetingSettings,
  replacePackages,
  replaceRoster,
  outlierShareOf,
  updateOutlierShare,
  updateSettings,
} from './meeting-store.ts';
import { dec } from '../../shared/decimal/decimal.ts';
import { DEFAULT_OUTLIER_SHARE } from '../../shared/panel/criterion-disagreements.ts';

export const DEFAULT_RUBRIC = 'hefei-2017';

/** The settings in effect: the saved ones, or the defaults of an unprepared meeting. */
export function effectiveSettings(db: Database, meetingId: number): Omit<SettingsRow, 'uid'> & { readonly uid: string | null } {
  return (
    meetingSettings(db, meetingId) ?? {
      uid: null,
      rubricId: DEFAULT_RUBRIC,
      method: 'mean',
      deviationThreshold: String(DEFAULT_DEVIATION_THRESHOLD),
      budgetYuan: null,
    }
  );
}

/** Settings as numbers, as `merge` takes them (the CLI turns its options into numbers the same way). */
export function settingsNumbers(settings: Pick<SettingsRow, 'method' | 'deviationThreshold' | 'budgetYuan'>): MeetingSettings {
  return {
    method: settings.method,
    deviationThreshold: Number(settings.deviationThreshold),
    budgetYuan: settings.budgetYuan === null ? null : Number(settings.budgetYuan),
  };
}

export function newMeetingUid(): string {
  return randomBytes(16).toString('hex');
}

/** Gives the meeting its settings row (and uid) if it has none yet. Call inside a transaction. */
export function ensurePrepared(db: Database, meetingId: number, uid: string = newMeetingUid()): SettingsRow {
  const existing = meetingSettings(db, meetingId);
  if (existing) return existing;
  const defaults = effectiveSettings(db, meetingId);
  insertSettings(db, meetingId, uid, defaults);
  return { ...defaults, uid };
}

export async function meetingSetup(ctx: ServiceContext, meetingId: number): Promise<MeetingSetup> {
  const { db } = ctx;
  const meeting = meetingRow(db, meetingId);
  const settings = effectiveSettings(db, meetingId);
  const packages: MeetingPackageView[] = meetingPackages(db, meetingId).map((p) => ({
    allianceId: p.allianceId,
    allianceName: p.allianceName ?? '（本机没有这个材料包）',
    digest: p.digest,
    packageId: p.packageId,
    version: p.version,
  }));
  return {
    meeting,
    prepared: settings.uid !== null,
    rubricId: settings.rubricId,
    rubricIds: await knownRubricIds(join(ctx.resourcesDir, 'rubrics')),
    settings: { method: settings.method, deviationThreshold: settings.deviationThreshold, budgetYuan: settings.budgetYuan },
    outlierPercent: dec(outlierShareOf(db, meetingId) ?? DEFAULT_OUTLIER_SHARE).times(100).toFixed(),
    experts: meetingExperts(db, meetingId),
    packages,
    candidates: listPackages(db).filter((p) => p.year === meeting.year),
    locked: isLocked(db, meetingId),
    files: meetingFiles(db, meetingId),
  };
}

function normalDecimal(text: string): string {
  // `010` and `10.0` are the number 10; keep one spelling so the log shows real changes only.
  return String(Number(text));
}

export interface SettingsInput {
  readonly rubricId: string;
  readonly method: 'mean' | 'trimmed';
  readonly deviationThreshold: string;
  readonly budgetYuan: string | null;
  /** Percent of a criterion's cap (`30`); undefined leaves the meeting's share as it is. */
  readonly outlierPercent?: string | undefined;
}

export async function saveSettings(ctx: ServiceContext, meetingId: number, actor: string, input: SettingsInput): Promise<void> {
  const known = await knownRubricIds(join(ctx.resourcesDir, 'rubrics'));
  if (!known.includes(input.rubricId)) {
    throw new AppError('rubric-unknown', `本程序没有评分细则 ${input.rubricId}（已有：${known.join('、')}）。`);
  }
  const { db } = ctx;
  meetingRow(db, meetingId);
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    const before = ensurePrepared(db, meetingId);
    const shareBefore = outlierShareOf(db, meetingId) ?? DEFAULT_OUTLIER_SHARE;
    const shareAfter = input.outlierPercent === undefined ? shareBefore : dec(input.outlierPercent).dividedBy(100).toFixed();
    const shareChanged = !dec(shareBefore).equals(shareAfter);
    if (shareChanged) {
      updateOutlierShare(db, meetingId, shareAfter);
      appendAudit(db, {
        meetingId,
        at: ctx.now().toISOString(),
        actor,
        action: 'settings-change',
        detail: { outlierPercent: dec(shareAfter).times(100).toFixed(), before: `畸高畸低阈值 ${dec(shareBefore).times(100).toFixed()}%` },
      });
    }
    const after = {
      rubricId: input.rubricId,
      method: input.method,
      deviationThreshold: normalDecimal(input.deviationThreshold),
      budgetYuan: input.budgetYuan === null ? null : normalDecimal(input.budgetYuan),
    };
    if (
      before.rubricId === after.rubricId &&
      before.method === after.method &&
      before.deviationThreshold === after.deviationThreshold &&
      before.budgetYuan === after.budgetYuan
    ) {
      return;
    }
    updateSettings(db, meetingId, after);
    appendAudit(db, {
      meetingId,
      at: ctx.now().toISOString(),
      actor,
      action: 'settings-change',
      detail: {
        rubric: after.rubricId,
        method: after.method,
        deviationThreshold: after.deviationThreshold,
        budgetYuan: after.budgetYuan,
        before: `${before.rubricId} ${before.method} 阈值 ${before.deviationThreshold} 预算 ${before.budgetYuan ?? '无'}`,
      },
    });
  })();
}

export function saveRoster(ctx: ServiceContext, meetingId: number, actor: string, experts: readonly RosterEntry[]): void {
  const { db } = ctx;
  meetingRow(db, meetingId);
  const problems = rosterProblems(experts);
  if (problems.length > 0) throw new AppError('roster-invalid', `名册未保存：${problems.join(' ')}`);
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    ensurePrepared(db, meetingId);
    const before = meetingExperts(db, meetingId);
    if (rosterText(before) === rosterText(experts)) return;
    replaceRoster(db, meetingId, experts);
    appendAudit(db, {
      meetingId,
      at: ctx.now().toISOString(),
      actor,
      action: 'roster-change',
      detail: { roster: rosterText(experts), before: rosterText(before) },
    });
  })();
}

export function savePackages(ctx: ServiceContext, meetingId: number, actor: string, packageIds: readonly number[]): void {
  const { db } = ctx;
  const meeting = meetingRow(db, meetingId);
  const rows = packageIds.map((id) => {
    const row = db
      .prepare<[number], { id: number; digest: string; alliance_id: string; alliance_name: string; year: number; version: number }>(
        'SELECT id, digest, alliance_id, alliance_name, year, version FROM package WHERE id = ?',
      )
      .get(id);
    if (!row) throw new AppError('package-not-found', '没有找到所选的材料包，请刷新后重试。');
    if (row.year !== meeting.year) {
      throw new AppError('package-wrong-year', `${row.alliance_name} 的材料包是 ${row.year} 年度的，本会议是 ${meeting.year} 年度。`);
    }
    return row;
  });
  const alliances = new Set<string>();
  for (const row of rows) {
    if (alliances.has(row.alliance_id)) {
      throw new AppError('package-two-versions', `${row.alliance_name} 选了两个版本的材料包；每个联盟只能选一个版本。`);
    }
    alliances.add(row.alliance_id);
  }
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    ensurePrepared(db, meetingId);
    const before = meetingPackages(db, meetingId);
    const text = (list: readonly { allianceId: string; digest: string }[]) =>
      [...list]
        .sort((a, b) => (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0))
        .map((p) => `${p.allianceId}@${p.digest.slice(0, 12)}`)
        .join('、');
    const after = rows.map((row) => ({ allianceId: row.alliance_id, digest: row.digest }));
    if (text(before) === text(after)) return;
    replacePackages(db, meetingId, after);
    appendAudit(db, {
      meetingId,
      at: ctx.now().toISOString(),
      actor,
      action: 'packages-change',
      detail: { packages: text(after), before: text(before) },
    });
  })();
}
