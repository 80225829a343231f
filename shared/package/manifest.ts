/**
 * Manifest: `manifest.json`, the alliance's declaration at the root of its package
 * (package-format.md): which assessment year and rubric, who the alliance is, where its
 * self-check report is, and its claims with the evidence files each names.
 *
 * - evidence path: a package path (package-path.ts) naming a file of the package. In a
 *   validated manifest every evidence path and `selfReport` is normalised (NFC, `/`) and names
 *   a file that exists.
 */
import type { AllianceKind, Claims } from '../rubric/types.ts';

export const PACKAGE_FORMAT = 'alliance-review/package';
export const PACKAGE_FORMAT_VERSION = 1;

export interface AllianceContact {
  readonly name?: string | undefined;
  readonly phone?: string | undefined;
}

export interface Alliance {
  /** 1–64 characters of `A-Z a-z 0-9 - _`. */
  readonly id: string;
  readonly name: string;
  readonly kind: AllianceKind;
  readonly leadOrganization?: string | undefined;
  readonly contact?: AllianceContact | undefined;
}

export interface Manifest {
  readonly format: typeof PACKAGE_FORMAT;
  readonly version: typeof PACKAGE_FORMAT_VERSION;
  readonly year: number;
  readonly rubric: string;
  readonly alliance: Alliance;
  readonly selfReport: string;
  readonly claims: Claims;
}
