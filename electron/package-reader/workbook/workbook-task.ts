/**
 * Workbook task: the conversion of a self-check workbook as it runs in a capped worker
 * (read-workbook.ts); what it takes and gives crosses the thread as structured clones.
 */
import type { Rubric } from '../../../shared/rubric/types.ts';
import type { WorkbookLimits } from './check-workbook-zip.ts';
import { workbookToManifest, type WorkbookConversion } from './workbook-to-manifest.ts';

export interface WorkbookTaskInput {
  readonly bytes: Uint8Array;
  readonly rubric: Rubric;
  readonly fileName: string;
  readonly limits?: WorkbookLimits | undefined;
}

export function convertWorkbook(input: WorkbookTaskInput): Promise<WorkbookConversion> {
  return workbookToManifest(input.bytes, input.rubric, { fileName: input.fileName, limits: input.limits });
}
