/**
 * What the cross-check channels answer (docs/cross-check.md): the findings of a meeting's
 * packages, against each other and the earlier years' packages in this laptop's store, each
 * with its key and the chair's latest note. Each finding is a hint for a person, never a
 * verdict or a score.
 */
import type { ClaimFinding } from '../integrity/claim-findings.ts';
import type { Finding } from '../integrity/finding.ts';

export interface FindingNote {
  readonly text: string;
  readonly by: string;
  /** ISO 8601, UTC. */
  readonly at: string;
}

export interface NotedFinding extends Finding {
  /** Names this exact finding (its kind, identifier and places) for a note. */
  readonly key: string;
  readonly note: FindingNote | null;
}

export interface CrossCheckView {
  readonly findings: readonly NotedFinding[];
  /** Packages of the meeting compared, and earlier years' packages compared with. */
  readonly packages: number;
  readonly earlierPackages: number;
}

/** The hints beside one claim of the package an expert reviews (claim-findings.ts). */
export interface ClaimHintsOfClaim {
  readonly criterion: string;
  /** The item of a list criterion; null for a flag or judged criterion. */
  readonly itemId: string | null;
  readonly hints: readonly ClaimFinding[];
}

/**
 * The cross-check hints for one package as one expert sees them: places in alliances this
 * expert recused from carry no file or page. Hints only: nothing here is a score.
 */
export interface ClaimHints {
  readonly claims: readonly ClaimHintsOfClaim[];
}

/**
 * The findings that involve one package, for the clerk's import report: its year's packages
 * (each alliance's latest) checked against each other and the earlier years in the store.
 */
export interface PackageCrossCheck {
  readonly allianceId: string;
  readonly year: number;
  readonly findings: readonly Finding[];
  /** Packages of the year compared, and earlier years' packages compared with. */
  readonly packages: number;
  readonly earlierPackages: number;
}
