/**
 * Template: the blank self-check workbook (自查表.xlsx) for a rubric, built from the rubric data
 * alone, so a revised rubric gets its workbook without new code (rubric.md).
 *
 * - template: the workbook as handed to alliances: 说明, 联盟信息, one group sheet per rubric
 *   group, and the very hidden `_meta` sheet that marks the file as ours.
 * - item block: the empty item rows under a list criterion's row; their number is what the
 *   criterion can score (cap ÷ points, plus two), so most alliances never insert rows.
 *
 * The layout (sheet names, column keys) is in workbook-layout.ts, which the reader uses too.
 */
import ExcelJS from 'exceljs';
import type { Cell, DataValidation, Worksheet } from 'exceljs';

import { ALLIANCE_KINDS } from '../../../shared/rubric/types.ts';
import type { Criterion, Group, Indicator, Rubric } from '../../../shared/rubric/types.ts';
import { assertNever } from '../../../shared/rubric/assert-never.ts';
import { guideLines } from './template-guide.ts';
import {
  CLAIMED_NO,
  CLAIMED_YES,
  GROUP_COLUMNS,
  HEADER_ROWS,
  INFO_COLUMNS,
  INFO_FIELDS,
  INFO_HEADER,
  INPUT_COLUMNS,
  KIND_CHOICES,
  SHEET_GUIDE,
  SHEET_INFO,
  SHEET_META,
  WORKBOOK_FORMAT,
  WORKBOOK_VERSION,
  inputColumnsFor,
} from './workbook-layout.ts';
import type { ColumnKey, InfoKey } from './workbook-layout.ts';

const FILL_INPUT = 'FFFFF2CC';
const FILL_UNUSED = 'FFEDEDED';
const FILL_INDICATOR = 'FFDDEBF7';
const FILL_HEADER = 'FFBDD7EE';
const FONT_KEY = 'FF7F7F7F';

const column = new Map<ColumnKey, number>(GROUP_COLUMNS.map((c, i) => [c.key, i + 1]));

function columnOf(key: ColumnKey): number {
  const index = column.get(key);
  if (index === undefined) throw new Error(`no column ${key}`);
  return index;
}

export interface TemplateOptions {
  /** Recorded as the workbook's creation time; a fixed value makes the output reproducible. */
  readonly created?: Date | undefined;
}

/** The template as an exceljs workbook, for callers that fill it before writing. */
export function buildTemplate(rubric: Rubric, options: TemplateOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'alliance-review';
  workbook.title = `${rubric.title} 自查表`;
  const created = options.created ?? new Date();
  workbook.created = created;
  workbook.modified = created;

  addGuideSheet(workbook, rubric);
  addInfoSheet(workbook, rubric);
  for (const group of rubric.groups) addGroupSheet(workbook, group);
  addMetaSheet(workbook, rubric);
  return workbook;
}

/** The template as the bytes of an .xlsx file. */
export async function templateBytes(rubric: Rubric, options: TemplateOptions = {}): Promise<Uint8Array> {
  const buffer = await buildTemplate(rubric, options).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function printA4(sheet: Worksheet, orientation: 'portrait' | 'landscape', titleRows?: string): void {
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows === undefined ? {} : { printTitlesRow: titleRows }),
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

function addGuideSheet(workbook: ExcelJS.Workbook, rubric: Rubric): void {
  const sheet = workbook.addWorksheet(SHEET_GUIDE, { properties: { tabColor: { argb: 'FF2F75B5' } } });
  sheet.getColumn(1).width = 120;
  for (const line of guideLines(rubric)) {
    const row = sheet.addRow([line.text]);
    const cell = row.getCell(1);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (line.heading === true) cell.font = { bold: true, size: 12 };
  }
  printA4(sheet, 'portrait');
}

function addInfoSheet(workbook: ExcelJS.Workbook, rubric: Rubric): void {
  const sheet = workbook.addWorksheet(SHEET_INFO, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: Record<keyof typeof INFO_COLUMNS, number> = { label: 16, key: 28, value: 44, hint: 60 };
  for (const [name, index] of Object.entries(INFO_COLUMNS)) sheet.getColumn(index).width = widths[name as keyof typeof INFO_COLUMNS];
  const header = sheet.getRow(1);
  INFO_HEADER.forEach((text, i) => styleHeader(header.getCell(i + 1), text));

  for (const field of INFO_FIELDS) {
    const row = sheet.addRow([]);
    row.getCell(INFO_COLUMNS.label).value = field.label;
    row.getCell(INFO_COLUMNS.label).font = { bold: true };
    const keyCell = row.getCell(INFO_COLUMNS.key);
    keyCell.value = field.key;
    keyCell.font = { color: { argb: FONT_KEY } };
    row.getCell(INFO_COLUMNS.hint).value = field.hint;
    row.getCell(INFO_COLUMNS.hint).alignment = { wrapText: true, vertical: 'top' };
    const value = row.getCell(INFO_COLUMNS.value);
    fill(value, FILL_INPUT);
    border(value);
    const validation = infoValidation(field.key, rubric);
    if (validation !== undefined) value.dataValidation = validation;
    if (field.key === 'rubric') value.value = rubric.id;
    // Typed as text so Excel keeps leading zeros and does not turn an id into a number.
    if (field.key === 'alliance.contact.phone' || field.key === 'alliance.id') value.numFmt = '@';
  }
  printA4(sheet, 'landscape');
}

function infoValidation(key: InfoKey, rubric: Rubric): DataValidation | undefined {
  switch (key) {
    case 'year':
      return {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [2000, 2100],
        showErrorMessage: true,
        errorTitle: '考核年度',
        error: '请填写四位数字的年度，如 2026。',
      };
    case 'rubric':
      return listValidation([rubric.id], '评分细则', '请勿修改评分细则。');
    case 'alliance.kind':
      return listValidation(
        ALLIANCE_KINDS.map((kind) => KIND_CHOICES[kind]),
        '联盟类型',
        '请从下拉列表中选择联盟类型。',
      );
    case 'alliance.id':
      return {
        type: 'textLength',
        operator: 'between',
        allowBlank: true,
        formulae: [1, 64],
        showErrorMessage: true,
        errorTitle: '联盟编号',
        error: '联盟编号为 1 至 64 个字母、数字、- 或 _。',
      };
    default:
      return undefined;
  }
}

function listValidation(choices: readonly string[], title: string, error: string): DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    // A list typed into the rule itself; its commas separate the choices, so none may hold one.
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorTitle: title,
    error,
  };
}

function addGroupSheet(workbook: ExcelJS.Workbook, group: Group): void {
  const sheet = workbook.addWorksheet(group.label, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROWS }] });
  GROUP_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
    const head = sheet.getRow(1).getCell(i + 1);
    styleHeader(head, c.header);
    head.note = c.help;
    const key = sheet.getRow(2).getCell(i + 1);
    key.value = c.key;
    key.font = { color: { argb: FONT_KEY }, size: 9 };
    key.alignment = { horizontal: 'center' };
    key.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_HEADER } };
  });
  for (const indicator of group.indicators) addIndicator(sheet, indicator);
  printA4(sheet, 'landscape', `1:${HEADER_ROWS}`);
}

function addIndicator(sheet: Worksheet, indicator: Indicator): void {
  const row = sheet.addRow([]);
  row.getCell(columnOf('criterion')).value = indicator.id;
  const cap = indicator.cap === null ? '加分项，不设上限' : `上限 ${indicator.cap} 分`;
  row.getCell(columnOf('label')).value = `${indicator.label}（${cap}）`;
  row.getCell(columnOf('rule')).value = indicator.rule;
  for (let c = 1; c <= GROUP_COLUMNS.length; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_INDICATOR } };
    cell.alignment = { wrapText: true, vertical: 'top' };
    border(cell);
  }
  for (const criterion of indicator.criteria) addCriterion(sheet, criterion, indicator);
}

function addCriterion(sheet: Worksheet, criterion: Criterion, indicator: Indicator): void {
  const row = sheet.addRow([]);
  row.getCell(columnOf('criterion')).value = criterion.id;
  row.getCell(columnOf('label')).value = criterion.label;
  row.getCell(columnOf('rule')).value = `${criterion.rule}${kindHint(criterion)}`;
  for (const key of ['criterion', 'label', 'rule'] as const) {
    const cell = row.getCell(columnOf(key));
    cell.alignment = { wrapText: true, vertical: 'top' };
    border(cell);
  }
  row.getCell(columnOf('label')).font = { bold: true };

  switch (criterion.kind) {
    case 'flag': {
      styleInputs(row, inputColumnsFor('flag'));
      row.getCell(columnOf('claimed')).dataValidation = listValidation([CLAIMED_YES, CLAIMED_NO], '是否申报', '请选择 是 或 否。');
      return;
    }
    case 'judged': {
      styleInputs(row, inputColumnsFor('judged'));
      const value = row.getCell(columnOf('value'));
      value.numFmt = '0.0';
      const ref = value.address;
      value.dataValidation = {
        type: 'custom',
        allowBlank: true,
        // A decimal rule cannot limit decimal places; the formula adds "one decimal at most".
        formulae: [`AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=${criterion.max},ROUND(${ref},1)=${ref})`],
        showErrorMessage: true,
        errorTitle: '自评分',
        error: `请填写 0 至 ${criterion.max} 之间的数，最多一位小数。`,
      };
      return;
    }
    case 'perItem':
    case 'perPair':
    case 'band':
    case 'tier': {
      // The criterion's own row heads its block; it takes no input of its own, but a person who
      // types an item into it anyway is read as having listed that item.
      styleInputs(row, []);
      const inputs = inputColumnsFor(criterion.kind);
      const count = itemRowCount(criterion, indicator);
      for (let i = 0; i < count; i++) {
        const item = sheet.addRow([]);
        const id = item.getCell(columnOf('criterion'));
        id.value = criterion.id;
        id.font = { color: { argb: FONT_KEY }, size: 9 };
        border(id);
        border(item.getCell(columnOf('label')));
        border(item.getCell(columnOf('rule')));
        styleInputs(item, inputs);
        const date = item.getCell(columnOf('date'));
        date.numFmt = 'yyyy-mm-dd';
        date.dataValidation = {
          type: 'date',
          operator: 'between',
          allowBlank: true,
          formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
          showErrorMessage: true,
          errorTitle: '日期',
          error: '请填写日期，如 2026-05-12。',
        };
        if (criterion.kind === 'tier') {
          item.getCell(columnOf('amountWan')).dataValidation = {
            type: 'decimal',
            operator: 'greaterThan',
            allowBlank: true,
            formulae: [0],
            showErrorMessage: true,
            errorTitle: '金额（万元）',
            error: '请填写大于 0 的金额，单位万元（5亿元 = 50000）。',
          };
        }
      }
      return;
    }
    default:
      assertNever(criterion);
  }
}

function kindHint(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'flag':
      return '';
    case 'judged':
      return `。专家评分，0–${criterion.max} 分`;
    case 'perItem':
      return criterion.cap === undefined ? '。逐项填写在下方' : `，最多 ${criterion.cap} 分。逐项填写在下方`;
    case 'perPair':
      return '。逐件填写在下方';
    case 'band':
      return '。逐个填写在下方';
    case 'tier':
      return '。逐项填写在下方，必须填写金额（万元）';
    default:
      return assertNever(criterion);
  }
}

/** Rows enough for what the criterion can score, plus two; at least 3, at most 25. */
function itemRowCount(criterion: Criterion, indicator: Indicator): number {
  let reach: number;
  switch (criterion.kind) {
    case 'perItem': {
      const cap = criterion.cap ?? indicator.cap;
      reach = cap === null ? 3 : Math.ceil(cap / criterion.points);
      break;
    }
    case 'perPair':
      reach = indicator.cap === null ? 6 : Math.ceil(indicator.cap / criterion.points) * 2;
      break;
    case 'band':
      reach = Math.max(...criterion.bands.map((band) => band.to ?? band.from));
      break;
    default:
      reach = 3;
  }
  return Math.min(25, Math.max(3, reach + 2));
}

function styleInputs(row: ExcelJS.Row, inputs: readonly ColumnKey[]): void {
  for (const key of INPUT_COLUMNS) {
    const cell = row.getCell(columnOf(key));
    fill(cell, inputs.includes(key) ? FILL_INPUT : FILL_UNUSED);
    border(cell);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (key === 'itemId' || key === 'title' || key === 'note' || key === 'evidence') cell.numFmt = '@';
  }
}

function addMetaSheet(workbook: ExcelJS.Workbook, rubric: Rubric): void {
  const sheet = workbook.addWorksheet(SHEET_META, { state: 'veryHidden' });
  sheet.addRow(['format', WORKBOOK_FORMAT]);
  sheet.addRow(['version', WORKBOOK_VERSION]);
  sheet.addRow(['rubric', rubric.id]);
}

function styleHeader(cell: Cell, text: string): void {
  cell.value = text;
  cell.font = { bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_HEADER } };
  border(cell);
}

function fill(cell: Cell, argb: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function border(cell: Cell): void {
  const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
  cell.border = { top: thin, left: thin, bottom: thin, right: thin };
}
