import type { Migration } from '../migration.ts';

/**
 * file_features: what the cross-check read of each stored evidence file (its perceptual hash,
 * EXIF date, page fingerprints and identifiers: shared/integrity/cross-check.ts
 * `FileFeatures`, as JSON), by content hash, so that checking a meeting again, or after one
 * more package, reads only the files not read before. `format` is the version of how the
 * features are made (electron/integrity/feature-store.ts): rows of an older format are read
 * again, never compared with newer ones.
 *
 * cross_check_note: the chair's note on one finding of a meeting's cross-check (经核实为两联盟共同
 * 承担的项目), with the audit entry that records it. A finding is named by its key (the SHA-256
 * of its kind, identifier and places, electron/integrity/finding-notes.ts); a later note on the
 * same finding supersedes the earlier one, which stays.
 */
export const m0007CrossCheck: Migration = {
  version: 7,
  name: '0007-cross-check',
  up(db) {
    db.exec(`
      CREATE TABLE file_features (
        sha256 TEXT PRIMARY KEY REFERENCES evidence_file (sha256),
        format INTEGER NOT NULL CHECK (format >= 1),
        features_json TEXT NOT NULL CHECK (json_valid(features_json)),
        read_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE cross_check_note (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id),
        finding_key TEXT NOT NULL CHECK (length(finding_key) = 64 AND finding_key NOT GLOB '*[^0-9a-f]*'),
        kind TEXT NOT NULL,
        detail TEXT NOT NULL,
        note TEXT NOT NULL CHECK (length(note) > 0),
        noted_at TEXT NOT NULL,
        noted_by TEXT NOT NULL,
        audit_seq INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX cross_check_note_finding ON cross_check_note (meeting_id, finding_key);
    `);
  },
};
