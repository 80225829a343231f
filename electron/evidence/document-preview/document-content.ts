/**
 * What a format's reader gives the document preview: the preview without its kind and format,
 * which document-preview.ts adds (one reader per format: docx, doc, rtf, odt, WPS).
 */
import type { DocumentPreview } from '../../../shared/api/evidence-preview-types.ts';

export type DocumentContent = Omit<DocumentPreview, 'kind' | 'format'>;

/** Thrown by a reader for bytes that are not its format at all (the preview then fails). */
export class NotThisFormat extends Error {}
