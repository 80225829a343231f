import type { Migration } from '../migration.ts';

/**
 * evidence_view: how each expert last viewed an evidence file (its rotation), by the file's
 * content hash, so that a scan turned once stays turned for that expert, and only for them.
 * A viewing preference, not part of the review: changing it is not logged and never signed.
 */
export const m0005EvidenceView: Migration = {
  version: 5,
  name: '0005-evidence-view',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_view (
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        rotation INTEGER NOT NULL CHECK (rotation IN (0, 90, 180, 270)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (expert_id, sha256)
      ) STRICT;
    `);
  },
};
