/**
 * What a format's reader gives the document preview: the preview without its kind and format,
 * which document-preview.ts adds (one reader per format: docx, doc, rtf, odt, WPS).
 */
import type { DocumentPreview } from '../../../shared/api/evidence-preview-types.ts';
import type { BlockList } from './document-blocks.ts';

export type DocumentContent = Omit<DocumentPreview, 'kind' | 'format'>;

/** A reader's content from the parts it collected: cut off in any part, the preview says `truncated`. */
export function documentContent(
  parts: { readonly header: BlockList; readonly body: BlockList; readonly footer: BlockList; readonly notes: BlockList },
  notice: string | null = null,
): DocumentContent {
  const { header, body, footer, notes } = parts;
  return {
    header: header.blocks,
    body: body.blocks,
    footer: footer.blocks,
    notes: notes.blocks,
    notice,
    truncated: body.truncated || header.truncated || footer.truncated || notes.truncated,
  };
}

/** Thrown by a reader for bytes that are not its format at all (the preview then fails). */
export class NotThisFormat extends Error {}
