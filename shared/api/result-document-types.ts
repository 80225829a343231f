/**
 * What the result documents channels hand back (result-document-channels.ts declares the
 * channels): exporting the signed PDFs and the workbook of the locked result from the chair's
 * console, and importing the bureau's certificate to sign them.
 *
 * - result documents report: what an export job hands back (one entry in the job's results):
 *   the files written, or the files that already exist when nothing was written because the
 *   clerk has not agreed to overwrite them; the result digest printed on every page; the
 *   certificate that signed the PDFs; the characters no shipped font has (printed as 〓).
 * - certificate view: a signing certificate as the clerk checks it (subject, SHA-256
 *   fingerprint, validity); `bureau` when imported (PKCS#12), `local` for this computer's own.
 */

export interface ResultCertificateView {
  readonly origin: 'bureau' | 'local';
  readonly subject: string;
  readonly issuer: string;
  readonly selfSigned: boolean;
  /** `29:CC:86:…`, SHA-256 of the certificate. */
  readonly fingerprint: string;
  readonly validFrom: string;
  readonly validTo: string;
}

export interface ResultDocumentFile {
  readonly path: string;
  /** `panel-record`: the signed panel record (专家组记录, shared/record/panel-record.ts). */
  readonly kind: 'summary' | 'publication' | 'detail' | 'expert' | 'sign-in' | 'pledge' | 'report' | 'opinion' | 'workbook' | 'panel-record';
  readonly bytes: number;
  /** PDFs only. */
  readonly pages: number | null;
}

export interface ResultDocumentsReport {
  /** The discriminant of a job's results (see `JobResult` in job-types.ts). */
  readonly type: 'result-documents';
  /**
   * written: every file was written. exists: nothing was written; `existing` lists the files
   * in the way (ask the clerk, then export again with `overwrite`). writing: the export is
   * still running or was cancelled; `files` are those written so far, each complete.
   */
  readonly outcome: 'written' | 'exists' | 'writing';
  readonly folder: string;
  readonly files: readonly ResultDocumentFile[];
  readonly existing: readonly string[];
  /** SHA-256 of the locked result text. */
  readonly resultDigest: string;
  readonly certificate: ResultCertificateView | null;
  /** Characters no shipped font has, with their code points (`U+2A6A5`). */
  readonly missingCharacters: readonly { readonly char: string; readonly codePoint: string }[];
}

export interface ResultDocumentsExportStarted {
  readonly jobId: string;
  /** The folder the documents go to (the default when none was given). */
  readonly folder: string;
}
