/**
 * Exporting the result documents: every signed PDF into a folder and the workbook into a file,
 * as the clerk files them (and as `merge --pdf DIR --xlsx FILE` writes them).
 *
 * - target: a file the export will write. Before anything is made, every target is checked: if
 *   one exists and `overwrite` was not asked for, the export refuses and writes nothing
 *   (`{ ok: false, existing }`), so a year's signed documents are never replaced silently.
 * - Each file is written atomically (a temporary file in the same folder, flushed, then given
 *   its name; without `overwrite` the name is taken only if still free), so an interrupted
 *   export leaves no half-written PDF under a final name.
 * - progress: one report per step (render, sign, write) per file, with how many steps of the
 *   whole export are done, so a window can show a bar.
 * - export report: the files written (bytes, pages), the result digest, the signing
 *   certificate, and the characters no shipped font has (shown as 〓 in the PDFs), which the
 *   clerk must check by hand.
 */
import { access, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomically } from '../files/atomic-write.ts';
import { buildResultWorkbook } from './excel/result-workbook.ts';
import { loadShippedFonts } from './fonts/shipped-fonts.ts';
import type { ResultDocumentsInput } from './result-documents-input.ts';
import { resultDigest } from './result-documents-input.ts';
import type { PdfKind } from './result-pdfs.ts';
import { planResultPdfs, renderPlannedPdf, signingCertificateOf } from './result-pdfs.ts';
import type { CertificateSummary, ResultSigner } from './signing/result-signer.ts';
import { checkSigner } from './signing/result-signer.ts';
import { signPdf } from './signing/sign-pdf.ts';

export interface ExportTargets {
  /** Folder for the PDFs (made if missing); null: no PDFs. */
  readonly pdfDir?: string | null | undefined;
  /** The workbook's path; null: no workbook. */
  readonly xlsxPath?: string | null | undefined;
}

export interface ExportProgress {
  readonly done: number;
  readonly total: number;
  readonly step: 'render' | 'sign' | 'write';
  readonly file: string;
  /** Files written so far, of all the export writes. */
  readonly filesWritten: number;
  readonly filesTotal: number;
  /** The file just written (on a `write` step). */
  readonly written?: ExportedFile | undefined;
}

export interface ExportOptions extends ExportTargets {
  /** Signs the PDFs; required when `pdfDir` is given. */
  readonly signer?: ResultSigner | undefined;
  /** Replace existing files. */
  readonly overwrite?: boolean | undefined;
  readonly onProgress?: ((progress: ExportProgress) => void) | undefined;
  /** Stops the export between steps (the files already written stay, each complete). */
  readonly signal?: AbortSignal | undefined;
  /** Where the shipped fonts are (the app's resources/fonts); default: the checkout's resources/fonts. */
  readonly fontsDir?: string | undefined;
}

export interface ExportedFile {
  readonly path: string;
  readonly kind: PdfKind | 'workbook';
  readonly bytes: number;
  /** PDFs only. */
  readonly pages: number | null;
}

export interface ExportReport {
  readonly files: readonly ExportedFile[];
  readonly resultDigest: string;
  readonly certificate: CertificateSummary | null;
  /** Characters no shipped font has, in order of first appearance. */
  readonly missingCharacters: readonly string[];
}

export type ExportOutcome =
  | { readonly ok: true; readonly report: ExportReport }
  | { readonly ok: false; readonly existing: readonly string[] };

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function exportResultDocuments(input: ResultDocumentsInput, options: ExportOptions): Promise<ExportOutcome> {
  const pdfDir = options.pdfDir ?? null;
  const xlsxPath = options.xlsxPath ?? null;
  const signer = options.signer;
  if (pdfDir !== null && signer === undefined) throw new Error('signing the PDFs needs a signer');
  if (signer !== undefined) checkSigner(signer, input.generatedAt);
  const certificate = signer === undefined ? null : signingCertificateOf(signer);
  const plans = pdfDir === null || certificate === null ? [] : planResultPdfs(input, certificate);
  const targets = [...plans.map((plan) => join(pdfDir ?? '', plan.fileName)), ...(xlsxPath === null ? [] : [xlsxPath])];

  const overwrite = options.overwrite === true;
  if (!overwrite) {
    const existing: string[] = [];
    for (const target of targets) if (await exists(target)) existing.push(target);
    if (existing.length > 0) return { ok: false, existing };
  }

  const total = plans.length * 3 + (xlsxPath === null ? 0 : 2);
  let done = 0;
  let filesWritten = 0;
  const step = (kind: ExportProgress['step'], file: string, written?: ExportedFile): void => {
    done += 1;
    if (kind === 'write') filesWritten += 1;
    options.onProgress?.({ done, total, step: kind, file, filesWritten, filesTotal: targets.length, written });
    if (done < total) options.signal?.throwIfAborted();
  };
  const files: ExportedFile[] = [];
  const missing = new Set<string>();
  const write = async (path: string, bytes: Buffer): Promise<void> => {
    await mkdir(dirname(path), { recursive: true });
    if ((await writeFileAtomically(path, bytes, { overwrite })) === 'exists') {
      throw new ExportConflictError(path);
    }
  };

  if (plans.length > 0 && signer !== undefined && pdfDir !== null) {
    const fonts = loadShippedFonts(options.fontsDir);
    for (const plan of plans) {
      options.signal?.throwIfAborted();
      const path = join(pdfDir, plan.fileName);
      const pdf = await renderPlannedPdf(input, plan, fonts, certificate?.summary.commonName ?? '');
      step('render', path);
      const signed = await signPdf(pdf.bytes, signer, input.generatedAt);
      step('sign', path);
      for (const char of pdf.missing) missing.add(char);
      await write(path, signed);
      const file: ExportedFile = { path, kind: plan.kind, bytes: signed.length, pages: pdf.pages };
      files.push(file);
      step('write', path, file);
    }
  }
  if (xlsxPath !== null) {
    const workbook = await buildResultWorkbook(input);
    step('render', xlsxPath);
    await write(xlsxPath, workbook);
    const file: ExportedFile = { path: xlsxPath, kind: 'workbook', bytes: workbook.length, pages: null };
    files.push(file);
    step('write', xlsxPath, file);
  }
  return {
    ok: true,
    report: {
      files,
      resultDigest: resultDigest(input.result),
      certificate: certificate?.summary ?? null,
      missingCharacters: [...missing],
    },
  };
}

/** A target that appeared while the export ran (it was free when checked). */
export class ExportConflictError extends Error {
  override name = 'ExportConflictError';
  readonly path: string;

  constructor(path: string) {
    super(`${path} 已存在，未覆盖 (file appeared during the export; not overwritten)`);
    this.path = path;
  }
}
