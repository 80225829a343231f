/**
 * What the packages screen shows of the background OCR (electron/ocr/ocr-queue.ts).
 *
 * - pages done: pages read, or found not to need reading (their own text, no picture), or
 *   refused past a cap; all count as done, since none of them is read again.
 * - files uncounted: files whose pages the OCR has not counted yet (their pages are not in the
 *   total until then).
 */
export interface PackageOcrProgress {
  readonly packageId: number;
  readonly pagesDone: number;
  readonly pagesTotal: number;
  readonly filesUncounted: number;
}
