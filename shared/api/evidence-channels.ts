/**
 * The evidence channels: previewing a Word or Excel file, opening one in the system's viewer,
 * and how the expert last viewed a file (its rotation).
 */
import { z } from 'zod';
import { channel } from './channel.ts';
import type { EvidenceView } from './evidence-view-types.ts';
import type { EvidencePreview } from './evidence-preview-types.ts';
import { packageId } from './request-fields.ts';

const evidenceRequest = z.object({ packageId, path: z.string().min(1).max(4096) }).strict();

const evidenceViewFields = {
  expertId: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件摘要应为 64 位十六进制数字'),
};

export const evidenceChannels = {
  /**
   * A preview of an evidence file the renderer cannot show from its bytes, made in main by its
   * content type (evidence-preview-types.ts); `path` may name a member of a zip inside the
   * package as `<zip path>/<member path>`.
   */
  'evidence-preview': channel<EvidencePreview>()(evidenceRequest),
  /** Desktop shell: opens the file in the system's viewer. Browser shell: refused with `not-available`. */
  'evidence-open': channel<{ readonly opened: true }>()(evidenceRequest),
  /** How this expert last viewed this file (its rotation); 0 when never turned. */
  'evidence-view': channel<EvidenceView>()(z.object(evidenceViewFields).strict()),
  /** Remembers a rotation of this file for this expert. */
  'evidence-view-set': channel<EvidenceView>()(
    z.object({ ...evidenceViewFields, rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]) }).strict(),
  ),
} as const;
