/**
 * Meeting setup (会议准备): what the clerk prepares before the meeting (migration 0004).
 *
 * - settings: the rubric, the aggregation method (mean or trimmed), the deviation threshold and
 *   the award budget, kept as the decimal text the clerk typed so nothing is rounded on the way.
 * - roster (专家名册): the experts' ids and names; a sheet counts only for an expert on it.
 * - meeting packages: the one package version each alliance is reviewed with, by digest.
 * - prepared: a meeting gets its settings row (and its uid, shared by every laptop that imports
 *   its meeting file) at the first save; before that, defaults are shown.
 *
 * Every change is refused once the result is locked, and logged in the audit log otherwise.
 * Other modules read the roster and packages through `meetingExperts` and `meetingPackages`.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { MeetingFileRecord, MeetingPackageView, MeetingSetup } from '../../shared/api/meeting-api.ts';
import type { MeetingSettings } from '../../shared/meeting/meeting-file-format.ts';
import { DEFAULT_DEVIATION_THRESHOLD } from '../../shared/panel/types.ts';
import { formatFingerprint } from '../../shared/sheet/fingerprint-text.ts';
import type { Claims } from '../../shared/rubric/types.ts';
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { assertUnlocked, isLocked } from '../chair/lock-state.ts';
import { AppError } from '../errors/app-error.ts';
import { listPackages } from '../package-store/package-store.ts';
import { knownRubricIds } from '../rubrics/load-rubric.ts';

export const DEFAULT_RUBRIC = 'hefei-2017';

export interface MeetingRow {
  readonly id: number;
  readonly name: string;
  readonly year: number;
}

export interface SettingsRow {
  readonly uid: string;
  readonly rubricId: string;
  readonly method: 'mean' | 'trimmed';
  readonly deviationThreshold: string;
  readonly budgetYuan: string | null;
}

export interface MeetingPackageRow {
  readonly allianceId: string;
  readonly digest: string;
  /** Null when the package is not in this laptop's store. */
  readonly packageId: number | null;
  readonly allianceName: string | null;
  readonly version: number | null;
  readonly year: number | null;
  readonly rubricId: string | null;
  readonly claims: Claims | null;
  readonly sourceName: string | null;
}

export function meetingRow(db: Database, meetingId: number): MeetingRow {
  const row = db.prepare<[number], MeetingRow>('SELECT id, name, year FROM meeting WHERE id = ?').get(meetingId);
  if (!row) throw new AppError('meeting-not-found', '没有找到这个评审会议，请回到首页重新选择。');
  return row;
}

export function meetingSettings(db: Database, meetingId: number): SettingsRow | null {
  const row = db
    .prepare<[number], { uid: string; rubric_id: string; method: 'mean' | 'trimmed'; deviation_threshold: string; budget_yuan: string | null }>(
      'SELECT uid, rubric_id, method, deviation_threshold, budget_yuan FROM meeting_settings WHERE meeting_id = ?',
    )
    .get(meetingId);
  if (!row) return null;
  return {
    uid: row.uid,
    rubricId: row.rubric_id,
    method: row.method,
    deviationThreshold: row.deviation_threshold,
    budgetYuan: row.budget_yuan,
  };
}

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

export function meetingExperts(db: Database, meetingId: number): { id: string; name: string }[] {
  return db
    .prepare<[number], { id: string; name: string }>('SELECT expert_id AS id, name FROM meeting_expert WHERE meeting_id = ? ORDER BY expert_id')
    .all(meetingId)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function meetingPackages(db: Database, meetingId: number): MeetingPackageRow[] {
  return db
    .prepare<
      [number],
      {
        alliance_id: string;
        digest: string;
        id: number | null;
        alliance_name: string | null;
        version: number | null;
        year: number | null;
        rubric_id: string | null;
        manifest_json: string | null;
        source_name: string | null;
      }
    >(
      `SELECT mp.alliance_id, mp.digest, p.id, p.alliance_name, p.version, p.year, p.rubric_id, p.manifest_json, p.source_name
       FROM meeting_package mp LEFT JOIN package p ON p.digest = mp.digest
       WHERE mp.meeting_id = ?`,
    )
    .all(meetingId)
    .map((row) => ({
      allianceId: row.alliance_id,
      digest: row.digest,
      packageId: row.id,
      allianceName: row.alliance_name,
      version: row.version,
      year: row.year,
      rubricId: row.rubric_id,
      claims: row.manifest_json === null ? null : ((JSON.parse(row.manifest_json) as { claims: Claims }).claims ?? null),
      sourceName: row.source_name,
    }))
    .sort((a, b) => (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0));
}

export function meetingFiles(db: Database, meetingId: number): MeetingFileRecord[] {
  return db
    .prepare<[number], { direction: 'export' | 'import'; content_sha256: string; file_name: string; at: string }>(
      'SELECT direction, content_sha256, file_name, at FROM meeting_file WHERE meeting_id = ? ORDER BY id DESC',
    )
    .all(meetingId)
    .map((row) => ({ direction: row.direction, fingerprint: formatFingerprint(row.content_sha256), fileName: row.file_name, at: row.at }));
}

export function newMeetingUid(): string {
  return randomBytes(16).toString('hex');
}

/** Gives the meeting its settings row (and uid) if it has none yet. Call inside a transaction. */
export function ensurePrepared(db: Database, meetingId: number, uid: string = newMeetingUid()): SettingsRow {
  const existing = meetingSettings(db, meetingId);
  if (existing) return existing;
  const defaults = effectiveSettings(db, meetingId);
  db.prepare(
    'INSERT INTO meeting_settings (meeting_id, uid, rubric_id, method, deviation_threshold, budget_yuan) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(meetingId, uid, defaults.rubricId, defaults.method, defaults.deviationThreshold, defaults.budgetYuan);
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
    db.prepare('UPDATE meeting_settings SET rubric_id = ?, method = ?, deviation_threshold = ?, budget_yuan = ? WHERE meeting_id = ?').run(
      after.rubricId,
      after.method,
      after.deviationThreshold,
      after.budgetYuan,
      meetingId,
    );
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

export function saveRoster(
  ctx: ServiceContext,
  meetingId: number,
  actor: string,
  experts: readonly { readonly id: string; readonly name: string }[],
): void {
  const { db } = ctx;
  meetingRow(db, meetingId);
  const seen = new Set<string>();
  for (const expert of experts) {
    if (seen.has(expert.id)) throw new AppError('roster-duplicate', `专家编号 ${expert.id} 出现了两次，每位专家的编号必须不同。`);
    seen.add(expert.id);
  }
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    ensurePrepared(db, meetingId);
    const before = meetingExperts(db, meetingId);
    const text = (list: readonly { id: string; name: string }[]) =>
      [...list]
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((e) => `${e.id} ${e.name}`)
        .join('、');
    if (text(before) === text(experts)) return;
    db.prepare('DELETE FROM meeting_expert WHERE meeting_id = ?').run(meetingId);
    const insert = db.prepare('INSERT INTO meeting_expert (meeting_id, expert_id, name) VALUES (?, ?, ?)');
    for (const expert of experts) insert.run(meetingId, expert.id, expert.name);
    appendAudit(db, {
      meetingId,
      at: ctx.now().toISOString(),
      actor,
      action: 'roster-change',
      detail: { roster: text(experts), before: text(before) },
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
    db.prepare('DELETE FROM meeting_package WHERE meeting_id = ?').run(meetingId);
    const insert = db.prepare('INSERT INTO meeting_package (meeting_id, alliance_id, digest) VALUES (?, ?, ?)');
    for (const row of after) insert.run(meetingId, row.allianceId, row.digest);
    appendAudit(db, {
      meetingId,
      at: ctx.now().toISOString(),
      actor,
      action: 'packages-change',
      detail: { packages: text(after), before: text(before) },
    });
  })();
}
