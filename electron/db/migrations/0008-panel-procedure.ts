import type { Migration } from '../migration.ts';

/**
 * The panel's procedure before the lock (docs/meeting-procedure.md, 第 6 节“签到与分歧” and 第 8 节's lock conditions).
 *
 * - meeting_settings.outlier_share: the meeting's share of a criterion's cap beyond which a
 *   subjective score is an outlier (畸高畸低), decimal text as the clerk typed it; 0.3 unless set.
 * - difference_standing: the panel recorded that an objective difference (experts decided one
 *   claimed flag or item differently) stands, and why. `decisions` is the exact set of decisions
 *   it answers (electron/chair/panel-procedure.ts `differenceKey`): when a sheet changes them, the
 *   record no longer applies and the difference is open again.
 * - outlier_explanation: an expert's written explanation of one subjective score far from the
 *   others' mean, as the chair entered it from the expert; it answers that score only.
 * - paper_pledge: the chair recorded that an expert's signed paper pledge (承诺书) is on file —
 *   the sign-in of an expert on paper or of a format-1 sheet.
 * - previous_none: the chair confirmed that there are no results of last year to load.
 * - panel_reopen.ground: which of 财政部令第87号 art. 64's four reasons a reopening names; NULL in
 *   reopenings recorded before this step (they had a free-text reason only).
 * Every row names the audit entry of the action that made it; all are append-only: a later row
 * supersedes an earlier one, which stays as history.
 */
const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are never changed'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are never deleted'); END;
`;

export const REOPEN_GROUNDS_SQL = `'summation-error', 'out-of-range', 'objective-inconsistent', 'extreme-score'`;

export const m0008PanelProcedure: Migration = {
  version: 8,
  name: '0008-panel-procedure',
  up(db) {
    db.exec(`
      ALTER TABLE meeting_settings ADD COLUMN outlier_share TEXT NOT NULL DEFAULT '0.3';

      CREATE TABLE difference_standing (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        alliance_id TEXT NOT NULL,
        criterion_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        decisions TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 2000),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq)
      ) STRICT;
      CREATE INDEX difference_standing_claim ON difference_standing (meeting_id, alliance_id, criterion_id, item_id);
      ${appendOnly('difference_standing')}

      CREATE TABLE outlier_explanation (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        alliance_id TEXT NOT NULL,
        criterion_id TEXT NOT NULL,
        expert_id TEXT NOT NULL,
        score TEXT NOT NULL,
        explanation TEXT NOT NULL CHECK (length(trim(explanation)) BETWEEN 1 AND 2000),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq)
      ) STRICT;
      CREATE INDEX outlier_explanation_score ON outlier_explanation (meeting_id, alliance_id, criterion_id, expert_id);
      ${appendOnly('outlier_explanation')}

      CREATE TABLE paper_pledge (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        expert_id TEXT NOT NULL,
        signed_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq)
      ) STRICT;
      CREATE INDEX paper_pledge_expert ON paper_pledge (meeting_id, expert_id);
      ${appendOnly('paper_pledge')}

      CREATE TABLE previous_none (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        confirmed_at TEXT NOT NULL,
        confirmed_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq)
      ) STRICT;
      ${appendOnly('previous_none')}

      ALTER TABLE panel_reopen ADD COLUMN ground TEXT CHECK (ground IS NULL OR ground IN (${REOPEN_GROUNDS_SQL}));
    `);
  },
};
