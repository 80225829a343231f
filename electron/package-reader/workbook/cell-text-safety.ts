/**
 * Cell text safety: the self-check workbook's cells under the rules of manifest.json's text
 * (shared/format/text-safety.ts), applied once to every cell before any is read.
 *
 * - line break: Alt+Enter inside a cell is how people wrap a long title in Excel, not part of
 *   it; each `\r\n`, `\r` or `\n` is read as one space (`cellLine`). Only the evidence column
 *   reads them as breaks, between one path and the next.
 * - any other control, bidi or zero-width character, or a lone surrogate (OOXML's `_xD800_`
 *   escape can make one): refused, `workbook-cell-invalid` naming the cell (`成果转化!C5`). The
 *   character is then dropped from the cell, so the one problem is the only one that cell gives
 *   (no "missing title" or forged-name problem after it); the package is refused either way.
 *
 * Rich text runs, hyperlink texts and formula results are checked like plain strings.
 */
import type { CellValue, Workbook } from 'exceljs';
import { describeCharacter, findUnsafeCharacter } from '../../../shared/format/text-safety.ts';
import { cellText } from './cell-value.ts';
import { workbookProblem, type WorkbookProblem } from './workbook-problem.ts';

const LINE_BREAK = /\r\n|\r|\n/g;

/** A cell's text (cell-value.ts) on one line: each line break typed in the cell read as a space. */
export function cellLine(value: CellValue): string {
  return cellText(value).replace(LINE_BREAK, ' ');
}

export function checkCellTexts(workbook: Workbook): WorkbookProblem[] {
  const problems: WorkbookProblem[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        let refused: number | null = null;
        // Line breaks stay (cellLine reads them, the evidence column splits on them); every
        // other refused character is noted and dropped.
        const fix = (text: string): string =>
          text
            .split(/(\r\n|\r|\n)/)
            .map((piece, i) => {
              if (i % 2 === 1) return piece;
              let kept = '';
              for (let rest = piece; ; ) {
                const found = findUnsafeCharacter(rest);
                if (found === null) return kept + rest;
                refused ??= found.codePoint;
                kept += rest.slice(0, found.index);
                rest = rest.slice(found.index + 1);
              }
            })
            .join('');
        const value = fixedValue(cell.value, fix);
        if (value !== cell.value) cell.value = value;
        if (refused !== null) {
          problems.push(
            workbookProblem(
              'workbook-cell-invalid',
              `${sheet.name}!${cell.address}`,
              `单元格里有${describeCharacter(refused)}：自查表的文字里不能有控制字符、改变文字方向的字符或零宽字符（单元格内换行可以，读作空格）。请删除该字符（常见于从网页或其他软件粘贴的文字，可先粘贴到记事本再复制）。`,
            ),
          );
        }
      });
    });
  });
  return problems;
}

/** `value` with `fix` applied to each piece of text in it; the same object when nothing changed. */
function fixedValue(value: CellValue, fix: (text: string) => string): CellValue {
  if (typeof value === 'string') {
    const fixed = fix(value);
    return fixed === value ? value : fixed;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) {
    const runs = value.richText.map((run) => ({ ...run, text: fix(run.text) }));
    return runs.every((run, i) => run.text === value.richText[i]?.text) ? value : { ...value, richText: runs };
  }
  if ('hyperlink' in value && typeof value.text === 'string') {
    const text = fix(value.text);
    return text === value.text ? value : { ...value, text };
  }
  if (('formula' in value || 'sharedFormula' in value) && typeof (value as { result?: unknown }).result === 'string') {
    const result = (value as { result: string }).result;
    const fixed = fix(result);
    return fixed === result ? value : ({ ...value, result: fixed } as CellValue);
  }
  return value;
}
