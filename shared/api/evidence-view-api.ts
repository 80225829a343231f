/**
 * How an expert last viewed an evidence file: for now its rotation (a scan fed in sideways,
 * turned once and then shown turned every time). Kept per expert and per file content
 * (SHA-256), so the same file in a later package version, or cited by several items, keeps it.
 */
import { z } from 'zod';

export const ROTATIONS = [0, 90, 180, 270] as const;
export type Rotation = (typeof ROTATIONS)[number];

export interface EvidenceView {
  /** Quarter turns clockwise on top of the page's own rotation, in degrees. */
  readonly rotation: Rotation;
}

const fields = {
  expertId: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件摘要应为 64 位十六进制数字'),
};

export const evidenceViewRequest = z.object(fields).strict();

export const evidenceViewSetRequest = z
  .object({ ...fields, rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]) })
  .strict();
