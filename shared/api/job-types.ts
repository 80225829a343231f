/**
 * A job: long work main runs in the background (importing packages, writing the result
 * documents), polled with `job-status` until it is done, cancelled or failed.
 */
import type { PackageImportReport } from './package-types.ts';
import type { ApiError } from './result.ts';
import type { ResultDocumentsReport } from './result-document-types.ts';

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
  readonly error: ApiError | null;
}
