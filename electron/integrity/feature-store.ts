/**
 * Feature store: the file features of stored evidence files, kept by content hash in the
 * file_features table (migration 0006), so a meeting checked again, or after one more
 * package, reads only the files it has not read before: adding a package costs that package.
 *
 * - format: how features are made (`FEATURES_FORMAT`); a row of another format is read again.
 */
import type { Database } from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import type { FileFeatures } from '../../shared/integrity/cross-check.ts';
import { storedEvidencePath } from '../evidence/evidence-path.ts';
import { signatureType } from '../package-reader/inspect-evidence.ts';
import { resolveLimits } from '../package-reader/limits.ts';
import { noFeatures, readFileFeatures } from './file-features.ts';
import type { FeatureCache } from './read-checked-packages.ts';

/** Raise when what file-features-task.ts reads, or how, changes. */
export const FEATURES_FORMAT = 1;

const featureTypes: ReadonlySet<string> = new Set<EvidenceType>(['pdf', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'tiff', 'heic']);

export function featureStore(db: Database, now: () => Date): FeatureCache {
  const select = db.prepare<[string, number], { features_json: string }>('SELECT features_json FROM file_features WHERE sha256 = ? AND format = ?');
  const upsert = db.prepare<[string, number, string, string]>(
    `INSERT INTO file_features (sha256, format, features_json, read_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (sha256) DO UPDATE SET format = excluded.format, features_json = excluded.features_json, read_at = excluded.read_at`,
  );
  return {
    get(sha256) {
      const row = select.get(sha256, FEATURES_FORMAT);
      return row === undefined ? undefined : (JSON.parse(row.features_json) as FileFeatures);
    },
    set(sha256, features) {
      upsert.run(sha256, FEATURES_FORMAT, JSON.stringify(features), now().toISOString());
    },
  };
}

/**
 * The features of a stored file, from the store when read before, else read from its bytes
 * (a file larger than the reader inspects, or missing, has none) and kept.
 */
export async function storedFileFeatures(cache: FeatureCache, dataDir: string, sha256: string): Promise<FileFeatures> {
  const known = cache.get(sha256);
  if (known !== undefined) return known;
  const file = storedEvidencePath(dataDir, sha256);
  let features = noFeatures;
  if (file !== null && statSync(file).size <= resolveLimits(undefined).maxInspectBytes) {
    const bytes = new Uint8Array(readFileSync(file));
    const type = signatureType(bytes.subarray(0, 1024));
    if (type !== null && featureTypes.has(type)) features = await readFileFeatures(bytes, type as EvidenceType);
  }
  cache.set(sha256, features);
  return features;
}
