import type { Migration } from '../migration.ts';

/**
 * The meeting and the panel: what the clerk prepares, what the chair imports and decides, and
 * the audit log of it all (docs/meeting-procedure.md).
 *
 * Preparation (changed by the clerk until the result is locked; every change is logged):
 * - meeting_settings: one row per prepared meeting: its uid (shared by every laptop that
 *   imported its meeting file), rubric, aggregation method, deviation threshold and award
 *   budget (decimal text, as the clerk typed it).
 * - meeting_expert: the roster (expert id and name).
 * - meeting_package: the package each alliance is reviewed with, by digest.
 * - meeting_file: meeting files written or read, by content hash.
 *
 * Records (append-only: triggers refuse UPDATE and DELETE; later rows supersede earlier ones):
 * - chair_sheet: every signed sheet the chair imported, as its file text, with the key and time.
 * - key_decision: the chair's decision on an expert's key after comparing its fingerprint with
 *   the expert's read-out: confirmed (at most one per expert) or rejected.
 * - paper_entry / paper_sheet: the two blind entries of a paper sheet, and the sheet they
 *   agreed on.
 * - previous_result: last year's result files imported; the latest counts.
 * - flag_note: the chair's notes on flags (findings); the latest per flag counts.
 * - panel_lock / panel_reopen: locked results (text and SHA-256) and their reopenings.
 * - audit_entry: the hash chain (shared/audit/audit-entry.ts). Besides refusing UPDATE and
 *   DELETE, a trigger refuses an insert that does not extend the chain by exactly one entry.
 *   Every record above names the audit entry of the action that made it (`audit_seq`).
 */
const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are never changed'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are never deleted'); END;
`;

const SHA256_CHECK = (column: string) => `CHECK (length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*')`;

export const m0004MeetingAndPanel: Migration = {
  version: 4,
  name: '0004-meeting-and-panel',
  up(db) {
    db.exec(`
      CREATE TABLE audit_entry (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 100),
        action TEXT NOT NULL,
        detail_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL ${SHA256_CHECK('prev_hash')},
        hash TEXT NOT NULL UNIQUE ${SHA256_CHECK('hash')}
      ) STRICT;
      ${appendOnly('audit_entry')}
      CREATE TRIGGER audit_entry_extends_chain BEFORE INSERT ON audit_entry
        WHEN NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM audit_entry)
          OR NEW.prev_hash <> coalesce((SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1), '${'0'.repeat(64)}')
        BEGIN SELECT RAISE(ABORT, 'audit_entry must extend the chain by one entry'); END;

      CREATE TABLE meeting_settings (
        meeting_id INTEGER PRIMARY KEY REFERENCES meeting (id),
        uid TEXT NOT NULL UNIQUE CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
        rubric_id TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('mean', 'trimmed')),
        deviation_threshold TEXT NOT NULL,
        budget_yuan TEXT
      ) STRICT;

      CREATE TABLE meeting_expert (
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        expert_id TEXT NOT NULL CHECK (length(expert_id) BETWEEN 1 AND 64),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        PRIMARY KEY (meeting_id, expert_id)
      ) STRICT;

      CREATE TABLE meeting_package (
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        alliance_id TEXT NOT NULL,
        digest TEXT NOT NULL REFERENCES package (digest),
        PRIMARY KEY (meeting_id, alliance_id)
      ) STRICT;

      CREATE TABLE meeting_file (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
        content_sha256 TEXT NOT NULL ${SHA256_CHECK('content_sha256')},
        file_name TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE chair_sheet (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        expert_id TEXT NOT NULL,
        expert_name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        signed_at_ms INTEGER NOT NULL,
        sheet_text TEXT NOT NULL,
        sheet_sha256 TEXT NOT NULL ${SHA256_CHECK('sheet_sha256')},
        source_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq),
        UNIQUE (meeting_id, sheet_sha256)
      ) STRICT;
      CREATE INDEX chair_sheet_expert ON chair_sheet (meeting_id, expert_id);
      ${appendOnly('chair_sheet')}

      CREATE TABLE key_decision (
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        public_key TEXT NOT NULL,
        expert_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
        read_out TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq),
        PRIMARY KEY (meeting_id, public_key)
      ) STRICT;
      CREATE UNIQUE INDEX key_decision_one_confirmed ON key_decision (meeting_id, expert_id) WHERE decision = 'confirmed';
      ${appendOnly('key_decision')}

      CREATE TABLE paper_entry (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        expert_id TEXT NOT NULL,
        entry_no INTEGER NOT NULL CHECK (entry_no IN (1, 2)),
        entered_by TEXT NOT NULL CHECK (length(entered_by) BETWEEN 1 AND 100),
        content_json TEXT NOT NULL,
        entered_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX paper_entry_expert ON paper_entry (meeting_id, expert_id, entry_no);
      ${appendOnly('paper_entry')}

      CREATE TABLE paper_sheet (
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        expert_id TEXT NOT NULL,
        sheet_json TEXT NOT NULL,
        entered_by TEXT NOT NULL,
        confirmed_by TEXT NOT NULL,
        first_entry_id INTEGER NOT NULL REFERENCES paper_entry (id),
        second_entry_id INTEGER NOT NULL REFERENCES paper_entry (id),
        agreed_at TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq),
        PRIMARY KEY (meeting_id, expert_id),
        CHECK (entered_by <> confirmed_by)
      ) STRICT;
      ${appendOnly('paper_sheet')}

      CREATE TABLE previous_result (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        result_text TEXT NOT NULL,
        sha256 TEXT NOT NULL ${SHA256_CHECK('sha256')},
        source_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq)
      ) STRICT;
      ${appendOnly('previous_result')}

      CREATE TABLE flag_note (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        alliance_id TEXT NOT NULL,
        flag_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        expert_id TEXT,
        indicator_id TEXT,
        detail TEXT NOT NULL,
        note TEXT NOT NULL CHECK (length(trim(note)) BETWEEN 1 AND 2000),
        noted_at TEXT NOT NULL,
        noted_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq)
      ) STRICT;
      CREATE INDEX flag_note_key ON flag_note (meeting_id, flag_key);
      ${appendOnly('flag_note')}

      CREATE TABLE panel_lock (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        result_text TEXT NOT NULL,
        result_sha256 TEXT NOT NULL ${SHA256_CHECK('result_sha256')},
        findings_json TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        locked_at TEXT NOT NULL,
        locked_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq)
      ) STRICT;
      ${appendOnly('panel_lock')}

      CREATE TABLE panel_reopen (
        lock_id INTEGER PRIMARY KEY REFERENCES panel_lock (id),
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 2000),
        reopened_at TEXT NOT NULL,
        reopened_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq)
      ) STRICT;
      ${appendOnly('panel_reopen')}
    `);
  },
};
