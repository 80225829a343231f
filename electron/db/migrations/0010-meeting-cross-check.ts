import type { Migration } from '../migration.ts';

/**
 * meeting_cross_check: the cross-check findings a meeting file brought from the clerk's laptop
 * (`cross-check.json`, shared/meeting/meeting-cross-check-format.ts), one row per meeting, the
 * latest import's. An expert's laptop lacks the earlier years' packages, so it cannot find
 * reuse from earlier years itself; these findings are shown beside its own
 * (electron/integrity/meeting-findings.ts). `content_sha256` is the meeting file's content hash
 * that carried them.
 */
export const m0010MeetingCrossCheck: Migration = {
  version: 10,
  name: '0010-meeting-cross-check',
  up(db) {
    db.exec(`
      CREATE TABLE meeting_cross_check (
        meeting_id INTEGER PRIMARY KEY REFERENCES meeting (id),
        content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64 AND content_sha256 NOT GLOB '*[^0-9a-f]*'),
        checked_at TEXT NOT NULL,
        findings_json TEXT NOT NULL CHECK (json_valid(findings_json) AND json_type(findings_json) = 'array'),
        stored_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
