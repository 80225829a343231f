/**
 * A job's results by kind: `JobStatus.results` holds one kind of report per kind of job
 * (`JobResult` is a union on `type`); these pick the kind a caller started.
 */
import type { JobStatus } from './job-types.ts';
import type { PackageImportReport } from './package-types.ts';
import type { ResultDocumentsReport } from './result-document-types.ts';

export function packageImportReports(status: Pick<JobStatus, 'results'>): PackageImportReport[] {
  return status.results.filter((result): result is PackageImportReport => result.type === 'package-import');
}

/** The export's report, or null while none was made (the job failed before planning). */
export function resultDocumentsReport(status: Pick<JobStatus, 'results'>): ResultDocumentsReport | null {
  return status.results.find((result): result is ResultDocumentsReport => result.type === 'result-documents') ?? null;
}
