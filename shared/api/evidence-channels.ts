/** The evidence channels: previewing a Word or Excel file, opening one in the system's viewer. */
import { z } from 'zod';
import { channel } from './channel.ts';
import type { EvidencePreview } from './expert-work-types.ts';
import { packageId } from './request-fields.ts';

const evidenceRequest = z.object({ packageId, path: z.string().min(1).max(4096) }).strict();

export const evidenceChannels = {
  /** A .docx or .xlsx evidence file as text blocks or tables, read in main. */
  'evidence-preview': channel<EvidencePreview>()(evidenceRequest),
  /** Desktop shell: opens the file in the system's viewer. Browser shell: refused with `not-available`. */
  'evidence-open': channel<{ readonly opened: true }>()(evidenceRequest),
} as const;
