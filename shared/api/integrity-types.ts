/**
 * What the cross-check channel answers (docs/cross-check.md): the findings of a meeting's
 * packages, against each other and the earlier years' packages in this laptop's store. Each
 * finding is a hint for a person, never a verdict or a score.
 */
import type { Finding } from '../integrity/finding.ts';

export interface CrossCheckView {
  readonly findings: readonly Finding[];
  /** Packages of the meeting compared, and earlier years' packages compared with. */
  readonly packages: number;
  readonly earlierPackages: number;
}
