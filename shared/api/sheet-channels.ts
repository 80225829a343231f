/** The signing channels of the expert's workspace. Types in expert-work-types.ts. */
import { z } from 'zod';
import { multiLineText } from '../format/safe-text-schema.ts';
import { channel } from './channel.ts';
import type { DraftSheetPdf, ExpertWorkspace, SheetSignResult } from './expert-work-types.ts';
import { emptyRequest, expertId } from './request-fields.ts';

const sheetSignRequest = z
  .object({
    expertId,
    year: z.number().int().min(2000).max(2100),
    passphrase: z.string().min(1, '请输入口令').max(1000),
    /** Absent: `<data>/exports`. */
    folder: z.string().trim().min(1).max(4096).optional(),
    /** The expert's dissent (异议), carried in a format-2 sheet only (one signed after the sign-in). */
    dissent: multiLineText(z.string().max(5000, '异议不能超过 5000 个字')).optional(),
    /**
     * Format 2: alliance id → criterion id → the expert's explanation of their score (e.g. one
     * far from the others'). No screen writes them yet; the chair's side will ask for them.
     */
    explanations: z
      .record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.record(z.string().min(1).max(100), multiLineText(z.string().max(2000, '说明不能超过 2000 个字'))))
      .optional(),
  })
  .strict();

const sheetExportAgainRequest = z
  .object({ expertId, sheetId: z.number().int().positive(), folder: z.string().trim().min(1).max(4096).optional() })
  .strict();

const sheetDraftPdfRequest = z
  .object({ expertId, year: z.number().int().min(2000).max(2100), folder: z.string().trim().min(1).max(4096).optional() })
  .strict();

const sheetReviseRequest = z.object({ expertId, year: z.number().int().min(2000).max(2100) }).strict();

export const sheetChannels = {
  /** Signs the year's sheet with the passphrase and writes it to `folder` (default `<data>/exports`). */
  'sheet-sign': channel<SheetSignResult>()(sheetSignRequest),
  'sheet-export-again': channel<SheetSignResult>()(sheetExportAgainRequest),
  /** Writes the year's scores as a PDF marked 未签名草稿 to `folder` (default `<data>/exports`); changes nothing. */
  'sheet-draft-pdf': channel<DraftSheetPdf>()(sheetDraftPdfRequest),
  /** Unlocks a signed year; the next signing supersedes the sheet, which stays in history. */
  'sheet-revise': channel<ExpertWorkspace>()(sheetReviseRequest),
  /** Desktop shell: the system's folder picker (null: cancelled). Browser shell: `not-available`. */
  'sheet-folder-pick': channel<string | null>()(emptyRequest),
} as const;
