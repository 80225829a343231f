/**
 * OCR under a cap: the engine and the page decoding (ocr-task.ts) run in one resident capped
 * worker thread (resident-worker.ts), loaded once and kept for the next page, so the models
 * load once, not once a page, and a page that makes pdf.js, sharp or the engine blow up costs
 * that page, never the app.
 *
 * - caps: a heap cap for the worker's JavaScript (pdf.js decoding a page, the engine's tensors
 *   are built in JavaScript arrays), a time limit per call. onnxruntime's and sharp's native
 *   memory is bounded by the page's size, which page-image.ts bounds (decoded pixels, the long
 *   side handed to the engine).
 * - why a worker thread and not a child process: the desktop shell's `runAsNode` fuse is off
 *   (docs/security.md), so Electron cannot start itself as Node; a worker thread is what both
 *   shells and the CLI share. test/electron/ocr/ocr-runtimes.test.ts proves the engine runs in
 *   the main thread, in a worker thread and in a child process alike.
 */
import { assertNever } from '../../shared/rubric/assert-never.ts';
import { taskModule, type CappedOutcome, type WorkerCaps } from '../files/capped-worker.ts';
import { ResidentWorker } from '../files/resident-worker.ts';
import type { OcrSource, OcrTaskInput, OcrTaskResult } from './ocr-task.ts';

export const ocrCaps: WorkerCaps = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64, timeoutMs: 120_000 };

export type OcrPageReading = Extract<OcrTaskResult, { op: 'page' }>;

/** Why a file or page could not be read; `code` for logs and JSON, `message` for people. */
export interface OcrRefusal {
  readonly code: 'ocr-memory' | 'ocr-timeout' | 'ocr-failed';
  readonly message: string;
  /** What the worker said, for the log. */
  readonly detail?: string;
}

export type OcrOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: OcrRefusal };

function refusal(outcome: Extract<CappedOutcome<unknown>, { ok: false }>, caps: WorkerCaps): OcrRefusal {
  return { ...refusalWords(outcome, caps), detail: outcome.detail };
}

function refusalWords(outcome: Extract<CappedOutcome<unknown>, { ok: false }>, caps: WorkerCaps): OcrRefusal {
  switch (outcome.reason) {
    case 'memory':
      return { code: 'ocr-memory', message: '这一页过于复杂，识别文字所需的内存超过了上限，未能识别。' };
    case 'timeout':
      return { code: 'ocr-timeout', message: `这一页在 ${Math.round(caps.timeoutMs / 1000)} 秒内没能识别完，已跳过。` };
    case 'failed':
      return { code: 'ocr-failed', message: '这一页的图像无法读取，未能识别文字。' };
    default:
      return assertNever(outcome.reason);
  }
}

function newWorker(caps: WorkerCaps): ResidentWorker<OcrTaskInput, OcrTaskResult> {
  return new ResidentWorker({ module: taskModule(import.meta.url, 'ocr-task'), exportName: 'ocrTask' }, caps);
}

let shared: ResidentWorker<OcrTaskInput, OcrTaskResult> | null = null;

let held: Promise<unknown> | null = null;

/**
 * Loads onnxruntime-node's native module in this (the calling) thread too, once. Works around
 * its limit: the module registers itself only with the first thread that loads it; once that
 * thread has ended, a thread loading it again fails with "Module did not self-register" — and
 * the OCR worker thread is ended after a page past its cap. Held by a thread that lives as long
 * as the process, a new worker thread can load it again (test/electron/ocr/ocr-runtimes.test.ts).
 * Costs the runtime library's code in this thread, not the models.
 */
function holdRuntime(): Promise<unknown> {
  held ??= import('onnxruntime-node');
  return held;
}

/** An OCR worker; `close` ends its thread (the next call starts a new one). */
export class OcrReader {
  private readonly worker: ResidentWorker<OcrTaskInput, OcrTaskResult>;
  private readonly caps: WorkerCaps;

  /**
   * Readers with the app's caps share one worker thread for the whole process: onnxruntime-node
   * cannot be loaded by a second thread while another that loaded it is alive ("Module did not
   * self-register"), so there is never more than one such thread. Other caps (tests) get their own.
   */
  constructor(caps: WorkerCaps = ocrCaps) {
    this.caps = caps;
    this.worker = caps === ocrCaps ? (shared ??= newWorker(ocrCaps)) : newWorker(caps);
  }

  async pages(source: OcrSource): Promise<OcrOutcome<number>> {
    await holdRuntime();
    const outcome = await this.worker.run({ op: 'plan', source });
    if (!outcome.ok) return { ok: false, refusal: refusal(outcome, this.caps) };
    return outcome.value.op === 'plan' ? { ok: true, value: outcome.value.pages } : { ok: false, refusal: { code: 'ocr-failed', message: '识别程序的回答有误。' } };
  }

  async page(source: OcrSource, page: number): Promise<OcrOutcome<OcrPageReading>> {
    await holdRuntime();
    const outcome = await this.worker.run({ op: 'page', source, page });
    if (!outcome.ok) return { ok: false, refusal: refusal(outcome, this.caps) };
    return outcome.value.op === 'page' ? { ok: true, value: outcome.value } : { ok: false, refusal: { code: 'ocr-failed', message: '识别程序的回答有误。' } };
  }

  /** A PDF page's own text; null when it has none. */
  async pageText(source: Extract<OcrSource, { kind: 'pdf' }>, page: number): Promise<OcrOutcome<string | null>> {
    await holdRuntime();
    const outcome = await this.worker.run({ op: 'text', source, page });
    if (!outcome.ok) return { ok: false, refusal: refusal(outcome, this.caps) };
    return outcome.value.op === 'text' ? { ok: true, value: outcome.value.text } : { ok: false, refusal: { code: 'ocr-failed', message: '识别程序的回答有误。' } };
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
