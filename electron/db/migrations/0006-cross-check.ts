import type { Migration } from '../migration.ts';

/**
 * file_features: what the cross-check read of each stored evidence file (its perceptual hash,
 * EXIF date, page fingerprints and identifiers: shared/integrity/cross-check.ts
 * `FileFeatures`, as JSON), by content hash, so that checking a meeting again, or after one
 * more package, reads only the files not read before. `format` is the version of how the
 * features are made (electron/integrity/feature-store.ts): rows of an older format are read
 * again, never compared with newer ones.
 */
export const m0006CrossCheck: Migration = {
  version: 6,
  name: '0006-cross-check',
  up(db) {
    db.exec(`
      CREATE TABLE file_features (
        sha256 TEXT PRIMARY KEY REFERENCES evidence_file (sha256),
        format INTEGER NOT NULL CHECK (format >= 1),
        features_json TEXT NOT NULL CHECK (json_valid(features_json)),
        read_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
