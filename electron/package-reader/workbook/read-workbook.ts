/**
 * Reading a workbook safely: the self-check workbook converted (workbook-to-manifest.ts) in a
 * capped worker (electron/files/capped-worker.ts), so a workbook that still expands past
 * every check before exceljs (sheet-extent.ts) ends that worker, never the app or the CLI.
 *
 * - workbook caps: a heap and a time far above what an honest 自查表 needs (it converts in
 *   well under a second in some tens of MiB), far below what would stall the machine.
 */
import { runCapped, taskModule, type WorkerCaps } from '../../files/capped-worker.ts';
import type { Rubric } from '../../../shared/rubric/types.ts';
import type { WorkbookLimits } from './check-workbook-zip.ts';
import { workbookProblem } from './workbook-problem.ts';
import type { WorkbookConversion } from './workbook-to-manifest.ts';
import type { WorkbookTaskInput } from './workbook-task.ts';

export const workbookCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 60_000 };

export interface ReadWorkbookOptions {
  readonly fileName: string;
  readonly limits?: WorkbookLimits | undefined;
  readonly caps?: WorkerCaps | undefined;
}

export async function readWorkbook(bytes: Uint8Array, rubric: Rubric, options: ReadWorkbookOptions): Promise<WorkbookConversion> {
  const input: WorkbookTaskInput = { bytes, rubric, fileName: options.fileName, limits: options.limits };
  const outcome = await runCapped<WorkbookConversion>(
    { module: taskModule(import.meta.url, 'workbook-task'), exportName: 'convertWorkbook' },
    input,
    options.caps ?? workbookCaps,
  );
  if (outcome.ok) return outcome.value;
  if (outcome.reason === 'failed') throw new Error(`reading the workbook failed: ${outcome.detail}`);
  const why = outcome.reason === 'memory' ? '读取时所需的内存超过了上限' : `读取超过了 ${Math.round((options.caps ?? workbookCaps).timeoutMs / 1000)} 秒的时间上限`;
  return {
    manifest: null,
    problems: [
      workbookProblem(
        'workbook-too-large',
        options.fileName,
        `自查表过大或过于复杂，${why}，为防止程序卡死已停止读取。请删除表格中多余的行、列、合并单元格和图片，或把内容复制到新的自查表模板中，保存后重新提交。`,
      ),
    ],
    cells: {},
  };
}
