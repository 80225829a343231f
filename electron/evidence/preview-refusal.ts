/**
 * Why a preview read in a capped worker is not shown, in the expert's words: the same three
 * reasons for every kind of file (capped-worker.ts), named by the kind (Excel, CSV, Word, WPS,
 * RTF, OpenDocument, OFD).
 */
import type { CappedOutcome, WorkerCaps } from '../files/capped-worker.ts';

export interface PreviewRefusal {
  readonly ok: false;
  readonly message: string;
  /** The file could not be read at all (not too big: damaged, or not what its name says). */
  readonly failed?: true;
}

export function previewRefusal(kind: 'Excel' | 'CSV' | 'Word' | 'WPS' | 'RTF' | 'OpenDocument' | 'OFD', reason: Extract<CappedOutcome<unknown>, { ok: false }>['reason'], caps: WorkerCaps): PreviewRefusal {
  switch (reason) {
    case 'memory':
      return { ok: false, message: `无法预览：这个 ${kind} 文件展开后过大，读取所需的内存超过了上限。为防止程序卡死，本程序不预览这个文件；可以尝试用系统程序打开。` };
    case 'timeout':
      return { ok: false, message: `无法预览：这个 ${kind} 文件过于复杂，${Math.round(caps.timeoutMs / 1000)} 秒内没能读完。为防止程序卡死，本程序不预览这个文件；可以尝试用系统程序打开。` };
    case 'failed':
      return { ok: false, failed: true, message: '无法预览此文件（文件可能已损坏或不是真正的 Word/Excel 文件）。可以尝试用系统程序打开。' };
  }
}
