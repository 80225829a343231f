/**
 * What the package channels hand back: imported packages as listed and opened, and what became
 * of each package handed to an import.
 */
import type { EvidenceProblemCode } from '../evidence/evidence-inspection.ts';
import type { EvidenceType } from '../evidence/evidence-type.ts';

/** One problem of a package, as the clerk sees it (shared/package/problem.ts). */
export interface PackageProblemView {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly path: string;
  readonly message: string;
  /** Where it is, in the clerk's words (the claim's label and item), when that differs from `path`. */
  readonly place?: string | undefined;
}

/** What became of one package handed to an import. */
export interface PackageImportReport {
  /** The discriminant of a job's results (`JobResult`). */
  readonly type: 'package-import';
  /** The file or folder name the clerk chose. */
  readonly source: string;
  readonly outcome: 'imported' | 'already-imported' | 'refused' | 'cancelled';
  readonly packageId: number | null;
  readonly allianceId: string | null;
  readonly allianceName: string | null;
  readonly digest: string | null;
  readonly version: number | null;
  readonly problems: readonly PackageProblemView[];
}

/** One imported package version, as listed for the clerk. */
export interface PackageSummary {
  readonly id: number;
  readonly allianceId: string;
  readonly allianceName: string;
  readonly allianceKind: 'general' | 'incubator' | 'finance';
  readonly year: number;
  readonly version: number;
  /** Newer versions of the same alliance and year exist. */
  readonly superseded: boolean;
  readonly digest: string;
  /** Exact decimal, printed without noise ("87.5"). */
  readonly selfTotal: string;
  readonly selfGrade: 'excellent' | 'pass' | 'fail';
  readonly warningCount: number;
  readonly fileCount: number;
  readonly totalBytes: number;
  readonly sourceName: string;
  readonly importedAt: string;
}

export interface PackageFileView {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly namedByClaim: boolean;
  /**
   * What the file is by its content, as the package reader found it at import (never from its
   * name, save where only a name can tell: .csv, .wps, .et); the viewer is chosen by it. Null
   * for a file of a package imported before the program kept it: the viewer then goes by the name.
   */
  readonly type: EvidenceType | null;
  /** What the inspection found wrong with it (damaged, extension-mismatch, …), or null. */
  readonly problem: EvidenceProblemCode | null;
}

export interface PackageDetail {
  readonly summary: PackageSummary;
  readonly manifest: unknown;
  readonly files: readonly PackageFileView[];
  readonly warnings: readonly PackageProblemView[];
}
