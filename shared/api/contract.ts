/**
 * The one contract between the renderer and the main process.
 *
 * A channel maps a kebab-case name to the schema of its request (checked in main, where
 * every payload is `unknown` until parsed) and the type of its response. The preload of
 * the desktop shell and the HTTP transport of the browser shell both expose exactly
 * `Api`; there is no second declaration of it.
 */
import { z } from 'zod';
import type { ChannelName } from './channels.ts';
import type { Result } from './result.ts';
import * as work from './expert-work-requests.ts';
import * as evidenceView from './evidence-view-api.ts';
import type { EvidenceView } from './evidence-view-api.ts';
import * as chair from './meeting-api.ts';
import type {
  AuditView,
  DrillDownView,
  LockView,
  MeetingFileExport,
  MeetingFileImportOutcome,
  MeetingSetup,
  PanelView,
  PaperFormView,
  PaperSheetView,
  PreviousResultView,
  SheetImportReport,
  SheetsView,
} from './meeting-api.ts';
import type { PaperContent } from '../paper/paper-entries.ts';
import * as documents from './result-documents-api.ts';
import type { ResultCertificateView, ResultDocumentsExportStarted, ResultDocumentsReport } from './result-documents-api.ts';
import type {
  EvidencePreview,
  ExpertProfile,
  ExpertWorkspace,
  ReviewOpen,
  ReviewState,
  SheetSignResult,
} from './expert-work-types.ts';

/** A channel: a request schema, and the response type carried only at compile time. */
export interface Channel<Req extends z.ZodType, Res> {
  readonly request: Req;
  /** Never set at run time: it carries the response type. */
  readonly response?: Res;
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): Channel<Req, Res> => ({ request });
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly shell: 'desktop' | 'browser';
  readonly dataDir: string;
  readonly schemaVersion: number;
  /** Something the clerk must know from the start (a damaged store set aside), or null. */
  readonly startupNotice: { readonly code: string; readonly message: string } | null;
}

export interface BackupInfo {
  /** File name in the data folder's backups/, e.g. `2026-11-26T08-30-00-000Z-import.sqlite`. */
  readonly name: string;
  readonly takenAt: string;
  readonly reason: 'import' | 'sign' | 'exit' | 'manual' | 'before-restore';
  readonly size: number;
}

export interface Meeting {
  readonly id: number;
  readonly name: string;
  readonly year: number;
  readonly createdAt: string;
}

/** One problem of a package, as the clerk sees it (shared/package/problem.ts). */
export interface PackageProblemView {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/** What became of one package handed to an import. */
export interface PackageImportReport {
  /** The discriminant of a job's results (`JobResult`). */
  readonly type: 'package-import';
  /** The file or folder name the clerk chose. */
  readonly source: string;
  readonly outcome: 'imported' | 'already-imported' | 'refused' | 'cancelled';
  readonly packageId: number | null;
  readonly allianceId: string | null;
  readonly allianceName: string | null;
  readonly digest: string | null;
  readonly version: number | null;
  readonly problems: readonly PackageProblemView[];
}

export interface JobProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** What is being worked on now (a package or file name). */
  readonly current: string;
}

/** What a job hands back, by the kind of work (`type`): one report per package, or one per export. */
export type JobResult = PackageImportReport | ResultDocumentsReport;

export interface JobStatus {
  readonly id: string;
  readonly kind: string;
  readonly state: 'running' | 'done' | 'cancelled' | 'failed';
  readonly progress: JobProgress;
  readonly results: readonly JobResult[];
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** One imported package version, as listed for the clerk. */
export interface PackageSummary {
  readonly id: number;
  readonly allianceId: string;
  readonly allianceName: string;
  readonly allianceKind: 'general' | 'incubator' | 'finance';
  readonly year: number;
  readonly version: number;
  /** Newer versions of the same alliance and year exist. */
  readonly superseded: boolean;
  readonly digest: string;
  /** Exact decimal, printed without noise ("87.5"). */
  readonly selfTotal: string;
  readonly selfGrade: 'excellent' | 'pass' | 'fail';
  readonly warningCount: number;
  readonly fileCount: number;
  readonly totalBytes: number;
  readonly sourceName: string;
  readonly importedAt: string;
}

export interface PackageFileView {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly namedByClaim: boolean;
}

export interface PackageDetail {
  readonly summary: PackageSummary;
  readonly manifest: unknown;
  readonly files: readonly PackageFileView[];
  readonly warnings: readonly PackageProblemView[];
}

const empty = z.object({}).strict();

const importSource = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z
    .object({
      uploadId: z.string().regex(/^[0-9a-f]{32}$/),
      name: z.string().min(1).max(255),
    })
    .strict(),
]);

export const contract = {
  'app-info': channel<AppInfo>()(empty),
  'meeting-create': channel<Meeting>()(
    z
      .object({
        name: z.string().trim().min(1, '会议名称不能为空').max(200, '会议名称不能超过 200 个字'),
        year: z.number().int().min(2000).max(2100),
      })
      .strict(),
  ),
  'meeting-list': channel<readonly Meeting[]>()(empty),
  'package-list': channel<readonly PackageSummary[]>()(empty),
  'package-detail': channel<PackageDetail>()(z.object({ packageId: z.number().int().positive() }).strict()),
  /** Starts importing packages (zip files or folders); poll `job-status` with the job id. */
  'package-import': channel<{ readonly jobId: string }>()(z.object({ sources: z.array(importSource).min(1).max(1000) }).strict()),
  /** Desktop shell: the system's file picker. Browser shell: refused with `not-available`. */
  'package-pick': channel<readonly string[]>()(z.object({ folders: z.boolean() }).strict()),
  /** Imports the sample meeting's packages shipped in resources/samples. */
  'sample-packages-import': channel<{ readonly jobId: string }>()(empty),
  'job-status': channel<JobStatus>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
  'job-cancel': channel<JobStatus>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
  'backup-list': channel<readonly BackupInfo[]>()(empty),
  'backup-create': channel<BackupInfo>()(empty),
  /** Restores a backup; the current store is set aside first (see electron/backup/). */
  'backup-restore': channel<{ readonly setAside: string }>()(z.object({ name: z.string().min(1).max(200) }).strict()),
  // The expert's workspace and signing; types in expert-work-types.ts.
  'expert-list': channel<readonly ExpertProfile[]>()(empty),
  /** Creates a profile and its Ed25519 key pair, sealed with the passphrase. */
  'expert-create': channel<ExpertProfile>()(work.expertCreateRequest),
  /** Sets (PNG data URL, at most 200 KB) or clears the drawn signature. */
  'expert-hand-signature-set': channel<ExpertProfile>()(work.handSignatureRequest),
  /** The alliances of a year (default: the newest) with this expert's progress, sheets and blockers. */
  'expert-workspace': channel<ExpertWorkspace>()(work.workspaceRequest),
  'review-open': channel<ReviewOpen>()(work.reviewRequest),
  'decision-set': channel<ReviewState>()(work.decisionRequest),
  'override-set': channel<ReviewState>()(work.overrideRequest),
  'comment-set': channel<ReviewState>()(work.commentRequest),
  /** Undoes the latest decision, override or comment change of this review. */
  'review-undo': channel<ReviewState>()(work.reviewRequest),
  'recusal-set': channel<ReviewState>()(work.recusalRequest),
  'recusal-clear': channel<ReviewState>()(work.reviewRequest),
  /** A .docx or .xlsx evidence file as text blocks or tables, read in main. */
  'evidence-preview': channel<EvidencePreview>()(work.evidenceRequest),
  /** Desktop shell: opens the file in the system's viewer. Browser shell: refused with `not-available`. */
  'evidence-open': channel<{ readonly opened: true }>()(work.evidenceRequest),
  /** How this expert last viewed the file with this content (its rotation; 0° if never turned). */
  'evidence-view': channel<EvidenceView>()(evidenceView.evidenceViewRequest),
  'evidence-view-set': channel<EvidenceView>()(evidenceView.evidenceViewSetRequest),
  /** Signs the year's sheet with the passphrase and writes it to `folder` (default `<data>/exports`). */
  'sheet-sign': channel<SheetSignResult>()(work.sheetSignRequest),
  'sheet-export-again': channel<SheetSignResult>()(work.sheetExportAgainRequest),
  /** Unlocks a signed year; the next signing supersedes the sheet, which stays in history. */
  'sheet-revise': channel<ExpertWorkspace>()(work.sheetReviseRequest),
  /** Desktop shell: the system's folder picker (null: cancelled). Browser shell: `not-available`. */
  'sheet-folder-pick': channel<string | null>()(empty),
  // The meeting and the chair's console; types in meeting-api.ts.
  'meeting-setup': channel<MeetingSetup>()(chair.meetingRequest),
  'meeting-settings-save': channel<MeetingSetup>()(chair.settingsSaveRequest),
  'meeting-roster-save': channel<MeetingSetup>()(chair.rosterSaveRequest),
  /** The package version each alliance is reviewed with (one per alliance, of the meeting's year). */
  'meeting-packages-save': channel<MeetingSetup>()(chair.packagesSaveRequest),
  /** Writes `<folder>/<meeting name>.meeting.zip` atomically; refuses to overwrite. */
  'meeting-file-export': channel<MeetingFileExport>()(chair.folderRequest),
  /** Starts importing a meeting file; poll `job-status`, then ask `meeting-file-import-outcome`. */
  'meeting-file-import': channel<{ readonly jobId: string }>()(chair.meetingFileImportRequest),
  'meeting-file-import-outcome': channel<MeetingFileImportOutcome>()(chair.jobRequest),
  /** Imports signed sheets (files, or folders of `*.sheet.json`); a report per file. */
  'chair-sheet-import': channel<readonly SheetImportReport[]>()(chair.sheetImportRequest),
  'chair-sheet-list': channel<SheetsView>()(chair.meetingRequest),
  /** Confirms a key against the expert's read-out of its fingerprint, or rejects it. */
  'chair-key-decide': channel<SheetsView>()(chair.keyDecideRequest),
  'panel-view': channel<PanelView>()(chair.meetingRequest),
  'panel-drilldown': channel<DrillDownView>()(chair.drillDownRequest),
  'flag-note-save': channel<PanelView>()(chair.flagNoteRequest),
  'previous-result-import': channel<PreviousResultView>()(chair.previousImportRequest),
  /** Locks the result; refused while any blocker stands (`PanelView.blockers`). */
  'panel-finalize': channel<LockView>()(chair.finalizeRequest),
  'panel-reopen': channel<PanelView>()(chair.reopenRequest),
  /** Writes the locked `<year>-result.json` and `<year>-公示名单.txt` into the folder. */
  'panel-result-export': channel<{ readonly resultPath: string; readonly publicityPath: string }>()(chair.folderRequest),
  /** The meeting's audit log and the verification of the whole hash chain. */
  'audit-log': channel<AuditView>()(chair.meetingRequest),
  'paper-form': channel<PaperFormView>()(chair.meetingRequest),
  'paper-sheet-list': channel<readonly PaperSheetView[]>()(chair.meetingRequest),
  'paper-entry-save': channel<PaperSheetView>()(chair.paperEntrySaveRequest),
  /** One entry's own content, for the person who typed it to correct it. */
  'paper-entry-get': channel<PaperContent | null>()(chair.paperEntryGetRequest),
  // Result documents of the locked result; types in result-documents-api.ts.
  /**
   * Starts writing the signed PDFs and the workbook of the locked result; refused before the
   * lock. Poll `job-status`: its result is a `ResultDocumentsReport` (`exists`: nothing was
   * written, ask the clerk before exporting again with `overwrite`).
   */
  'result-documents-export': channel<ResultDocumentsExportStarted>()(documents.resultDocumentsExportRequest),
  /** Reads the bureau's PKCS#12 certificate; it signs this session's exports and is never stored. */
  'result-certificate-import': channel<ResultCertificateView>()(documents.resultCertificateImportRequest),
} as const satisfies { [C in ChannelName]: Channel<z.ZodType, unknown> };

type Contract = typeof contract;

/** What the renderer sends on channel `C`. */
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
/** What a handler receives on channel `C`, after parsing. */
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
/** What a handler returns on channel `C`. */
export type ResponseOf<C extends ChannelName> = Contract[C] extends Channel<z.ZodType, infer R> ? R : never;

/** The object the preload exposes as `window.api`, and the browser shell's transport implements. */
export interface Api {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /**
   * Desktop shell only: the local path of a file the user dropped or picked in the page
   * (Electron's webUtils.getPathForFile). Absent in the browser shell, which uploads the
   * file instead. Typed `unknown` because shared/ has no DOM types.
   */
  readonly pathForFile?: (file: unknown) => string;
}
