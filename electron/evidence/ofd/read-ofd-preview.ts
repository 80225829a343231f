/**
 * Reading an OFD file safely: ofd-pages.ts in a capped worker (capped-worker.ts), as the Word
 * and Excel previews are read, so an OFD whose parts inflate to gigabytes or hold millions of
 * objects costs its preview, never the shell. A refused preview says why, in Chinese.
 */
import { runCapped, taskModule, type WorkerCaps } from '../../files/capped-worker.ts';
import { previewRefusal, type PreviewRefusal } from '../preview-refusal.ts';
import type { OfdPage } from './ofd-pages.ts';
import type { OfdPreviewResult } from './ofd-preview-task.ts';

export const ofdPreviewCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 60_000 };

export type OfdPreviewReading =
  | { readonly ok: true; readonly pages: readonly OfdPage[]; readonly pageCount: number; readonly notices: readonly string[] }
  | PreviewRefusal;

const task = (exportName: string) => ({ module: taskModule(import.meta.url, 'ofd-preview-task'), exportName });

export async function readOfdPreview(bytes: Uint8Array, caps: WorkerCaps = ofdPreviewCaps): Promise<OfdPreviewReading> {
  const outcome = await runCapped<OfdPreviewResult>(task('previewOfd'), bytes, caps);
  if (outcome.ok) {
    const value = outcome.value;
    return value.ok ? value : { ok: false, failed: true, message: `无法显示这个 OFD 文件：${value.message}。可以尝试用系统程序（如数科 OFD 阅读器）打开。` };
  }
  if (outcome.reason === 'failed') {
    return { ok: false, failed: true, message: '无法显示这个 OFD 文件（文件可能已损坏或不是真正的 OFD 文件）。可以尝试用系统程序打开。' };
  }
  return previewRefusal('OFD', outcome.reason, caps);
}

/** The text of each page of an OFD file, for search; null when it cannot be read within the caps. */
export async function readOfdPageTexts(bytes: Uint8Array, caps: WorkerCaps = ofdPreviewCaps): Promise<{ page: number; text: string }[] | null> {
  const outcome = await runCapped<{ page: number; text: string }[]>(task('ofdPageTexts'), bytes, caps);
  return outcome.ok ? outcome.value : null;
}
