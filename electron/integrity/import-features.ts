/**
 * File features read at import: while the package reader inspects each file (its type, pages,
 * whether experts can see it), the cross-check's features of the same bytes are read too, so
 * the cross-check after import only compares (docs/cross-check.md, "何时运行").
 *
 * - PDFs: the inspection and the page features come from one opening of the file, in the
 *   importer's one worker (file-features.ts `inspectPdfWithFeatures`).
 * - images: the inspection looks only at the head and tail of the bytes; the image is decoded
 *   in that worker while the reader goes on to the next file, so the decoding runs beside the
 *   reading and storing rather than after it.
 * - a file the reader does not hold whole (larger than `maxHeldBytes`) is read from its staged
 *   copy on disk (`InspectInput.file`): by range for a PDF, by sharp and exifr for an image.
 * - a file whose features are already kept (the same content in another package, or an
 *   earlier year's) is not read again; nor is the same file twice in one package.
 *
 * What is read here is exactly what the cross-check would read of the stored file
 * (feature-store.ts `storedFileFeatures`, which reads the stored file as the import reads a
 * file it does not hold): a file of a kind with no features, or one the reader has only the head
 * of (not staged, larger than `maxInspectBytes`), has none (`noFeatures`); a PDF that hits the inspection's caps gets nothing
 * here, nor does an image that hits them: the cross-check reads those later under its own.
 */
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import type { EvidenceInspection } from '../../shared/evidence/evidence-inspection.ts';
import type { FileFeatures } from '../../shared/integrity/cross-check.ts';
import { inspectEvidence, signatureType, wholeFile, type InspectInput } from '../package-reader/inspect-evidence.ts';
import { isStored } from '../package-reader/inspect/evidence-bytes.ts';
import type { PackageFile } from '../package-reader/read-package.ts';
import { featureTypes } from './feature-store.ts';
import { importImageFeatures, inspectPdfWithFeatures, noFeatures } from './file-features.ts';

export interface ImportFeatures {
  /** The reader's inspection of a file (read-package.ts `inspectFile`), reading its features as well. */
  readonly inspectFile: (input: InspectInput, file: PackageFile) => Promise<EvidenceInspection>;
  /** The features read, by content hash, once every file's are done. */
  readonly done: () => Promise<ReadonlyMap<string, FileFeatures>>;
}

/** Bytes of images waiting for the features worker before the reader waits for it. */
const MAX_WAITING_BYTES = 32 * 1024 * 1024;

/** `known`: whether a file's features are already kept, by content hash. */
export function importFeatures(known: (sha256: string) => boolean): ImportFeatures {
  const read = new Map<string, Promise<FileFeatures | null>>();
  const waiting: { readonly bytes: number; readonly pending: Promise<FileFeatures | null> }[] = [];
  let waitingBytes = 0;
  return {
    async inspectFile(input, file) {
      if (read.has(file.sha256) || known(file.sha256)) return inspectEvidence(input, { inspectPdf: async (source) => (await inspectPdfWithFeatures(source, false)).inspection });
      const whole = input.size > 0 ? wholeFile(input) : null;
      const type = signatureType(input.bytes.subarray(0, 1024));
      if (whole === null || type === null || !featureTypes.has(type)) {
        read.set(file.sha256, Promise.resolve(noFeatures));
        return inspectEvidence(input);
      }
      if (type === 'pdf') {
        let features: FileFeatures | null = null;
        const inspection = await inspectEvidence(input, {
          inspectPdf: async (source) => {
            const both = await inspectPdfWithFeatures(source, true);
            features = both.features;
            return both.inspection;
          },
        });
        read.set(file.sha256, Promise.resolve(features));
        return inspection;
      }
      const inspection = await inspectEvidence(input);
      // Not awaited: decoded in the features worker while the reader reads on; but the bytes
      // wait in memory until then, so the reader waits once too many are waiting.
      const pending = importImageFeatures(whole, type as EvidenceType);
      read.set(file.sha256, pending);
      const entry = { bytes: isStored(whole) ? 0 : whole.length, pending };
      waiting.push(entry);
      waitingBytes += entry.bytes;
      void pending.then(() => {
        waiting.splice(waiting.indexOf(entry), 1);
        waitingBytes -= entry.bytes;
      });
      while (waitingBytes > MAX_WAITING_BYTES && waiting.length > 1) await waiting[0]?.pending;
      return inspection;
    },
    async done() {
      const out = new Map<string, FileFeatures>();
      for (const [sha256, pending] of read) {
        const features = await pending;
        if (features !== null) out.set(sha256, features);
      }
      return out;
    },
  };
}
