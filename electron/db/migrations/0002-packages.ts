import type { Migration } from '../migration.ts';

/**
 * Alliance packages in the store.
 *
 * - evidence_file: one row per distinct file content, named by its SHA-256; the bytes live
 *   in `<data>/evidence/<aa>/<sha256>`. A file shared by two packages is kept once.
 * - package: one imported package version, identified by its digest. Re-importing changed
 *   material gives a new row beside the old one (never an update); `version` counts an
 *   alliance's versions for a year from 1.
 * - package_file: every file of a package, by path, pointing at its content.
 * - claim: the package's claims, one row per criterion, as the manifest states them (JSON),
 *   so screens can list them without re-reading the package.
 * - package_problem: the warnings shown to the clerk and the experts.
 */
export const m0002Packages: Migration = {
  version: 2,
  name: '0002-packages',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_file (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        size INTEGER NOT NULL CHECK (size >= 0),
        content_type TEXT NOT NULL,
        stored_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE package (
        id INTEGER PRIMARY KEY,
        digest TEXT NOT NULL UNIQUE CHECK (length(digest) = 64),
        alliance_id TEXT NOT NULL,
        alliance_name TEXT NOT NULL,
        alliance_kind TEXT NOT NULL CHECK (alliance_kind IN ('general', 'incubator', 'finance')),
        year INTEGER NOT NULL,
        rubric_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        manifest_json TEXT NOT NULL,
        self_report_path TEXT NOT NULL,
        self_total TEXT NOT NULL,
        self_grade TEXT NOT NULL CHECK (self_grade IN ('excellent', 'pass', 'fail')),
        source_name TEXT NOT NULL,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('zip', 'folder')),
        imported_at TEXT NOT NULL,
        UNIQUE (alliance_id, year, version)
      ) STRICT;

      CREATE TABLE package_file (
        package_id INTEGER NOT NULL REFERENCES package (id),
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES evidence_file (sha256),
        size INTEGER NOT NULL CHECK (size >= 0),
        named_by_claim INTEGER NOT NULL CHECK (named_by_claim IN (0, 1)),
        PRIMARY KEY (package_id, path)
      ) STRICT;
      CREATE INDEX package_file_sha256 ON package_file (sha256);

      CREATE TABLE claim (
        package_id INTEGER NOT NULL REFERENCES package (id),
        criterion_id TEXT NOT NULL,
        claim_json TEXT NOT NULL,
        PRIMARY KEY (package_id, criterion_id)
      ) STRICT;

      CREATE TABLE package_problem (
        package_id INTEGER NOT NULL REFERENCES package (id),
        seq INTEGER NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('warning')),
        code TEXT NOT NULL,
        path TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (package_id, seq)
      ) STRICT;
    `);
  },
};
