/**
 * Exporting the result documents (结果文件) from the chair's console: the signed PDFs and the
 * workbook of the locked result (electron/export/), as `merge --pdf --xlsx` writes them.
 *
 * - locked result only: the documents are made from the locked result text, never from a new
 *   computation. Their details (claims, every expert's decisions, reasons and signatures) come
 *   from the meeting's packages and the sheets that counted, signed and paper; before anything
 *   is written they are merged again and must give exactly the locked text, and be exactly the
 *   sheets the lock lists (expert, key fingerprint, time; who typed each paper sheet). Otherwise
 *   the store was changed after the lock and the export is refused.
 * - chair's notes: the notes the lock recorded with its findings, per alliance, as the panel
 *   record keeps them (so `merge --panel-record` prints the same 组长意见).
 * - panel record: `<year>-专家组记录.panel.json` beside them (panel-record-export.ts), gathered
 *   when the export is asked for and signed by the same signer; written last, after the
 *   documents, and counted among the targets that must not exist.
 * - procedure documents: the roster and the chair's records, the latter printed from that same
 *   record (procedure-documents-records.ts), so the file and the PDFs cannot say different things.
 * - signer: the bureau's certificate when imported in this session (bureau-certificate.ts),
 *   else this computer's own (`<data folder>/result-signing/`, made on first use).
 * - folder: the one the clerk chose (desktop: the system's folder picker), default
 *   `<data folder>/exports/<year>`. Existing files are never replaced unless the clerk, shown
 *   them, asked to overwrite: the job then ends with an `exists` report and writes nothing.
 * - job: progress per file and step, cancel between steps; files already written stay, each
 *   complete (written atomically), and are listed.
 */
import { createHash } from 'node:crypto';
import { access, mkdir } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { ResultDocumentFile, ResultDocumentsExportStarted, ResultDocumentsReport } from '../../shared/api/result-document-types.ts';
import { parseJson } from '../../shared/package/parse-json.ts';
import type { UnsignedPanelRecord } from '../../shared/record/panel-record.ts';
import { panelRecordFileName, panelRecordText } from '../../shared/record/panel-record.ts';
import { resultFileSchema } from '../../shared/result/result-schema.ts';
import { resultText } from '../../shared/result/result-text.ts';
import type { ServiceContext } from '../app/context.ts';
import type { ExportedFile, ExportProgress } from '../export/export-result-documents.ts';
import { exportResultDocuments } from '../export/export-result-documents.ts';
import type { ResultDocumentsInput, ResultSheet } from '../export/result-documents-input.ts';
import { planResultPdfs, signingCertificateOf } from '../export/result-pdfs.ts';
import { localSigner } from '../export/signing/local-certificate.ts';
import { SignerError } from '../export/signing/result-signer.ts';
import { AppError } from '../errors/app-error.ts';
import { writeFileAtomically } from '../files/atomic-write.ts';
import type { JobControl } from '../jobs/jobs.ts';
import { settingsNumbers } from '../meeting/meeting-setup.ts';
import { meetingRow, meetingSettings } from '../meeting/meeting-store.ts';
import { bureauSigner, certificateView } from './bureau-certificate.ts';
import { currentLock } from '../meeting/lock-state.ts';
import { meetingRubric } from './meeting-inputs.ts';
import { computePanel } from './panel-state.ts';
import { procedureDocumentsOf } from './procedure-documents-records.ts';
import { chairNotesOf } from './panel-record-procedure.ts';
import { signPanelRecord } from './panel-record-file.ts';
import { lockedPanelRecord } from './panel-record-export.ts';

/** What the lock recorded of its inputs (finalize.ts), as far as the export checks it. */
interface LockInputs {
  readonly sheets?: readonly { readonly expert: string; readonly fingerprint: string; readonly signedAt: string }[];
  readonly paperSheets?: readonly { readonly expert: string; readonly enteredBy: string; readonly confirmedBy: string }[];
}

function parseOr<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const CHANGED = '本机保存的评分表或材料包与定稿时所用的不一致（定稿后数据被改动过），不能导出结果文件。请从备份恢复，或由主任重新开启后再定稿。';

/** The documents' input and the panel record they are printed from, as of one moment. */
export interface LockedExport {
  readonly input: ResultDocumentsInput;
  readonly record: UnsignedPanelRecord;
}

/** The documents' input, from the locked result and exactly the inputs the lock used. */
export async function lockedDocumentsInput(ctx: ServiceContext, meetingId: number): Promise<ResultDocumentsInput> {
  return (await lockedExport(ctx, meetingId)).input;
}

export async function lockedExport(ctx: ServiceContext, meetingId: number): Promise<LockedExport> {
  const { db } = ctx;
  const meeting = meetingRow(db, meetingId);
  const lock = currentLock(db, meetingId);
  if (lock === null) throw new AppError('not-locked', '本年度结果尚未定稿，不能导出结果文件。请先在“定稿”页锁定结果。');
  if (createHash('sha256').update(lock.resultText, 'utf8').digest('hex') !== lock.resultSha256) {
    throw new AppError('lock-damaged', '本机保存的定稿结果与其 SHA-256 不符（数据被改动过），不能导出结果文件。');
  }
  const json = parseJson(lock.resultText);
  const parsed = json.ok ? resultFileSchema.safeParse(json.value) : null;
  if (parsed?.success !== true) throw new AppError('lock-damaged', '本机保存的定稿结果无法读取，不能导出结果文件。');
  const result = parsed.data;
  const settings = meetingSettings(db, meetingId);
  if (settings === null) throw new AppError('meeting-not-prepared', '本会议没有设置，不能导出结果文件。');
  const rubric = await meetingRubric(ctx, result.rubric);

  const computation = computePanel(db, meetingId, settings, rubric);
  if (computation.outcome?.ok !== true || resultText(computation.outcome.result) !== lock.resultText) throw new AppError('lock-inputs-changed', CHANGED);
  const inputs = parseOr<LockInputs>(lock.settingsJson, {});
  const signedNow = computation.outcome.sheets.map((s) => `${s.sheet.expert.id}|${s.fingerprint}|${s.sheet.signedAt}`);
  const signedThen = (inputs.sheets ?? []).map((s) => `${s.expert}|${s.fingerprint}|${s.signedAt}`);
  const paperNow = computation.outcome.paperSheets.map((p) => `${p.sheet.expert.id}|${p.enteredBy}|${p.confirmedBy}`);
  const paperThen = (inputs.paperSheets ?? []).map((p) => `${p.expert}|${p.enteredBy}|${p.confirmedBy}`);
  if (JSON.stringify([...signedNow].sort()) !== JSON.stringify([...signedThen].sort()) || JSON.stringify([...paperNow].sort()) !== JSON.stringify([...paperThen].sort())) {
    throw new AppError('lock-inputs-changed', CHANGED);
  }

  const sheets: ResultSheet[] = [
    ...computation.outcome.sheets.map((s) => ({ sheet: s.sheet, fingerprint: s.fingerprint })),
    ...computation.outcome.paperSheets.map((p) => ({ sheet: p.sheet, fingerprint: 'paper', paper: { enteredBy: p.enteredBy, confirmedBy: p.confirmedBy } })),
  ];
  const numbers = settingsNumbers(settings);
  const generatedAt = ctx.now();
  // Gathered now, with the checked inputs: the record is of exactly the state the export was asked in.
  const record = lockedPanelRecord(ctx, meetingId, rubric, generatedAt);
  const input: ResultDocumentsInput = {
    result,
    rubric,
    meetingName: meeting.name,
    packages: computation.packages.map((p) => ({ allianceId: p.allianceId, allianceName: p.allianceName, digest: p.digest, claims: p.claims })),
    sheets,
    chairNotes: chairNotesOf(record.flagNotes),
    // The panel chair signs by hand on the printed summary; the console knows only who operated it.
    chairName: null,
    deviationThreshold: numbers.deviationThreshold,
    budgetYuan: numbers.budgetYuan,
    generatedAt,
    procedure: procedureDocumentsOf(db, meetingId, rubric, record),
  };
  return { input, record };
}

export function defaultDocumentsFolder(ctx: ServiceContext, year: number): string {
  return join(ctx.dataDir, 'exports', String(year));
}

function fileView(file: ExportedFile): ResultDocumentFile {
  return { path: file.path, kind: file.kind, bytes: file.bytes, pages: file.pages };
}

const STEP_LABELS: Readonly<Record<ExportProgress['step'], string>> = { render: '已排版', sign: '已签名', write: '已写入' };

/** Checks the lock and the inputs now (a refusal is the channel's answer), then exports as a job. */
export async function startDocumentsExport(
  ctx: ServiceContext,
  request: { readonly meetingId: number; readonly folder?: string | undefined; readonly overwrite: boolean },
): Promise<ResultDocumentsExportStarted> {
  const { input, record } = await lockedExport(ctx, request.meetingId);
  const typed = request.folder?.trim() ?? '';
  if (typed !== '' && !isAbsolute(typed)) throw new AppError('folder-not-absolute', `请填写完整的文件夹路径（如 E:\\2026-结果 或 /media/usb/2026-结果），而不是 ${typed}。`);
  const folder = typed === '' ? defaultDocumentsFolder(ctx, input.result.year) : resolve(typed);
  const jobId = ctx.jobs.start('result-documents', (control) => exportJob(ctx, input, record, folder, request.overwrite, control));
  return { jobId, folder };
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function exportJob(
  ctx: ServiceContext,
  input: ResultDocumentsInput,
  record: UnsignedPanelRecord,
  folder: string,
  overwrite: boolean,
  control: JobControl,
): Promise<ResultDocumentsReport[]> {
  const year = input.result.year;
  const xlsxPath = join(folder, `${year}-考核结果.xlsx`);
  const recordPath = join(folder, panelRecordFileName(year));
  control.progress({ current: '准备签名证书' });
  let signer = bureauSigner(ctx);
  try {
    signer ??= await localSigner(ctx.dataDir, { now: input.generatedAt });
  } catch (error) {
    if (error instanceof SignerError) throw new AppError('certificate-refused', `本机签名证书不能使用：${error.message}`);
    throw error;
  }
  const certificate = certificateView(signer);
  const base = { type: 'result-documents' as const, folder, certificate, resultDigest: createHash('sha256').update(resultText(input.result), 'utf8').digest('hex') };
  const written: ResultDocumentFile[] = [];
  await mkdir(folder, { recursive: true });
  // Checked before anything is written, as the documents' own targets are: a year's signed
  // record is never replaced silently, and never left behind half an export.
  if (!overwrite && (await fileExists(recordPath))) {
    const targets = [...planResultPdfs(input, signingCertificateOf(signer)).map((plan) => join(folder, plan.fileName)), xlsxPath];
    const existing: string[] = [];
    for (const target of targets) if (await fileExists(target)) existing.push(target);
    return [{ ...base, outcome: 'exists', files: [], existing: [...existing, recordPath], missingCharacters: [] }];
  }
  let filesTotal = 0;
  let outcome;
  try {
    outcome = await exportResultDocuments(input, {
      pdfDir: folder,
      xlsxPath,
      fontsDir: join(ctx.resourcesDir, 'fonts'),
      signer,
      overwrite,
      signal: control.signal,
      onProgress: (progress) => {
        if (progress.written !== undefined) {
          written.push(fileView(progress.written));
          control.partial([{ ...base, outcome: 'writing', files: [...written], existing: [], missingCharacters: [] }]);
        }
        filesTotal = progress.filesTotal + 1;
        control.progress({ filesDone: progress.filesWritten, filesTotal, current: `${STEP_LABELS[progress.step]} ${basename(progress.file)}` });
      },
    });
  } catch (error) {
    if (error instanceof SignerError) throw new AppError('certificate-refused', `签名证书不能使用：${error.message}`);
    throw error;
  }
  if (!outcome.ok) return [{ ...base, outcome: 'exists', files: [], existing: outcome.existing, missingCharacters: [] }];
  const recordText = panelRecordText(signPanelRecord(record, signer));
  if ((await writeFileAtomically(recordPath, recordText, { overwrite })) === 'exists') {
    return [{ ...base, outcome: 'exists', files: [], existing: [recordPath], missingCharacters: [] }];
  }
  const recordFile: ResultDocumentFile = { path: recordPath, kind: 'panel-record', bytes: Buffer.byteLength(recordText, 'utf8'), pages: null };
  control.progress({ filesDone: filesTotal, filesTotal, current: `${STEP_LABELS.write} ${basename(recordPath)}` });
  return [
    {
      ...base,
      outcome: 'written',
      files: [...outcome.report.files.map(fileView), recordFile],
      existing: [],
      resultDigest: outcome.report.resultDigest,
      missingCharacters: outcome.report.missingCharacters.map((char) => ({ char, codePoint: `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}` })),
    },
  ];
}
