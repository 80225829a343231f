/**
 * Document preview task: document-preview/ as it runs in a capped worker
 * (read-document-preview.ts). The preview, or the document's whole text, crosses the thread as
 * a structured clone; any failure as the worker's error.
 */
import type { DocumentFormat, DocumentPreview } from '../../shared/api/evidence-preview-types.ts';
import { documentPreview, documentText } from './document-preview/document-preview.ts';

export function previewDocument(input: { readonly bytes: Uint8Array; readonly format: DocumentFormat }): Promise<DocumentPreview> {
  return documentPreview(input.bytes, input.format);
}

export function textOfDocument(input: { readonly bytes: Uint8Array; readonly format: DocumentFormat }): Promise<string> {
  return documentText(input.bytes, input.format);
}
