/**
 * The chair's notes on cross-check findings (材料核查批注), recorded in the audit log. A note
 * belongs to the exact finding it answers, named by its key: the SHA-256 of the RFC 8785 text
 * of its kind, identifier and places (the detail's wording may change between versions; what
 * was found where does not). A finding that changed (a place more or less) is a new finding
 * without a note. Notes are never edited: a later note supersedes, the earlier stays.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { CrossCheckView, NotedFinding } from '../../shared/api/integrity-types.ts';
import { canonicalJson } from '../../shared/format/canonical-json.ts';
import type { Finding } from '../../shared/integrity/finding.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import type { MeetingCrossCheck } from './meeting-cross-check.ts';

export function findingKey(finding: Finding): string {
  const text = canonicalJson({ kind: finding.kind, identifier: finding.identifier, places: finding.places });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The findings with their keys and each one's latest note. */
export function notedView(db: Database, meetingId: number, check: MeetingCrossCheck): CrossCheckView {
  const latest = db.prepare<[number, string], { note: string; noted_by: string; noted_at: string }>(
    'SELECT note, noted_by, noted_at FROM cross_check_note WHERE meeting_id = ? AND finding_key = ? ORDER BY id DESC LIMIT 1',
  );
  const findings: NotedFinding[] = check.findings.map((finding) => {
    const key = findingKey(finding);
    const row = latest.get(meetingId, key);
    return { ...finding, key, note: row === undefined ? null : { text: row.note, by: row.noted_by, at: row.noted_at } };
  });
  return { findings, packages: check.packages, earlierPackages: check.earlierPackages };
}

/** Saves the chair's note on the finding of `key` among `check`'s findings, with its audit entry. */
export function saveFindingNote(db: Database, meetingId: number, check: MeetingCrossCheck, input: { actor: string; key: string; note: string; at: string }): void {
  const finding = check.findings.find((f) => findingKey(f) === input.key);
  if (finding === undefined) throw new AppError('finding-gone', '这条提示已经不存在了（会议的材料包有变化），请重新核查后对现在的提示写批注。');
  db.transaction(() => {
    const auditSeq = appendAudit(db, {
      meetingId,
      at: input.at,
      actor: input.actor,
      action: 'cross-check-note',
      detail: { kind: finding.kind, identifier: finding.identifier, finding: finding.detail, note: input.note },
    });
    db.prepare(
      'INSERT INTO cross_check_note (meeting_id, finding_key, kind, detail, note, noted_at, noted_by, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(meetingId, input.key, finding.kind, finding.detail, input.note, input.at, input.actor, auditSeq);
  })();
}
