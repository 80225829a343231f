import type { Migration } from '../migration.ts';

/**
 * 补正 (clarification) and the experts' written explanations (docs/meeting-procedure.md, “补正”).
 *
 * - clarification_request: the chair asked an alliance for what is missing (`missing`) by a
 *   date (`due_on`, YYYY-MM-DD). `answered_package_id` is the package version that answered it,
 *   set once, when that alliance's next version is imported; the rest of the row never changes.
 * - carried_decision: a decision of an expert on a new package version that was copied from the
 *   previous version because the claim did not change (electron/package-store/carry-over.ts). It waits
 *   for the expert to confirm (待确认): `confirmed_at` is set then, or the row is deleted when the
 *   expert decides that claim anew.
 * - amended_claim: a criterion whose claim changed in a new version (材料已补正); the expert's
 *   decisions on it were not carried over.
 * - review_explanation: the expert's written explanation (说明理由) of their score on one
 *   criterion of one package version; it travels in the signed sheet's `explanations`.
 */
export const m0011Clarification: Migration = {
  version: 11,
  name: '0011-clarification',
  up(db) {
    db.exec(`
      CREATE TABLE clarification_request (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        alliance_id TEXT NOT NULL,
        missing TEXT NOT NULL CHECK (length(trim(missing)) BETWEEN 1 AND 2000),
        due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        requested_at TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES audit_entry (seq),
        answered_package_id INTEGER REFERENCES package (id),
        answered_at TEXT
      ) STRICT;
      CREATE INDEX clarification_request_alliance ON clarification_request (alliance_id);
      CREATE TRIGGER clarification_request_answer_once BEFORE UPDATE ON clarification_request
        WHEN OLD.answered_package_id IS NOT NULL
          OR NEW.id IS NOT OLD.id OR NEW.meeting_id IS NOT OLD.meeting_id OR NEW.alliance_id IS NOT OLD.alliance_id
          OR NEW.missing IS NOT OLD.missing OR NEW.due_on IS NOT OLD.due_on OR NEW.requested_at IS NOT OLD.requested_at
          OR NEW.requested_by IS NOT OLD.requested_by OR NEW.audit_seq IS NOT OLD.audit_seq
        BEGIN SELECT RAISE(ABORT, 'clarification_request: only the answer is set, once'); END;
      CREATE TRIGGER clarification_request_no_delete BEFORE DELETE ON clarification_request
        BEGIN SELECT RAISE(ABORT, 'clarification_request rows are never deleted'); END;

      CREATE TABLE carried_decision (
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        package_id INTEGER NOT NULL REFERENCES package (id),
        criterion_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        from_package_id INTEGER NOT NULL REFERENCES package (id),
        carried_at TEXT NOT NULL,
        confirmed_at TEXT,
        PRIMARY KEY (expert_id, package_id, criterion_id, item_id)
      ) STRICT;

      CREATE TABLE amended_claim (
        package_id INTEGER NOT NULL REFERENCES package (id),
        criterion_id TEXT NOT NULL,
        from_package_id INTEGER NOT NULL REFERENCES package (id),
        PRIMARY KEY (package_id, criterion_id)
      ) STRICT;

      CREATE TABLE review_explanation (
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        package_id INTEGER NOT NULL REFERENCES package (id),
        criterion_id TEXT NOT NULL,
        explanation TEXT NOT NULL CHECK (length(trim(explanation)) BETWEEN 1 AND 2000),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (expert_id, package_id, criterion_id)
      ) STRICT;
    `);
  },
};
