/**
 * What the panel record gathers that has no other home: the panel's conclusion per alliance
 * (专家组结论) and the observer's notes (监督意见), and the observer mode of this running program.
 *
 * - conclusion: the chair's text on one alliance; the latest counts, earlier ones stay. Refused
 *   once the result is locked, like every record of the panel's procedure.
 * - observer note: written by the observer, with the name they gave on entering the mode, at any
 *   time (also after the lock: the observer watches the lock and the export too).
 * - observer mode (监督查看): a mode of this running program, not of the data: while it is on,
 *   the main process refuses every call that changes anything (electron/ipc/observer-gate.ts);
 *   it ends only by a deliberate `endObserver`. It is kept in memory, so a restarted program
 *   starts with it off (the observer enters again; both are in the audit log).
 *
 * Conclusions and notes are kept as entries of the hash-chained audit log itself (actions
 * `panel-conclusion`, `observer-note`), which already holds who, when and what, append-only and
 * tamper-evident; a table beside it would hold the same facts twice.
 */
import type { PanelConclusionView, ObserverNoteView, ObserverSessionView } from '../../shared/api/panel-record-types.ts';
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { assertUnlocked } from '../meeting/lock-state.ts';
import { meetingRow } from '../meeting/meeting-store.ts';
import { meetingMergePackages } from './meeting-inputs.ts';
import type { Database } from 'better-sqlite3';

const sessions = new WeakMap<ServiceContext, ObserverSessionView>();

interface DetailRow {
  readonly at: string;
  readonly actor: string;
  readonly detail_json: string;
}

function entriesOf(db: Database, meetingId: number, action: string): { at: string; actor: string; detail: Record<string, unknown> }[] {
  return db
    .prepare<[number, string], DetailRow>('SELECT at, actor, detail_json FROM audit_entry WHERE meeting_id = ? AND action = ? ORDER BY seq')
    .all(meetingId, action)
    .map((row) => {
      let detail: Record<string, unknown> = {};
      try {
        detail = JSON.parse(row.detail_json) as Record<string, unknown>;
      } catch {
        // An unreadable detail is the audit verification's finding; here it holds no text.
      }
      return { at: row.at, actor: row.actor, detail };
    });
}

/** Each alliance's latest conclusion, in alliance id order. */
export function panelConclusions(db: Database, meetingId: number): PanelConclusionView[] {
  const latest = new Map<string, PanelConclusionView>();
  for (const entry of entriesOf(db, meetingId, 'panel-conclusion')) {
    const { alliance, allianceName, conclusion } = entry.detail;
    if (typeof alliance !== 'string' || typeof conclusion !== 'string') continue;
    latest.set(alliance, { allianceId: alliance, allianceName: typeof allianceName === 'string' ? allianceName : alliance, text: conclusion, by: entry.actor, at: entry.at });
  }
  return [...latest.values()].sort((a, b) => (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0));
}

export function observerNotes(db: Database, meetingId: number): ObserverNoteView[] {
  return entriesOf(db, meetingId, 'observer-note').flatMap((entry) => (typeof entry.detail.note === 'string' ? [{ name: entry.actor, text: entry.detail.note, at: entry.at }] : []));
}

export function observerSession(ctx: ServiceContext): ObserverSessionView | null {
  return sessions.get(ctx) ?? null;
}

export function saveConclusion(ctx: ServiceContext, meetingId: number, actor: string, allianceId: string, text: string): void {
  const { db } = ctx;
  db.transaction(() => {
    assertUnlocked(db, meetingId);
    const pkg = meetingMergePackages(db, meetingId).packages.find((p) => p.allianceId === allianceId);
    if (pkg === undefined) throw new AppError('alliance-not-in-meeting', `联盟 ${allianceId} 不在本会议的材料包中，不能为它写专家组结论。请刷新后重试。`);
    // The same words again (a double click, a second save) would only record the click.
    const current = panelConclusions(db, meetingId).find((c) => c.allianceId === allianceId);
    if (current?.text === text) return;
    appendAudit(db, { meetingId, at: ctx.now().toISOString(), actor, action: 'panel-conclusion', detail: { alliance: allianceId, allianceName: pkg.allianceName, conclusion: text } });
  })();
}

export function startObserver(ctx: ServiceContext, meetingId: number, name: string): ObserverSessionView {
  const { db } = ctx;
  meetingRow(db, meetingId);
  const current = sessions.get(ctx);
  // Entering again under the same name (a double click) is the session already running.
  if (current !== undefined) {
    if (current.name === name && current.meetingId === meetingId) return current;
    throw new AppError('observer-active', `监督人 ${current.name} 正在监督查看。请先由其结束监督查看，再以新的姓名进入。`);
  }
  const at = ctx.now().toISOString();
  db.transaction(() => {
    appendAudit(db, { meetingId, at, actor: name, action: 'observer-start', detail: { observer: name } });
  })();
  const session = { meetingId, name, since: at };
  sessions.set(ctx, session);
  return session;
}

export function addObserverNote(ctx: ServiceContext, meetingId: number, text: string): void {
  const session = sessions.get(ctx);
  if (session === undefined) throw new AppError('observer-not-active', '只有在“监督查看”模式下才能添加监督意见。请先进入监督查看并填写监督人姓名。');
  const { db } = ctx;
  meetingRow(db, meetingId);
  db.transaction(() => {
    // The same note just added again (a double click) is one note.
    const last = observerNotes(db, meetingId).at(-1);
    if (last?.name === session.name && last.text === text && Date.parse(ctx.now().toISOString()) - Date.parse(last.at) < 60_000) return;
    appendAudit(db, { meetingId, at: ctx.now().toISOString(), actor: session.name, action: 'observer-note', detail: { observer: session.name, note: text } });
  })();
}

/** Ends the mode; asked again when it is already off, it does nothing. */
export function endObserver(ctx: ServiceContext): void {
  const session = sessions.get(ctx);
  if (session === undefined) return;
  const { db } = ctx;
  db.transaction(() => {
    appendAudit(db, { meetingId: session.meetingId, at: ctx.now().toISOString(), actor: session.name, action: 'observer-end', detail: { observer: session.name } });
  })();
  sessions.delete(ctx);
}
