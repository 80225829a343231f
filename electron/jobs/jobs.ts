/**
 * Job: long work (importing packages, exporting documents) that runs in the main process
 * while the renderer shows its progress and may cancel it. The renderer polls
 * `job-status`; polling works the same over IPC and over the browser shell's HTTP, so both
 * shells share this one mechanism.
 *
 * - progress: counts the work reports (files and bytes done of total, the current name).
 * - cancel: an AbortSignal the work checks between steps; cancelled work leaves the store as
 *   it was (each unit of work commits in one transaction or not at all).
 */
import type { JobProgress, JobStatus } from '../../shared/api/job-types.ts';

/** What a job reports: one report per imported package, or the export's report (a union on `type`). */
export type JobResult = JobStatus['results'][number];
import { AppError, systemAppError } from '../errors/app-error.ts';

export interface JobControl {
  readonly signal: AbortSignal;
  progress(update: Partial<JobProgress>): void;
  /** Results known so far (e.g. one report per finished package), shown while running. */
  partial(results: readonly JobResult[]): void;
}

interface JobRecord {
  status: JobStatus;
  controller: AbortController;
}

const emptyProgress: JobProgress = { filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, current: '' };

export class JobRegistry {
  private readonly jobs = new Map<string, JobRecord>();
  private next = 1;

  start(kind: string, work: (control: JobControl) => Promise<readonly JobResult[]>): string {
    const id = `${kind}-${this.next++}`;
    const record: JobRecord = {
      status: { id, kind, state: 'running', progress: emptyProgress, results: [], error: null },
      controller: new AbortController(),
    };
    this.jobs.set(id, record);
    const control: JobControl = {
      signal: record.controller.signal,
      progress: (update) => {
        record.status = { ...record.status, progress: { ...record.status.progress, ...update } };
      },
      partial: (results) => {
        record.status = { ...record.status, results };
      },
    };
    void work(control).then(
      (results) => {
        record.status = { ...record.status, state: record.controller.signal.aborted ? 'cancelled' : 'done', results };
      },
      (error: unknown) => {
        if (record.controller.signal.aborted) {
          record.status = { ...record.status, state: 'cancelled' };
          return;
        }
        const known = systemAppError(error);
        if (!known) console.error(`[job ${id}]`, error);
        record.status = {
          ...record.status,
          state: 'failed',
          error: known ? known.toApiError() : { code: 'internal', message: '程序内部错误，操作未完成。' },
        };
      },
    );
    return id;
  }

  status(id: string): JobStatus {
    const record = this.jobs.get(id);
    if (!record) throw new AppError('job-not-found', '没有找到这项任务，它可能已在程序重启前结束。');
    return record.status;
  }

  cancel(id: string): JobStatus {
    const record = this.jobs.get(id);
    if (!record) throw new AppError('job-not-found', '没有找到这项任务，它可能已在程序重启前结束。');
    record.controller.abort();
    return record.status;
  }

  /** Resolves when no job is running (tests, and a clean shutdown). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.status.state === 'running')) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
