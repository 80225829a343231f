/**
 * The evidence channels: previewing a Word or Excel file, opening one in the system's viewer,
 * and how the expert last viewed a file (its rotation).
 */
import { z } from 'zod';
import { channel } from './channel.ts';
import type { EvidenceView } from './evidence-view-types.ts';
import type { EvidencePreview } from './evidence-preview-types.ts';
import type { EvidenceLocation, EvidenceSearch, PackageSearch, PdfSkeleton } from './evidence-search-types.ts';
import { packageId } from './request-fields.ts';

const evidenceRequest = z.object({ packageId, path: z.string().min(1).max(4096) }).strict();

const evidenceViewFields = {
  expertId: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件摘要应为 64 位十六进制数字'),
};

// Words to find: what an expert types in a search box (the folding makes case and width moot).
const searchQuery = z.string().trim().min(1, '请输入要搜索的文字').max(200, '搜索的文字不能超过 200 个字');

const itemFields = z
  .object({
    id: z.string().max(200).optional(),
    title: z.string().max(1000).optional(),
    date: z.string().max(20).optional(),
    amountWan: z.number().positive().finite().optional(),
  })
  .strict();

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
  /** Every hit of the words in one file, with the boxes to highlight. */
  'evidence-search': channel<EvidenceSearch>()(z.object({ packageId, path: z.string().min(1).max(4096), query: searchQuery }).strict()),
  /** The hits in every file of the package, by file and page, with a snippet each. */
  'package-search': channel<PackageSearch>()(z.object({ packageId, query: searchQuery }).strict()),
  /** 自动定位: the page of a paged file an item's fields point to. */
  'evidence-locate': channel<EvidenceLocation>()(z.object({ packageId, path: z.string().min(1).max(4096), item: itemFields }).strict()),
  /** The parts of a big PDF the viewer needs to open it at any page by range. */
  'evidence-pdf-skeleton': channel<PdfSkeleton>()(evidenceRequest),
} as const;
