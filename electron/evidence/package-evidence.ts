/**
 * Package evidence: finding the stored file of a path in a package. The renderer names a file
 * by package and path; main looks the path up in package_file and reads only the
 * content-addressed store, so no request can reach a file outside it.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../errors/app-error.ts';
import { storedEvidencePath } from './evidence-path.ts';

export interface PackageEvidenceFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  /** Where the bytes are on disk. */
  readonly file: string;
}

export function packageEvidenceFile(db: Database, dataDir: string, packageId: number, path: string): PackageEvidenceFile {
  const row = db
    .prepare<[number, string], { sha256: string; size: number }>('SELECT sha256, size FROM package_file WHERE package_id = ? AND path = ?')
    .get(packageId, path);
  if (!row) throw new AppError('evidence-not-found', `材料包中没有文件 ${path}。`);
  const file = storedEvidencePath(dataDir, row.sha256);
  if (file === null) throw new AppError('evidence-missing', `文件 ${path} 不在本机的材料库中，请重新导入该材料包。`);
  return { path, sha256: row.sha256, size: row.size, file };
}
