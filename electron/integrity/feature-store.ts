/**
 * Feature store: the file features of stored evidence files, kept by content hash in the
 * file_features table (migration 0006), so a meeting checked again, or after one more
 * package, reads only the files it has not read before: adding a package costs that package.
 * The importer keeps each file's features as it stores the file (import-features.ts); the
 * cross-check reads a file itself only when nobody has (a store from before that).
 *
 * - format: how features are made (`FEATURES_FORMAT`); a row of another format is read again.
 */
import type { Database } from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import type { FileFeatures } from '../../shared/integrity/cross-check.ts';
import { storedEvidencePath } from '../evidence/evidence-path.ts';
import { signatureType } from '../package-reader/inspect-evidence.ts';
import { readRange } from '../package-reader/inspect/evidence-bytes.ts';
import { noFeatures, readFileFeatures, type FeatureCache } from './file-features.ts';

/** Raise when what file-features-task.ts reads, or how, changes. */
export const FEATURES_FORMAT = 1;

/** The kinds of file that have features: images and PDFs (file-features-task.ts). */
export const featureTypes: ReadonlySet<string> = new Set<EvidenceType>(['pdf', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'tiff', 'heic']);

const upsertSql = `INSERT INTO file_features (sha256, format, features_json, read_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (sha256) DO UPDATE SET format = excluded.format, features_json = excluded.features_json, read_at = excluded.read_at`;

/**
 * The feature store as the cross-check uses it. What it reads is kept in memory until `flush`,
 * which writes it all in one transaction: one commit (and one sync to disk) for a whole check,
 * not one a file.
 */
export function featureStore(db: Database, now: () => Date): FeatureCache & { flush(): void } {
  const select = db.prepare<[string, number], { features_json: string }>('SELECT features_json FROM file_features WHERE sha256 = ? AND format = ?');
  const upsert = db.prepare<[string, number, string, string]>(upsertSql);
  const unwritten = new Map<string, FileFeatures>();
  return {
    get(sha256) {
      const kept = unwritten.get(sha256);
      if (kept !== undefined) return kept;
      const row = select.get(sha256, FEATURES_FORMAT);
      return row === undefined ? undefined : (JSON.parse(row.features_json) as FileFeatures);
    },
    set(sha256, features) {
      unwritten.set(sha256, features);
    },
    flush() {
      if (unwritten.size === 0) return;
      const at = now().toISOString();
      db.transaction(() => {
        for (const [sha256, features] of unwritten) upsert.run(sha256, FEATURES_FORMAT, JSON.stringify(features), at);
      })();
      unwritten.clear();
    },
  };
}

/** Whether a file's features are kept (in the current format). */
export function hasStoredFeatures(db: Database, sha256: string): boolean {
  return db.prepare<[string, number], number>('SELECT 1 FROM file_features WHERE sha256 = ? AND format = ?').pluck().get(sha256, FEATURES_FORMAT) !== undefined;
}

/**
 * Keeps features read at import (import-features.ts). Runs inside the caller's transaction when
 * there is one: the importer stores them with the package's rows, in its one commit.
 */
export function storeFeatures(db: Database, features: ReadonlyMap<string, FileFeatures>, at: string): void {
  const upsert = db.prepare<[string, number, string, string]>(upsertSql);
  db.transaction(() => {
    for (const [sha256, f] of features) upsert.run(sha256, FEATURES_FORMAT, JSON.stringify(f), at);
  })();
}

/**
 * The features of a stored file, from the store when read before, else read from the file
 * (a missing one has none) and kept.
 */
export async function storedFileFeatures(cache: FeatureCache, dataDir: string, sha256: string): Promise<FileFeatures> {
  const known = cache.get(sha256);
  if (known !== undefined) return known;
  const file = storedEvidencePath(dataDir, sha256);
  let features = noFeatures;
  if (file !== null) {
    // Read where it is stored (by range for a PDF), as the import reads a file it does not hold.
    const stored = { file, size: statSync(file).size };
    const type = signatureType(await readRange(stored, 0, 1024));
    if (type !== null && featureTypes.has(type)) features = await readFileFeatures(stored, type as EvidenceType);
  }
  cache.set(sha256, features);
  return features;
}
