/**
 * Reading last year's grades from a file, for `merge --previous` and the chair's console
 * alike: a result file of any format version, or the bureau's list as .xlsx or .csv
 * (shared/result/previous-grades.ts, previous-list.ts).
 *
 * - kind, by content, never by name: a zip is a workbook; text starting with `{` is a result
 *   file; other text is a CSV list. An old .xls (an OLE file) is named as such.
 * - CSV text: UTF-8 with or without a BOM, else GBK (GB 18030, what Excel on Chinese Windows
 *   saves as "CSV (逗号分隔)"); bytes that are neither are refused rather than guessed.
 * - caps: the file at most 8 MiB (a list of alliances is a few KiB, a result some hundreds);
 *   spreadsheets are read by exceljs in a capped worker (previous-list-task.ts), as the 自查表.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseJson } from '../../shared/package/parse-json.ts';
import type { MergeProblem } from '../../shared/result/merge-problem.ts';
import type { PreviousGrades, PreviousProblem, StoredPreviousList } from '../../shared/result/previous-grades.ts';
import { previousFromResultJson } from '../../shared/result/previous-grades.ts';
import type { ListEntry } from '../../shared/result/previous-list.ts';
import { readPreviousList } from '../../shared/result/previous-list.ts';
import { runCapped, taskModule, type WorkerCaps } from '../files/capped-worker.ts';
import type { ListTaskInput, ListTaskResult } from './previous-list-task.ts';

export const MAX_PREVIOUS_FILE_BYTES = 8 * 1024 * 1024;
export const previousListCaps: WorkerCaps = { maxOldGenerationSizeMb: 256, timeoutMs: 30_000 };

export type PreviousFileKind = 'result' | StoredPreviousList['file'];

export type PreviousFileReading =
  | {
      readonly ok: true;
      readonly kind: PreviousFileKind;
      readonly previous: PreviousGrades;
      /** The file's text (a result file) to keep as it is; null for a list. */
      readonly text: string | null;
      /** A list's entries with their rows; empty for a result file. */
      readonly entries: readonly ListEntry[];
      readonly bytes: Uint8Array;
    }
  | { readonly ok: false; readonly problems: readonly MergeProblem[] };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** The CSV's text and how it was encoded, or null when it is neither UTF-8 nor GBK. */
export function decodeCsv(bytes: Uint8Array): { readonly text: string; readonly file: 'csv-utf-8' | 'csv-utf-8-bom' | 'csv-gbk' } | null {
  if (startsWith(bytes, BOM)) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), file: 'csv-utf-8-bom' };
    } catch {
      return null;
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), file: 'csv-utf-8' };
  } catch {
    // Not UTF-8: GB 18030 decodes every GBK text; fatal, so bytes that are not GBK either are refused.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), file: 'csv-gbk' };
  } catch {
    return null;
  }
}

export async function readPreviousFile(path: string, source: string, caps: WorkerCaps = previousListCaps): Promise<PreviousFileReading> {
  const fail = (problems: readonly PreviousProblem[] | string, line?: number, column?: number): PreviousFileReading => ({
    ok: false,
    problems: (typeof problems === 'string' ? [{ path: '(root)', message: problems }] : problems).map((problem) => ({
      code: 'previous-invalid' as const,
      source,
      path: problem.path,
      message: problem.message,
      line,
      column,
    })),
  });
  let bytes: Uint8Array;
  try {
    if ((await stat(path)).size > MAX_PREVIOUS_FILE_BYTES) {
      return fail(`文件超过 ${MAX_PREVIOUS_FILE_BYTES / 1024 / 1024} MiB，不像是上一年度结果或考核等级名单 (file too large)`);
    }
    bytes = await readFile(path);
  } catch (error) {
    return fail(`无法读取上一年度结果 (cannot read previous result)：${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (startsWith(bytes, OLE)) return fail('这是旧版 .xls 文件或设置了打开密码的工作簿；请另存为 .xlsx 或 .csv 后再导入');

  if (startsWith(bytes, ZIP)) return readList({ kind: 'xlsx', bytes, fileName: source }, 'xlsx', bytes, source, caps, fail);

  const decoded = decodeCsv(bytes);
  if (decoded === null) return fail('文字编码无法识别（不是 UTF-8，也不是 GBK）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入');
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(text)) {
    const json = parseJson(text);
    if (!json.ok) return fail([{ path: '(root)', message: `不是 JSON：${json.message} (not JSON)` }], json.position?.line, json.position?.column);
    const duplicate = json.duplicateKeys[0];
    if (duplicate !== undefined) return fail([{ path: duplicate.path, message: `键 ${JSON.stringify(duplicate.key)} 重复 (duplicate key)` }], duplicate.position.line, duplicate.position.column);
    const read = previousFromResultJson(json.value, source);
    if (!read.ok) return fail(read.problems);
    return { ok: true, kind: 'result', previous: read.previous, text: decoded.text, entries: [], bytes };
  }
  return readList({ kind: 'csv', text, fileName: source }, decoded.file, bytes, source, caps, fail);
}

async function readList(
  input: ListTaskInput,
  kind: StoredPreviousList['file'],
  bytes: Uint8Array,
  source: string,
  caps: WorkerCaps,
  fail: (problems: readonly PreviousProblem[] | string) => PreviousFileReading,
): Promise<PreviousFileReading> {
  const outcome = await runCapped<ListTaskResult>({ module: taskModule(import.meta.url, 'previous-list-task'), exportName: 'readListCells' }, input, caps);
  if (!outcome.ok) {
    if (outcome.reason === 'failed') return fail(`名单无法读取（${outcome.detail}）；请在 Excel 或 WPS 中重新保存为 .xlsx 或 .csv 后再导入`);
    const why = outcome.reason === 'memory' ? '读取时所需的内存超过了上限' : `读取超过了 ${Math.round(caps.timeoutMs / 1000)} 秒的时间上限`;
    return fail(`名单过大或过于复杂，${why}，为防止程序卡死已停止读取；请只保留“联盟编号”“考核等级”两列后重新保存`);
  }
  if (!outcome.value.ok) return fail(outcome.value.message);
  const list = readPreviousList(outcome.value.sheets);
  if (!list.ok) return fail(list.problems);
  const grades = Object.fromEntries(list.entries.map((entry) => [entry.allianceId, entry.grade]));
  return { ok: true, kind, previous: { source, year: null, grades }, text: null, entries: list.entries, bytes };
}
