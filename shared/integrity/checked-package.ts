/**
 * What the cross-check is given of one package (cross-check.ts): its claims and, for each
 * evidence file, what was read of it (file features, made and kept by content hash in
 * electron/integrity/).
 *
 * - package: one alliance's package of one year; `earlier` for an earlier year's package,
 *   which is only compared with, never itself checked.
 * - file features: for a file, its perceptual hash (images), the date its EXIF says it was
 *   taken, and per page its fingerprint (page-fingerprint.ts) and identifiers, each page
 *   marked whether its text came from the document or from OCR.
 */
import type { Claims } from '../rubric/types.ts';
import type { Identifier } from './identifiers.ts';

export interface PageFeatures {
  readonly page: number;
  readonly fingerprint: string | null;
  readonly identifiers: readonly Identifier[];
  /** Where the page's text came from: a check-digit finding is never made from OCR. */
  readonly text: 'document' | 'ocr';
}

export interface FileFeatures {
  /** Pages of a paged file (1 for an image), or null when unknown. */
  readonly pageCount: number | null;
  readonly imageHash: string | null;
  /** `YYYY-MM-DD` the EXIF says the photo was taken, or null. */
  readonly photoDate: string | null;
  readonly pages: readonly PageFeatures[];
}

export interface CheckedFile {
  readonly path: string;
  readonly sha256: string;
  readonly features: FileFeatures;
}

export interface CheckedPackage {
  readonly allianceId: string;
  readonly year: number;
  readonly earlier: boolean;
  readonly claims: Claims;
  /**
   * The self-check report's path: it restates the claims, so identifiers read from it are not
   * counted (every one would be claimed twice), while the file itself is compared like any other.
   */
  readonly selfReport: string | null;
  /** Every evidence file (the manifest and self-check workbook aside). */
  readonly files: readonly CheckedFile[];
}
