import type { Migration } from '../migration.ts';

/**
 * OCR results, by the evidence file's content hash, so a file in two packages is read once and
 * a result made on another laptop (carried in the meeting file) is used as is.
 *
 * - ocr_file: one row per stored file the OCR queue has looked at: its page count once known
 *   (NULL until the OCR worker has counted them; 0 for a file OCR has nothing to read in, such
 *   as a Word file), and `refusal`, the reason code when the file cannot be read at all
 *   (damaged, past a cap); a refused file is not tried again.
 * - ocr_page: one row per page read, written when the page is done, so after a restart only the
 *   pages without a row are read. `source` says how: `ocr` (the engine read it), `text-layer`
 *   (the page has its own text, no OCR needed) or `no-image` (nothing to read), or `refused`
 *   (this page past a cap; `text` is then empty and `refusal` has the reason code).
 *   `lines_json` holds the lines with their boxes normalised to the page as shown (0..1),
 *   `engine` the engine and model version.
 */
export const m0006Ocr: Migration = {
  version: 6,
  name: '0006-ocr',
  up(db) {
    db.exec(`
      CREATE TABLE ocr_file (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        pages INTEGER CHECK (pages >= 0),
        refusal TEXT,
        queued_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE ocr_page (
        sha256 TEXT NOT NULL REFERENCES ocr_file (sha256),
        page INTEGER NOT NULL CHECK (page >= 1),
        source TEXT NOT NULL CHECK (source IN ('ocr', 'text-layer', 'no-image', 'refused')),
        text TEXT NOT NULL,
        lines_json TEXT NOT NULL,
        engine TEXT NOT NULL,
        refusal TEXT CHECK ((source = 'refused') = (refusal IS NOT NULL)),
        PRIMARY KEY (sha256, page)
      ) STRICT;
    `);
  },
};
