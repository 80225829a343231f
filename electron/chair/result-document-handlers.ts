/**
 * Handlers of the result documents of the locked result: writing the signed PDFs and the
 * workbook, and importing the bureau's certificate that signs them.
 */
import type { resultDocumentChannels } from '../../shared/api/result-document-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { importBureauCertificate } from './bureau-certificate.ts';
import { startDocumentsExport } from './export-documents.ts';
import { resolveFileSource } from '../package-store/file-source.ts';

export const resultDocumentHandlers = {
  'result-documents-export': (ctx, request) => startDocumentsExport(ctx, request),
  'result-certificate-import': async (ctx, request) => {
    const file = resolveFileSource(ctx, request.source);
    try {
      return await importBureauCertificate(ctx, file, request.password);
    } finally {
      file.cleanup();
    }
  },
} satisfies HandlerSlice<keyof typeof resultDocumentChannels>;
