/**
 * Previous grades (上一年度考核等级): what a merge needs of last year, for `disqualify`
 * (rubric.md decision 12): each alliance's grade, and the year they are of.
 *
 * - previous result: last year's result file, of any format version: only `format`, `year`,
 *   and each alliance's `allianceId` and `grade` are read, everything else is left alone, so a
 *   result written by a later version of the program still serves (sheets-and-results.md).
 * - bureau list: the bureau's own list of grades as a spreadsheet (previous-list.ts), which
 *   names no year: it is taken as the year before the meeting's (`year: null` here).
 * - stored list: a bureau list as the chair's console keeps it, a small JSON document of its
 *   own format (`alliance-review/previous-list`), since an .xlsx file is not text.
 */
import type { Grade } from '../rubric/types.ts';
import { formatJsonPath } from '../sheet/sheet-problem.ts';
import { RESULT_FORMAT } from './result-schema.ts';

export interface PreviousGrades {
  /** The file, for messages. */
  readonly source: string;
  /** The year the grades are of; null for a bureau list, taken as the year before the merge's. */
  readonly year: number | null;
  /** Alliance id → grade; null for an alliance nobody could grade (every expert recused). */
  readonly grades: Readonly<Record<string, Grade | null>>;
}

/** Where in the file a problem is (`alliances[2].grade`, `第 5 行`) and what it is, in Chinese. */
export interface PreviousProblem {
  readonly path: string;
  readonly message: string;
}

export type PreviousReading = { readonly ok: true; readonly previous: PreviousGrades } | { readonly ok: false; readonly problems: readonly PreviousProblem[] };

const GRADES: readonly string[] = ['excellent', 'pass', 'fail'] satisfies readonly Grade[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A previous result of any format version (see the module comment), from its parsed JSON. */
export function previousFromResultJson(value: unknown, source: string): PreviousReading {
  const fail = (path: (string | number)[], message: string): PreviousReading => ({ ok: false, problems: [{ path: formatJsonPath(path), message }] });
  if (!isRecord(value) || value['format'] !== RESULT_FORMAT) {
    return fail(['format'], `不是汇总结果文件：应有 "format": "${RESULT_FORMAT}" (not a result file)`);
  }
  const version = value['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(['version'], '格式版本 version 应为正整数');
  const year = value['year'];
  if (typeof year !== 'number' || !Number.isInteger(year)) return fail(['year'], '年度 year 应为整数');
  const alliances = value['alliances'];
  if (!Array.isArray(alliances)) return fail(['alliances'], '缺少联盟列表 alliances');
  const grades: Record<string, Grade | null> = {};
  const seen = new Map<string, number>();
  const problems: PreviousProblem[] = [];
  for (const [i, alliance] of alliances.entries()) {
    const id = isRecord(alliance) ? alliance['allianceId'] : undefined;
    const grade = isRecord(alliance) ? alliance['grade'] : undefined;
    if (typeof id !== 'string' || id.trim() === '') {
      problems.push({ path: formatJsonPath(['alliances', i, 'allianceId']), message: '联盟编号 allianceId 应为非空文字' });
      continue;
    }
    if (grade !== null && !(typeof grade === 'string' && GRADES.includes(grade))) {
      problems.push({ path: formatJsonPath(['alliances', i, 'grade']), message: `考核等级 grade 应为 excellent、pass、fail 或 null，实际是 ${JSON.stringify(grade) ?? '（缺少）'}` });
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ path: formatJsonPath(['alliances', i, 'allianceId']), message: `联盟 ${id} 重复出现（第一次在 alliances[${first}]）` });
      continue;
    }
    seen.set(id, i);
    grades[id] = grade as Grade | null;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, previous: { source, year, grades } };
}

/** `alliance-review/previous-list`: a bureau list as the console stores it. */
export const PREVIOUS_LIST_FORMAT = 'alliance-review/previous-list' as const;

export interface StoredPreviousList {
  readonly format: typeof PREVIOUS_LIST_FORMAT;
  readonly version: 1;
  /** The year it was taken as: the year before the meeting's, at import. */
  readonly year: number;
  /** What the file was: an Excel workbook or a CSV text, with the encoding it was read in. */
  readonly file: 'xlsx' | 'csv-utf-8' | 'csv-utf-8-bom' | 'csv-gbk';
  /** Spreadsheet rows, as the person sees them (the first row is 1), with each alliance's grade. */
  readonly alliances: readonly { readonly allianceId: string; readonly grade: Grade; readonly row: number }[];
}

const LIST_FILES: readonly string[] = ['xlsx', 'csv-utf-8', 'csv-utf-8-bom', 'csv-gbk'] satisfies readonly StoredPreviousList['file'][];

/** A stored list read back, with what the file was; null when the value is not one (then it is no list the console wrote). */
export function previousFromStoredList(value: unknown, source: string): { readonly previous: PreviousGrades; readonly file: StoredPreviousList['file'] } | null {
  if (!isRecord(value) || value['format'] !== PREVIOUS_LIST_FORMAT || value['version'] !== 1) return null;
  const { year, alliances, file } = value;
  if (typeof year !== 'number' || !Array.isArray(alliances) || !(typeof file === 'string' && LIST_FILES.includes(file))) return null;
  const grades: Record<string, Grade> = {};
  for (const alliance of alliances) {
    if (!isRecord(alliance) || typeof alliance['allianceId'] !== 'string' || typeof alliance['grade'] !== 'string' || !GRADES.includes(alliance['grade'])) return null;
    grades[alliance['allianceId']] = alliance['grade'] as Grade;
  }
  return { previous: { source, year, grades }, file: file as StoredPreviousList['file'] };
}
