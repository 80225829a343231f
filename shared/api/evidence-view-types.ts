/**
 * How an expert last viewed an evidence file: for now its rotation (a scan fed in sideways,
 * turned once and then shown turned every time). Kept per expert and per file content
 * (SHA-256), so the same file in a later package version, or cited by several items, keeps it.
 */

export const ROTATIONS = [0, 90, 180, 270] as const;
export type Rotation = (typeof ROTATIONS)[number];

export interface EvidenceView {
  /** Quarter turns clockwise on top of the page's own rotation, in degrees. */
  readonly rotation: Rotation;
}
