/**
 * Previewers: for each evidence type the viewer cannot show from the raw bytes, the converter
 * that makes its preview (evidence-preview-types.ts). The type is the one the file's content
 * says (inspect-evidence.ts), never its name, so a .doc that is really a .docx is previewed as
 * what it is. A type without a previewer is offered to the system's viewer instead.
 *
 * Every previewer reads untrusted bytes: it runs its library in a capped worker (or does only
 * bounded work in main), and makes its product once per content hash (renditions.ts).
 */
import type { EvidencePreview } from '../../shared/api/evidence-preview-types.ts';
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import { AppError } from '../errors/app-error.ts';
import { imagePagesPreviewer } from './image-pages-previewer.ts';
import { readDocxPreview } from './read-docx-preview.ts';
import { readXlsxPreview } from './read-xlsx-preview.ts';

export interface PreviewInput {
  /** The stored bytes of the file. */
  readonly bytes: Uint8Array;
  readonly sha256: string;
  /** The file's package path (for a zip member: `<zip path>/<member path>`), for messages. */
  readonly path: string;
  /** The last segment of the path, for messages. */
  readonly fileName: string;
  /** Where renditions are kept (renditions.ts). */
  readonly dataDir: string;
}

export type Previewer = (input: PreviewInput) => Promise<EvidencePreview>;

const docx: Previewer = async ({ bytes }) => {
  // In a capped worker: a document that expands costs its preview, not the shell.
  const reading = await readDocxPreview(bytes);
  if (!reading.ok) throw new AppError(reading.failed === true ? 'preview-failed' : 'preview-refused', reading.message);
  return { kind: 'docx', blocks: reading.blocks, truncated: reading.truncated };
};

const xlsx: Previewer = async ({ bytes, fileName }) => {
  // In a capped worker: a workbook that expands costs its preview, not the shell.
  const reading = await readXlsxPreview(bytes, fileName);
  if (!reading.ok) throw new AppError(reading.failed === true ? 'preview-failed' : 'preview-refused', reading.message);
  return { kind: 'xlsx', sheets: reading.sheets };
};

export const previewers: Readonly<Partial<Record<EvidenceType, Previewer>>> = {
  docx,
  xlsx,
  tiff: imagePagesPreviewer('tiff'),
  heic: imagePagesPreviewer('heic'),
};
