/**
 * Package store: alliance packages as rows (migration 0002). Every function takes the
 * database first. Nothing here overwrites: a new digest is a new version row; the same
 * digest is the same package.
 */
import type { Database } from 'better-sqlite3';
import type { PackageDetail, PackageFileView, PackageProblemView, PackageSummary } from '../../shared/api/package-types.ts';
import type { Manifest } from '../../shared/package/manifest.ts';
import { isEvidenceProblemCode, type EvidenceProblemCode } from '../../shared/evidence/evidence-inspection.ts';
import { isEvidenceType, type EvidenceType } from '../../shared/evidence/evidence-type.ts';
import type { Grade } from '../../shared/rubric/types.ts';
import { AppError } from '../errors/app-error.ts';
import { carryOverWork } from './carry-over.ts';

export interface NewPackage {
  readonly digest: string;
  readonly manifest: Manifest;
  readonly files: readonly NewPackageFile[];
  readonly warnings: readonly PackageProblemView[];
  readonly selfTotal: string;
  readonly selfGrade: Grade;
  readonly sourceName: string;
  readonly sourceKind: 'zip' | 'folder';
  readonly importedAt: string;
}

export interface NewPackageFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly namedByClaim: boolean;
  /** What the package reader's inspection found it to be, from its bytes; null when not inspected. */
  readonly detectedType: EvidenceType | null;
  readonly problemCode: EvidenceProblemCode | null;
}

export function findPackageByDigest(db: Database, digest: string): { id: number; version: number } | undefined {
  return db.prepare<[string], { id: number; version: number }>('SELECT id, version FROM package WHERE digest = ?').get(digest);
}

/**
 * Records one package, its files, claims and warnings in one transaction. The evidence
 * bytes must already be in the store. Returns the existing row when the digest is known.
 */
export function insertPackage(db: Database, input: NewPackage): { id: number; version: number; existed: boolean } {
  return db.transaction(() => {
    const existing = findPackageByDigest(db, input.digest);
    if (existing) return { ...existing, existed: true };
    const { manifest } = input;
    const version =
      (db
        .prepare<[string, number], number>('SELECT coalesce(max(version), 0) FROM package WHERE alliance_id = ? AND year = ?')
        .pluck()
        .get(manifest.alliance.id, manifest.year) ?? 0) + 1;
    const id = db
      .prepare(
        `INSERT INTO package (digest, alliance_id, alliance_name, alliance_kind, year, rubric_id, version, manifest_json,
           self_report_path, self_total, self_grade, source_name, source_kind, imported_at)
         VALUES (@digest, @allianceId, @allianceName, @allianceKind, @year, @rubricId, @version, @manifestJson,
           @selfReport, @selfTotal, @selfGrade, @sourceName, @sourceKind, @importedAt)`,
      )
      .run({
        digest: input.digest,
        allianceId: manifest.alliance.id,
        allianceName: manifest.alliance.name,
        allianceKind: manifest.alliance.kind,
        year: manifest.year,
        rubricId: manifest.rubric,
        version,
        manifestJson: JSON.stringify(manifest),
        selfReport: manifest.selfReport,
        selfTotal: input.selfTotal,
        selfGrade: input.selfGrade,
        sourceName: input.sourceName,
        sourceKind: input.sourceKind,
        importedAt: input.importedAt,
      }).lastInsertRowid as number;
    const insertEvidence = db.prepare(
      'INSERT OR IGNORE INTO evidence_file (sha256, size, content_type, stored_at) VALUES (?, ?, ?, ?)',
    );
    const insertFile = db.prepare(
      'INSERT INTO package_file (package_id, path, sha256, size, named_by_claim, detected_type, problem_code) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const file of input.files) {
      insertEvidence.run(file.sha256, file.size, file.contentType, input.importedAt);
      insertFile.run(id, file.path, file.sha256, file.size, file.namedByClaim ? 1 : 0, file.detectedType, file.problemCode);
    }
    const insertClaim = db.prepare('INSERT INTO claim (package_id, criterion_id, claim_json) VALUES (?, ?, ?)');
    for (const [criterionId, claim] of Object.entries(manifest.claims)) insertClaim.run(id, criterionId, JSON.stringify(claim));
    const insertProblem = db.prepare(
      "INSERT INTO package_problem (package_id, seq, severity, code, path, message) VALUES (?, ?, 'warning', ?, ?, ?)",
    );
    input.warnings.forEach((w, seq) => insertProblem.run(id, seq, w.code, w.path, w.message));
    // A new version mid-meeting is a 补正: the experts' work on unchanged claims waits for their
    // confirmation, changed claims are reopened, and the alliance's open requests are answered.
    const previous = db
      .prepare<[string, number, number], number>('SELECT id FROM package WHERE alliance_id = ? AND year = ? AND version = ?')
      .pluck()
      .get(manifest.alliance.id, manifest.year, version - 1);
    if (previous !== undefined) {
      carryOverWork(db, previous, id, input.importedAt);
      db.prepare(
        `UPDATE clarification_request SET answered_package_id = ?, answered_at = ?
         WHERE alliance_id = ? AND answered_package_id IS NULL
           AND meeting_id IN (SELECT id FROM meeting WHERE year = ?)`,
      ).run(id, input.importedAt, manifest.alliance.id, manifest.year);
    }
    return { id, version, existed: false };
  })();
}

interface SummaryRow {
  id: number;
  alliance_id: string;
  alliance_name: string;
  alliance_kind: PackageSummary['allianceKind'];
  year: number;
  version: number;
  superseded: number;
  digest: string;
  self_total: string;
  self_grade: Grade;
  warning_count: number;
  file_count: number;
  total_bytes: number;
  source_name: string;
  imported_at: string;
}

const summarySelect = `
  SELECT p.id, p.alliance_id, p.alliance_name, p.alliance_kind, p.year, p.version, p.digest, p.self_total, p.self_grade,
         p.source_name, p.imported_at,
         EXISTS (SELECT 1 FROM package n WHERE n.alliance_id = p.alliance_id AND n.year = p.year AND n.version > p.version) AS superseded,
         (SELECT count(*) FROM package_problem w WHERE w.package_id = p.id) AS warning_count,
         (SELECT count(*) FROM package_file f WHERE f.package_id = p.id) AS file_count,
         (SELECT coalesce(sum(size), 0) FROM package_file f WHERE f.package_id = p.id) AS total_bytes
  FROM package p`;

function toSummary(row: SummaryRow): PackageSummary {
  return {
    id: row.id,
    allianceId: row.alliance_id,
    allianceName: row.alliance_name,
    allianceKind: row.alliance_kind,
    year: row.year,
    version: row.version,
    superseded: row.superseded === 1,
    digest: row.digest,
    selfTotal: row.self_total,
    selfGrade: row.self_grade,
    warningCount: row.warning_count,
    fileCount: row.file_count,
    totalBytes: row.total_bytes,
    sourceName: row.source_name,
    importedAt: row.imported_at,
  };
}

export function listPackages(db: Database): PackageSummary[] {
  return db
    .prepare<[], SummaryRow>(`${summarySelect} ORDER BY p.year DESC, p.alliance_id, p.version DESC`)
    .all()
    .map(toSummary);
}

interface FileRow {
  path: string;
  sha256: string;
  size: number;
  named_by_claim: number;
  detected_type: string | null;
  problem_code: string | null;
}

// A type or problem this program does not know (a store written by a newer one) is as good as
// not kept: the viewer then goes by the file's name, as it did before types were kept.
function toFileView(f: FileRow): PackageFileView {
  return {
    path: f.path,
    sha256: f.sha256,
    size: f.size,
    namedByClaim: f.named_by_claim === 1,
    type: f.detected_type !== null && isEvidenceType(f.detected_type) ? f.detected_type : null,
    problem: f.problem_code !== null && isEvidenceProblemCode(f.problem_code) ? f.problem_code : null,
  };
}

export function packageDetail(db: Database, packageId: number): PackageDetail {
  const row = db.prepare<[number], SummaryRow>(`${summarySelect} WHERE p.id = ?`).get(packageId);
  if (!row) throw new AppError('package-not-found', '没有找到这个材料包。');
  const manifestJson = db.prepare<[number], string>('SELECT manifest_json FROM package WHERE id = ?').pluck().get(packageId) ?? 'null';
  const files = db
    .prepare<[number], FileRow>('SELECT path, sha256, size, named_by_claim, detected_type, problem_code FROM package_file WHERE package_id = ? ORDER BY path')
    .all(packageId)
    .map(toFileView);
  const warnings = db
    .prepare<[number], PackageProblemView>(
      "SELECT 'warning' AS severity, code, path, message FROM package_problem WHERE package_id = ? ORDER BY seq",
    )
    .all(packageId);
  return { summary: toSummary(row), manifest: JSON.parse(manifestJson) as unknown, files, warnings };
}
