/**
 * Parsing a paper sheet file (`*.paper.json`, paper-sheet-file.ts): untrusted JSON text in, the
 * file and the paper sheet it stands for out, or every problem with it.
 *
 * The rules are a signed sheet's (shared/sheet/parse-sheet.ts), with its problem codes and
 * words: strict JSON (no duplicate keys), a strict shape, then the rules across fields (one
 * review per alliance, recusals with a reason) checked on the sheet the file stands for. The
 * packages are checked elsewhere (check-sheet-against-packages.ts, in the merge).
 */
import { parseJson } from '../package/parse-json.ts';
import type { PaperSheet } from '../result/paper-sheet.ts';
import { illFormedSheetProblem, parseUnsignedSheet, parseWithSchema } from '../sheet/parse-sheet.ts';
import type { SheetProblem } from '../sheet/sheet-problem.ts';
import { formatJsonPath, ROOT_PATH, sheetProblem } from '../sheet/sheet-problem.ts';
import type { PaperSheetFile } from './paper-sheet-file.ts';
import {
  PAPER_SHEET_FORMAT,
  PAPER_SHEET_FORMAT_VERSION,
  paperSheetFileSchema,
  paperSheetOfFile,
  unsignedSheetOfPaperFile,
} from './paper-sheet-file.ts';

export type PaperSheetParseResult =
  | { readonly ok: true; readonly file: PaperSheetFile; readonly paper: PaperSheet; readonly problems: readonly [] }
  | { readonly ok: false; readonly problems: readonly SheetProblem[] };

/** Whether a JSON value says it is a paper sheet file (any version). */
export function looksLikePaperSheet(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && (json as Record<string, unknown>)['format'] === PAPER_SHEET_FORMAT;
}

/** The text of a `*.paper.json`; `source` names it in the merge's messages. */
export function parsePaperSheetText(text: string, source: string): PaperSheetParseResult {
  const json = parseJson(text);
  const illFormed = json.ok ? undefined : json.illFormed?.strings[0];
  if (illFormed !== undefined) {
    const problem = illFormedSheetProblem(formatJsonPath(illFormed.segments), illFormed.codePoint, illFormed.isKey);
    return { ok: false, problems: [{ ...problem, ...illFormed.position }] };
  }
  if (!json.ok) {
    return { ok: false, problems: [{ ...sheetProblem('not-json', ROOT_PATH, `不是 JSON：${json.message} (not JSON)`), ...json.position }] };
  }
  const duplicate = json.duplicateKeys[0];
  if (duplicate !== undefined) {
    return {
      ok: false,
      problems: [
        {
          ...sheetProblem('duplicate-key', duplicate.path, `${duplicate.path}: 键 ${JSON.stringify(duplicate.key)} 重复出现，无法确定以哪个为准 (duplicate key)`),
          ...duplicate.position,
        },
      ],
    };
  }
  return parsePaperSheet(json.value, source);
}

export function parsePaperSheet(json: unknown, source: string): PaperSheetParseResult {
  if (!looksLikePaperSheet(json)) {
    return {
      ok: false,
      problems: [sheetProblem('not-a-sheet', ROOT_PATH, `不是纸质评分表：format 应为 "${PAPER_SHEET_FORMAT}" (not a paper sheet)`)],
    };
  }
  const version = (json as Record<string, unknown>)['version'];
  if (version !== undefined && version !== PAPER_SHEET_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        sheetProblem(
          'sheet-wrong-version',
          'version',
          `纸质评分表格式版本 ${JSON.stringify(version)} 本程序不能读取，只能读取版本 ${PAPER_SHEET_FORMAT_VERSION} (unsupported paper sheet version)`,
        ),
      ],
    };
  }
  const parsed = parseWithSchema(json, paperSheetFileSchema);
  if (!parsed.ok) return parsed;
  // The rules across fields are the sheet's; the paths (reviews[i]…, expert.…) are the same in both.
  const sheet = parseUnsignedSheet(unsignedSheetOfPaperFile(parsed.value));
  if (!sheet.ok) return sheet;
  return { ok: true, file: parsed.value, paper: paperSheetOfFile(parsed.value, source), problems: [] };
}
