/**
 * Reading a Word preview safely: docx-preview.ts (mammoth) in a capped worker
 * (capped-worker.ts), as the Excel preview is read, so a document whose XML inflates to
 * gigabytes or takes mammoth forever costs its preview, never the shell. A refused preview
 * says why, in Chinese, for the viewer to show.
 */
import type { DocumentBlock } from '../../shared/api/expert-work-types.ts';
import { runCapped, taskModule, type WorkerCaps } from '../files/capped-worker.ts';

export const docxPreviewCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 30_000 };

export type DocxPreviewReading =
  | { readonly ok: true; readonly blocks: DocumentBlock[]; readonly truncated: boolean }
  | { readonly ok: false; readonly message: string; readonly failed?: true };

export async function readDocxPreview(bytes: Uint8Array, caps: WorkerCaps = docxPreviewCaps): Promise<DocxPreviewReading> {
  const outcome = await runCapped<{ blocks: DocumentBlock[]; truncated: boolean }>(
    { module: taskModule(import.meta.url, 'docx-preview-task'), exportName: 'previewDocx' },
    { bytes },
    caps,
  );
  if (outcome.ok) return { ok: true, ...outcome.value };
  switch (outcome.reason) {
    case 'memory':
      return { ok: false, message: '无法预览：这个 Word 文件展开后过大，读取所需的内存超过了上限。为防止程序卡死，本程序不预览这个文件；可以尝试用系统程序打开。' };
    case 'timeout':
      return { ok: false, message: `无法预览：这个 Word 文件过于复杂，${Math.round(caps.timeoutMs / 1000)} 秒内没能读完。为防止程序卡死，本程序不预览这个文件；可以尝试用系统程序打开。` };
    case 'failed':
      return { ok: false, failed: true, message: '无法预览此文件（文件可能已损坏或不是真正的 Word/Excel 文件）。可以尝试用系统程序打开。' };
  }
}
