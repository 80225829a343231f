/** The OCR channels: how far the background OCR is per package, and reading an opened file first. */
import { z } from 'zod';
import { channel } from './channel.ts';
import type { PackageOcrProgress } from './ocr-types.ts';
import { emptyRequest } from './request-fields.ts';

export const ocrChannels = {
  /** Per package with files for OCR: pages done of pages counted. */
  'ocr-progress': channel<readonly PackageOcrProgress[]>()(emptyRequest),
  /** The file an expert opened is read next (nothing happens for a file without pages left). */
  'ocr-put-first': channel<{ readonly queued: true }>()(
    z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件摘要应为 64 位十六进制数字') }).strict(),
  ),
} as const;
