/**
 * The result documents channels of the chair's console: the signed PDFs and the workbook of
 * the locked result, and the bureau's certificate that signs them. Types in
 * result-document-types.ts.
 */
import { z } from 'zod';
import { channel } from './channel.ts';
import { fileSourceSchema } from './file-source.ts';
import { meetingId } from './request-fields.ts';
import type { ResultCertificateView, ResultDocumentsExportStarted } from './result-document-types.ts';

const resultDocumentsExportRequest = z
  .object({
    meetingId,
    /** Empty or absent: `<data folder>/exports/<year>`. */
    folder: z.string().trim().max(4096).optional(),
    /** Replace files that already exist (only after the clerk was shown them). */
    overwrite: z.boolean(),
  })
  .strict();

const resultCertificateImportRequest = z
  .object({
    source: fileSourceSchema,
    password: z.string().max(1000),
  })
  .strict();

export const resultDocumentChannels = {
  /**
   * Starts writing the signed PDFs and the workbook of the locked result; refused before the
   * lock. Poll `job-status`: its result is a `ResultDocumentsReport` (`exists`: nothing was
   * written, ask the clerk before exporting again with `overwrite`).
   */
  'result-documents-export': channel<ResultDocumentsExportStarted>()(resultDocumentsExportRequest),
  /** Reads the bureau's PKCS#12 certificate; it signs this session's exports and is never stored. */
  'result-certificate-import': channel<ResultCertificateView>()(resultCertificateImportRequest),
} as const;
