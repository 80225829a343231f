/**
 * The document preview (DocumentPreview) of a word-processor file, by the format its content
 * says it is (inspect-evidence.ts), with one reader per format:
 *
 * | format | reader |
 * | --- | --- |
 * | .docx | mammoth (body, notes) + the header/footer parts (docx-document.ts) |
 * | .doc, and a .doc saved as .wps | word-extractor (text) + Office Art pictures (doc-document.ts) |
 * | .wps of WPS's own format | text runs found in the file, with a notice (wps-document.ts) |
 * | .rtf | the bounded RTF reader of rtf-document.ts |
 * | .odt | content.xml and styles.xml (odt-document.ts) |
 *
 * These run on untrusted bytes: call them in a capped worker (document-preview-task.ts).
 * `documentText` is a document's whole text, headers and footers included, for search and
 * `alliance-review evidence --text`.
 */
import type { DocumentFormat, DocumentPreview } from '../../../shared/api/evidence-preview-types.ts';
import { previewText } from './document-blocks.ts';
import type { DocumentContent } from './document-content.ts';

/** The word-processor formats (an .et is read here only when no spreadsheet library reads it). */
type WordProcessorFormat = Exclude<DocumentFormat, 'et'>;

export const documentFormats: readonly WordProcessorFormat[] = ['docx', 'doc', 'wps', 'rtf', 'odt'];

export function isDocumentFormat(type: string): type is WordProcessorFormat {
  return (documentFormats as readonly string[]).includes(type);
}

// Each reader is loaded when its format is first asked for: a worker previewing a .doc does
// not load mammoth, so its start costs less.
async function content(bytes: Uint8Array, format: DocumentFormat): Promise<DocumentContent> {
  switch (format) {
    case 'docx':
      return (await import('./docx-document.ts')).readDocx(bytes);
    case 'doc':
      return (await import('./doc-document.ts')).readDoc(bytes);
    case 'wps':
      return (await import('./wps-document.ts')).readWps(bytes);
    case 'et':
      return (await import('./wps-document.ts')).readEt(bytes);
    case 'rtf':
      return (await import('./rtf-document.ts')).readRtf(bytes);
    case 'odt':
      return (await import('./odt-document.ts')).readOdt(bytes);
  }
}

export async function documentPreview(bytes: Uint8Array, format: DocumentFormat): Promise<DocumentPreview> {
  return { kind: 'document', format, ...(await content(bytes, format)) };
}

/** The whole text of a document: headers, body, footers and notes (document-blocks.ts `previewText`). */
export async function documentText(bytes: Uint8Array, format: DocumentFormat): Promise<string> {
  return previewText(await documentPreview(bytes, format));
}
