/**
 * Reading an Excel preview safely: xlsx-preview.ts in a capped worker (capped-worker.ts), with
 * the same kind of cap as the 自查表 reader, so an evidence file that expands costs its
 * preview, never the shell. A refused preview says why, in Chinese, for the viewer to show.
 */
import { runCapped, taskModule, type WorkerCaps } from '../files/capped-worker.ts';
import type { SheetPreview } from './xlsx-preview.ts';
import type { XlsxPreviewResult } from './xlsx-preview-task.ts';

export const xlsxPreviewCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 30_000 };

export type XlsxPreviewReading = { readonly ok: true; readonly sheets: SheetPreview[] } | { readonly ok: false; readonly message: string; readonly failed?: true };

export async function readXlsxPreview(bytes: Uint8Array, fileName: string, caps: WorkerCaps = xlsxPreviewCaps): Promise<XlsxPreviewReading> {
  const outcome = await runCapped<XlsxPreviewResult>(
    { module: taskModule(import.meta.url, 'xlsx-preview-task'), exportName: 'previewXlsx' },
    { bytes, fileName },
    caps,
  );
  if (outcome.ok) return outcome.value;
  switch (outcome.reason) {
    case 'memory':
      return { ok: false, message: '无法预览：这个 Excel 文件展开后过大，读取所需的内存超过了上限。为防止程序卡死，本程序不预览这个文件；可以尝试用系统程序打开。' };
    case 'timeout':
      return { ok: false, message: `无法预览：这个 Excel 文件过于复杂，${Math.round(caps.timeoutMs / 1000)} 秒内没能读完。为防止程序卡死，本程序不预览这个文件；可以尝试用系统程序打开。` };
    case 'failed':
      return { ok: false, failed: true, message: '无法预览此文件（文件可能已损坏或不是真正的 Word/Excel 文件）。可以尝试用系统程序打开。' };
  }
}
