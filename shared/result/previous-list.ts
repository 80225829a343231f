/**
 * The bureau's list of last year's grades (上一年度考核等级名单), as a spreadsheet (.xlsx, or
 * .csv as Excel saves it), read into previous grades (previous-grades.ts).
 *
 * - header row: the first row (of the first sheet that has one) holding a cell 联盟编号 and a
 *   cell 考核等级; other columns are left alone, and so are the rows above it (a title).
 * - entry: a row below the header with an alliance id and a grade 优秀 / 合格 / 不合格. A row
 *   with both cells empty is skipped.
 * - row: the spreadsheet's own row number, as Excel or WPS shows it (the first row is 1), so a
 *   refusal points at the row the clerk sees.
 *
 * Refused, with every row named: a grade that is not one of the three (or empty), an entry
 * without an alliance id, an alliance listed twice; a list with no header or no entry.
 */
import type { Grade } from '../rubric/types.ts';
import type { PreviousProblem } from './previous-grades.ts';

export const ID_HEADER = '联盟编号';
export const GRADE_HEADER = '考核等级';

const GRADE_WORDS: Readonly<Record<string, Grade>> = { 优秀: 'excellent', 合格: 'pass', 不合格: 'fail' };

export interface ListSheet {
  readonly name: string;
  /** Cell texts, row 1 first; a row may be shorter than others. */
  readonly rows: readonly (readonly string[])[];
}

export interface ListEntry {
  readonly allianceId: string;
  readonly grade: Grade;
  readonly row: number;
}

export type ListReading =
  | { readonly ok: true; readonly entries: readonly ListEntry[]; readonly sheet: string; readonly headerRow: number }
  | { readonly ok: false; readonly problems: readonly PreviousProblem[] };

/** Cell text as compared: without surrounding (also full-width) spaces. */
function clean(text: string | undefined): string {
  return (text ?? '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

export function readPreviousList(sheets: readonly ListSheet[]): ListReading {
  for (const sheet of sheets) {
    const headerIndex = sheet.rows.findIndex((row) => row.some((c) => clean(c) === ID_HEADER) && row.some((c) => clean(c) === GRADE_HEADER));
    if (headerIndex === -1) continue;
    const header = sheet.rows[headerIndex] ?? [];
    const idColumn = header.findIndex((c) => clean(c) === ID_HEADER);
    const gradeColumn = header.findIndex((c) => clean(c) === GRADE_HEADER);
    // Rows are named on their own when the workbook has one sheet; else with the sheet's name.
    const where = (row: number): string => (sheets.length > 1 ? `工作表“${sheet.name}”第 ${row} 行` : `第 ${row} 行`);
    const entries: ListEntry[] = [];
    const firstRow = new Map<string, number>();
    const problems: PreviousProblem[] = [];
    for (let index = headerIndex + 1; index < sheet.rows.length; index += 1) {
      const cells = sheet.rows[index] ?? [];
      const row = index + 1;
      const allianceId = clean(cells[idColumn]);
      const gradeText = clean(cells[gradeColumn]);
      if (allianceId === '' && gradeText === '') continue;
      if (allianceId === '') {
        problems.push({ path: where(row), message: `有考核等级“${gradeText}”但${ID_HEADER}为空；请填上联盟编号或删除这一行` });
        continue;
      }
      const grade = GRADE_WORDS[gradeText];
      if (grade === undefined) {
        const shown = gradeText === '' ? '为空' : `“${gradeText}”不是 优秀、合格、不合格 之一`;
        problems.push({ path: where(row), message: `联盟 ${allianceId} 的${GRADE_HEADER}${shown}；请改为 优秀、合格 或 不合格` });
        continue;
      }
      const first = firstRow.get(allianceId);
      if (first !== undefined) {
        problems.push({ path: where(row), message: `联盟 ${allianceId} 重复，已在${where(first)}出现；每个联盟只能列一次，请删去多余的一行` });
        continue;
      }
      firstRow.set(allianceId, row);
      entries.push({ allianceId, grade, row });
    }
    if (problems.length > 0) return { ok: false, problems };
    if (entries.length === 0) {
      return { ok: false, problems: [{ path: where(headerIndex + 1), message: `表头下面没有任何联盟；请在“${ID_HEADER}”“${GRADE_HEADER}”两列下填写上一年度每个联盟的等级` }] };
    }
    return { ok: true, entries, sheet: sheet.name, headerRow: headerIndex + 1 };
  }
  return {
    ok: false,
    problems: [{ path: '(root)', message: `找不到表头：没有一行同时有“${ID_HEADER}”和“${GRADE_HEADER}”两个单元格；请在名单的表头写上这两列的列名` }],
  };
}
