import type { Migration } from '../migration.ts';

/**
 * What the package reader found each package file to be, from its bytes, kept beside the file
 * so the evidence viewer opens it by its content (a photo named .pdf as a photo) and says when
 * its extension does not match, without reading the file again (shared/evidence/).
 *
 * - package_file.detected_type: the inspection's type (shared/evidence/evidence-type.ts), per
 *   path, since a name decides a few cases the bytes leave open (.csv, .wps, .et). NULL for a
 *   file of a package imported before this was kept, and no sniffed type says what it is.
 * - package_file.problem_code: the inspection's problem (`damaged`, `extension-mismatch`, …;
 *   shared/evidence/evidence-inspection.ts), NULL when it found none or was not kept.
 *
 * Files imported earlier get the type their first bytes told the store (evidence_file's
 * content_type, sniffed from the bytes for a PDF and the browser's images; for other kinds it
 * may come from the name, so it is not used): those are the files a viewer is chosen for.
 */
export const m0012PackageFileType: Migration = {
  version: 12,
  name: '0012-package-file-type',
  up(db) {
    db.exec(`
      ALTER TABLE package_file ADD COLUMN detected_type TEXT
        CHECK (detected_type IS NULL OR (length(detected_type) BETWEEN 1 AND 16 AND detected_type NOT GLOB '*[^a-z0-9]*'));
      ALTER TABLE package_file ADD COLUMN problem_code TEXT
        CHECK (problem_code IS NULL OR (length(problem_code) BETWEEN 1 AND 32 AND problem_code NOT GLOB '*[^a-z-]*'));
      UPDATE package_file SET detected_type = (
        SELECT CASE e.content_type
          WHEN 'application/pdf' THEN 'pdf'
          WHEN 'image/jpeg' THEN 'jpeg'
          WHEN 'image/png' THEN 'png'
          WHEN 'image/gif' THEN 'gif'
          WHEN 'image/webp' THEN 'webp'
        END
        FROM evidence_file e WHERE e.sha256 = package_file.sha256
      );
    `);
  },
};
