import type { Migration } from '../migration.ts';

/**
 * The experts' work on this laptop.
 *
 * - expert: a profile (name, roster id) on a laptop that several experts may share; every
 *   other table here hangs from one, and an expert sees only rows of their own.
 * - expert_key: the expert's Ed25519 key pair, made on this laptop. The private key is stored
 *   only sealed (electron/experts/key-protection.ts): encrypted with a key derived from the
 *   expert's passphrase, and in the desktop shell wrapped once more by the OS (safeStorage).
 *   One key is active per expert; a retired key stays so old sheets can still be traced.
 * - decision: the current state of one expert's decision on one claim of one package version:
 *   a flag (`item_id` ''), a claimed item of a list criterion, or a judged value (decimal text).
 * - indicator_override: an expert's replacement for an indicator's computed score, with reason.
 * - review_comment: the expert's comment on one alliance's package.
 * - recusal (回避): the expert does not score an alliance in a year; the reason is the comment
 *   of the recused review in the sheet. Kept per alliance, so it survives a new package version.
 * - work_change: every change above, in order, with the state before and after (JSON). It is
 *   the history and the undo stack: an undo applies `before_json` and is itself a change that
 *   names the change it undoes (`undoes`), while the undone one points back (`undone_by`).
 * - signed_sheet: every sheet the expert signed, exactly as written (history is kept). The
 *   latest one of a year locks that year's work until the expert chooses to revise
 *   (`revised_at`); signing again makes a higher `version` that supersedes it.
 */
export const m0003ExpertWork: Migration = {
  version: 3,
  name: '0003-expert-work',
  up(db) {
    db.exec(`
      CREATE TABLE expert (
        id INTEGER PRIMARY KEY,
        roster_id TEXT NOT NULL UNIQUE CHECK (length(roster_id) BETWEEN 1 AND 64),
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
        hand_signature TEXT CHECK (hand_signature IS NULL OR hand_signature LIKE 'data:image/png;base64,%'),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE expert_key (
        id INTEGER PRIMARY KEY,
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        public_key TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 19),
        protection TEXT NOT NULL CHECK (protection IN ('passphrase', 'passphrase+os')),
        sealed_private_key BLOB NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX expert_key_active ON expert_key (expert_id) WHERE retired_at IS NULL;

      CREATE TABLE decision (
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        package_id INTEGER NOT NULL REFERENCES package (id),
        criterion_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        accept INTEGER CHECK (accept IN (0, 1)),
        reason TEXT,
        value TEXT,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (expert_id, package_id, criterion_id, item_id),
        CHECK ((accept IS NULL) <> (value IS NULL)),
        CHECK (accept IS NOT 0 OR coalesce(length(trim(reason)), 0) > 0)
      ) STRICT;

      CREATE TABLE indicator_override (
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        package_id INTEGER NOT NULL REFERENCES package (id),
        indicator_id TEXT NOT NULL,
        score TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        decided_at TEXT NOT NULL,
        PRIMARY KEY (expert_id, package_id, indicator_id)
      ) STRICT;

      CREATE TABLE review_comment (
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        package_id INTEGER NOT NULL REFERENCES package (id),
        comment TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (expert_id, package_id)
      ) STRICT;

      CREATE TABLE recusal (
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        alliance_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (expert_id, alliance_id, year)
      ) STRICT;

      CREATE TABLE work_change (
        seq INTEGER PRIMARY KEY,
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        package_id INTEGER NOT NULL REFERENCES package (id),
        subject TEXT NOT NULL CHECK (subject IN ('decision', 'override', 'comment', 'recusal')),
        subject_key TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        changed_at TEXT NOT NULL,
        undoes INTEGER REFERENCES work_change (seq),
        undone_by INTEGER REFERENCES work_change (seq)
      ) STRICT;
      CREATE INDEX work_change_review ON work_change (expert_id, package_id, seq);

      CREATE TABLE signed_sheet (
        id INTEGER PRIMARY KEY,
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        year INTEGER NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        signed_at TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_path TEXT NOT NULL,
        sheet_text TEXT NOT NULL,
        revised_at TEXT,
        UNIQUE (expert_id, year, version)
      ) STRICT;
    `);
  },
};
