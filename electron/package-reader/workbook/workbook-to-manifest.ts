/**
 * Workbook to manifest: a filled self-check workbook (自查表.xlsx) turned into the manifest
 * object it stands for, so a package whose root holds the workbook instead of manifest.json
 * imports exactly as the equivalent manifest.
 *
 * - conversion: the manifest object (what manifest.json would hold, before validation), the
 *   workbook problems, and `cells`: for every manifest path the converter filled, the cell it
 *   came from, so the manifest validator's problems can be shown at cells too.
 * - empty row: a row with nothing in its input columns (an item number alone counts as
 *   nothing, so a block numbered in advance stays empty); skipped.
 * - automatic item id: `row-<n>`, the row number, for an item whose 事项编号 is empty.
 *
 * The layout is in workbook-layout.ts. Only what is particular to the workbook is checked
 * here (see workbook-problem.ts); the manifest's own rules are the validator's.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Row, Worksheet } from 'exceljs';

import { workbookEvidenceReference } from '../../../shared/package/evidence-reference.ts';
import { formatJsonPath } from '../../../shared/package/json-path.ts';
import type { JsonPathSegment } from '../../../shared/package/json-path.ts';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '../../../shared/package/manifest.ts';
import type { AllianceContact } from '../../../shared/package/manifest.ts';
import { assertNever } from '../../../shared/rubric/assert-never.ts';
import { indexRubric } from '../../../shared/rubric/rubric-index.ts';
import { ALLIANCE_KINDS } from '../../../shared/rubric/types.ts';
import type { AllianceKind, Claim, ClaimItem, Criterion, FlagClaim, JudgedClaim, Rubric } from '../../../shared/rubric/types.ts';
// Every text is read on one line (a typed line break is a space), but for the evidence column.
import { cellLine as cellText, checkCellTexts } from './cell-text-safety.ts';
import { cellDate, cellNumber, cellText as cellTextWithBreaks, cellWholeNumber } from './cell-value.ts';
import { checkWorkbookZip, defaultWorkbookLimits } from './check-workbook-zip.ts';
import type { WorkbookLimits, WorkbookZipCheck } from './check-workbook-zip.ts';
import { normalizeXlsx } from './normalize-xlsx.ts';
import { extentMessage } from './extent-message.ts';
import { workbookProblem } from './workbook-problem.ts';
import type { WorkbookProblem, WorkbookProblemCode } from './workbook-problem.ts';
import {
  CLAIMED_NO,
  CLAIMED_YES,
  EVIDENCE_SEPARATOR,
  GROUP_COLUMNS,
  INFO_COLUMNS,
  INFO_FIELDS,
  INFO_HEADER,
  INPUT_COLUMNS,
  KIND_CHOICES,
  SHEET_INFO,
  SHEET_META,
  WORKBOOK_FILE_NAME,
  WORKBOOK_FORMAT,
  WORKBOOK_VERSION,
  inputColumnsFor,
} from './workbook-layout.ts';
import type { ColumnKey, InfoKey } from './workbook-layout.ts';

/** What manifest.json would hold; fields the workbook leaves empty are absent. */
export interface WorkbookManifest {
  format: typeof PACKAGE_FORMAT;
  version: typeof PACKAGE_FORMAT_VERSION;
  year?: number;
  rubric?: string;
  alliance: {
    id?: string;
    name?: string;
    kind?: AllianceKind;
    leadOrganization?: string;
    contact?: AllianceContact;
  };
  selfReport?: string;
  claims: Record<string, Claim>;
}

export interface WorkbookConversion {
  /** Null when the file is not a workbook that can be read at all. */
  readonly manifest: WorkbookManifest | null;
  readonly problems: readonly WorkbookProblem[];
  /** Manifest path (`claims.I4.techContracts.items[0].date`) → cell (`联盟工作任务!H14`). */
  readonly cells: Readonly<Record<string, string>>;
}

export interface WorkbookOptions {
  /** The workbook's path in the package, for problems about the whole file. */
  readonly fileName?: string | undefined;
  readonly limits?: WorkbookLimits | undefined;
}

export async function workbookToManifest(bytes: Uint8Array, rubric: Rubric, options: WorkbookOptions = {}): Promise<WorkbookConversion> {
  const fileName = options.fileName ?? WORKBOOK_FILE_NAME;
  const checked = await checkWorkbookZip(bytes, options.limits ?? defaultWorkbookLimits);
  if (!checked.ok) {
    const code: WorkbookProblemCode =
      checked.reason === 'too-large' ? 'workbook-too-large' : checked.reason === 'too-many-cells' ? 'workbook-range-too-large' : 'workbook-unreadable';
    return { manifest: null, problems: [workbookProblem(code, fileName, workbookRefusal(checked, fileName))], cells: {} };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const normalized = await normalizeXlsx(bytes);
    await workbook.xlsx.load(Buffer.from(normalized.buffer, normalized.byteOffset, normalized.byteLength) as unknown as ArrayBuffer);
  } catch {
    return { manifest: null, problems: [workbookProblem('workbook-unreadable', fileName, unreadableMessage('damaged'))], cells: {} };
  }
  return new Conversion(workbook, rubric, fileName).run();
}

/** Why a workbook was refused before exceljs read it, for the alliance. */
export function workbookRefusal(checked: WorkbookZipCheck & { ok: false }, fileName: string): string {
  if (checked.reason === 'too-many-cells') return extentMessage(fileName, checked.excess, checked.sheet);
  if (checked.reason === 'opendocument') {
    return `“${fileName}”实际上是 OpenDocument 表格（.ods，LibreOffice 或 WPS 的格式），只是扩展名改成了 .xlsx。请用 Excel、WPS 或 LibreOffice 打开它，“另存为” Excel 工作簿（*.xlsx）后再放进材料包。`;
  }
  return unreadableMessage(checked.reason);
}

function unreadableMessage(reason: 'not-xlsx' | 'legacy-or-encrypted' | 'damaged' | 'too-large'): string {
  switch (reason) {
    case 'not-xlsx':
      return '自查表不是 Excel 工作簿（.xlsx）文件。请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（*.xlsx）。';
    case 'legacy-or-encrypted':
      return '自查表是旧版 .xls 文件或设置了打开密码，无法读取。请取消密码，并“另存为” Excel 工作簿（*.xlsx）。';
    case 'damaged':
      return '自查表文件已损坏，无法读取。请重新保存或重新制作自查表。';
    case 'too-large':
      return '自查表文件解压后过大（可能粘贴了大量图片）。请把图片作为证明材料文件放进材料包，从表格中删除。';
  }
}

type Place = { readonly sheet: Worksheet; readonly row: number; readonly column: number };

function cellRef(place: Place): string {
  return `${place.sheet.name}!${columnLetters(place.column)}${place.row}`;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

class Conversion {
  private readonly problems: WorkbookProblem[] = [];
  private readonly cells: Record<string, string> = {};
  private readonly claims = new Map<string, Claim>();
  /** Where each flag or judged claim was made, to report a second row for the same criterion. */
  private readonly claimRows = new Map<string, string>();
  private readonly items = new Map<string, ClaimItem[]>();
  /** Set when the workbook lacks what every field is read by: no manifest is made, only its problems. */
  private unreadable = false;
  private readonly workbook: ExcelJS.Workbook;
  private readonly rubric: Rubric;
  private readonly fileName: string;

  constructor(workbook: ExcelJS.Workbook, rubric: Rubric, fileName: string) {
    this.workbook = workbook;
    this.rubric = rubric;
    this.fileName = fileName;
  }

  run(): WorkbookConversion {
    // First, so every cell read below holds text the manifest's rules allow (cell-text-safety.ts).
    this.problems.push(...checkCellTexts(this.workbook));
    this.checkMeta();
    const manifest: WorkbookManifest = { format: PACKAGE_FORMAT, version: PACKAGE_FORMAT_VERSION, alliance: {}, claims: {} };
    this.readInfo(manifest);
    for (const group of this.rubric.groups) {
      const sheet = this.workbook.getWorksheet(group.label);
      if (sheet === undefined) {
        this.add('workbook-sheet-missing', this.fileName, `自查表缺少工作表“${group.label}”。请使用本程序生成的自查表模板填写，不要删除或改名工作表。`);
        continue;
      }
      this.readGroupSheet(sheet);
    }
    // Claims in rubric order, whatever order the rows were in, so equal workbooks give equal manifests.
    for (const { criterion } of indexRubric(this.rubric).criteria.values()) {
      const claim = this.claims.get(criterion.id);
      const items = this.items.get(criterion.id);
      if (claim !== undefined) manifest.claims[criterion.id] = claim;
      else if (items !== undefined) manifest.claims[criterion.id] = { items };
    }
    if (this.unreadable) return { manifest: null, problems: this.problems, cells: {} };
    return { manifest: inManifestOrder(manifest), problems: this.problems, cells: this.cells };
  }

  /**
   * An input cell holding a formula is refused: its value is the result Excel cached when it was
   * last saved, which Excel or WPS may recalculate to something else on the next open, so the
   * package would not say what the alliance sees. True when the cell was refused.
   */
  private refuseFormula(value: CellValue, place: Place): boolean {
    if (value === null || typeof value !== 'object' || value instanceof Date) return false;
    if (!('formula' in value) && !('sharedFormula' in value)) return false;
    const formula = 'formula' in value && typeof value.formula === 'string' ? `（=${value.formula}）` : '';
    this.add(
      'workbook-cell-formula',
      cellRef(place),
      `单元格 ${cellRef(place)} 是公式${formula}，自查表的填写栏只能填写值：公式的结果在重新打开时可能被重新计算成别的值。请把它换成要申报的值（复制后“选择性粘贴 → 值”）。`,
    );
    return true;
  }

  private add(code: WorkbookProblemCode, path: string, message: string, field?: string): void {
    this.problems.push(workbookProblem(code, path, message, field));
  }

  private locate(path: readonly JsonPathSegment[], place: Place): void {
    this.cells[formatJsonPath(path)] = cellRef(place);
  }

  /* ---------------------------------------------------------------------------------------- */

  private checkMeta(): void {
    // A workbook rebuilt by hand or by another tool may lack the hidden sheet; its content
    // still decides. A marker that is there and says otherwise is someone else's workbook.
    const sheet = this.workbook.getWorksheet(SHEET_META);
    if (sheet === undefined) return;
    const values = new Map<string, CellValue>();
    sheet.eachRow((row) => values.set(cellText(row.getCell(1).value), row.getCell(2).value));
    const format = cellText(values.get('format') ?? null);
    const version = cellWholeNumber(values.get('version') ?? null);
    if (format !== WORKBOOK_FORMAT || !version.ok || version.value > WORKBOOK_VERSION) {
      this.add(
        'workbook-wrong-format',
        this.fileName,
        `自查表的格式（${format || '未知'} 版本 ${version.ok ? version.value : '未知'}）不是本程序能读取的（${WORKBOOK_FORMAT} 版本 ${WORKBOOK_VERSION}）。请用本程序的 template 命令生成的自查表填写。`,
      );
    }
  }

  /* ---------------------------------------------------------------------------------------- */

  private readInfo(manifest: WorkbookManifest): void {
    const sheet = this.workbook.getWorksheet(SHEET_INFO);
    if (sheet === undefined) {
      this.add('workbook-sheet-missing', this.fileName, `自查表缺少工作表“${SHEET_INFO}”。请使用本程序生成的自查表模板填写，不要删除或改名工作表。`);
      return;
    }
    const keys = new Set<string>(INFO_FIELDS.map((field) => field.key));
    const seen = new Map<string, string>();
    sheet.eachRow((row, rowNumber) => {
      // The key is the first cell of the row that holds one; the value is the next cell.
      for (let column = 1; column <= row.cellCount; column++) {
        const key = cellText(row.getCell(column).value);
        if (!keys.has(key)) continue;
        const place: Place = { sheet, row: rowNumber, column: column + 1 };
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          this.add('workbook-field-duplicate', cellRef({ sheet, row: rowNumber, column }), `“${key}”填写了两次（另一处在 ${earlier}）。请删除多余的一行。`, key);
        } else {
          seen.set(key, cellRef(place));
          const value = row.getCell(column + 1).value;
          if (!this.refuseFormula(value, place)) this.readInfoValue(manifest, key as InfoKey, value, place);
        }
        return;
      }
    });
    if (seen.size === 0) {
      // Without the key column no field can be found: said once, not as every field missing.
      this.unreadable = true;
      this.add(
        'workbook-header-missing',
        SHEET_INFO,
        `工作表“${SHEET_INFO}”找不到“${INFO_HEADER[1]}”列（第 1 行表头的第 ${INFO_COLUMNS.key} 列，其下各行写着 year、alliance.id 等英文键），所以读不出任何联盟信息。请不要删除或修改这一列，可从新生成的自查表模板中复制回来。`,
      );
      return;
    }
    for (const field of INFO_FIELDS) {
      const ref = seen.get(field.key);
      if (ref !== undefined) this.cells[field.key] = ref;
    }
    if (this.cells['alliance.contact.name'] !== undefined) this.cells['alliance.contact'] = this.cells['alliance.contact.name'];
    if (this.cells['alliance.id'] !== undefined) this.cells['alliance'] = this.cells['alliance.id'];
  }

  private readInfoValue(manifest: WorkbookManifest, key: InfoKey, value: CellValue, place: Place): void {
    const text = cellText(value);
    if (text === '') return;
    const ref = cellRef(place);
    switch (key) {
      case 'year': {
        const year = cellWholeNumber(value);
        if (year.ok) manifest.year = year.value;
        else this.add('workbook-cell-invalid', ref, `考核年度“${text}”不是年份。请填写四位数字，如 2026。`, key);
        return;
      }
      case 'rubric':
        manifest.rubric = text;
        if (text !== this.rubric.id) {
          this.add('workbook-rubric-mismatch', ref, `自查表的评分细则是“${text}”，本次考核使用“${this.rubric.id}”。请使用本次考核的自查表模板。`);
        }
        return;
      case 'alliance.id':
        manifest.alliance.id = text;
        return;
      case 'alliance.name':
        manifest.alliance.name = text;
        return;
      case 'alliance.kind': {
        const kind = kindOf(text);
        if (kind !== undefined) manifest.alliance.kind = kind;
        else {
          const choices = ALLIANCE_KINDS.map((k) => `“${KIND_CHOICES[k]}”`).join('、');
          this.add('workbook-cell-invalid', ref, `联盟类型“${text}”无法识别。请从下拉列表中选择：${choices}。`, key);
        }
        return;
      }
      case 'alliance.leadOrganization':
        manifest.alliance.leadOrganization = text;
        return;
      case 'alliance.contact.name':
        manifest.alliance.contact = { ...manifest.alliance.contact, name: text };
        return;
      case 'alliance.contact.phone':
        manifest.alliance.contact = { ...manifest.alliance.contact, phone: text };
        return;
      case 'selfReport':
        manifest.selfReport = text;
        return;
      default:
        assertNever(key);
    }
  }

  /* ---------------------------------------------------------------------------------------- */

  private readGroupSheet(sheet: Worksheet): void {
    const header = findKeyRow(sheet);
    if (header === undefined) {
      this.add('workbook-header-missing', sheet.name, `工作表“${sheet.name}”找不到表头（第二行的英文列名 criterion、claimed、evidence……）。请不要修改或删除表头。`);
      return;
    }
    const missing = (['criterion', ...INPUT_COLUMNS] as const).filter((key) => !header.columns.has(key));
    if (missing.length > 0) {
      this.add('workbook-header-missing', sheet.name, `工作表“${sheet.name}”的表头缺少列 ${missing.join('、')}。请不要修改或删除表头。`);
      return;
    }
    const index = indexRubric(this.rubric);
    const col = (key: ColumnKey): number => header.columns.get(key) ?? 0;
    // The criterion a row belongs to when its own criterion cell is empty; null after an
    // indicator heading, undefined after an unknown id (whose rows were already reported).
    let current: Criterion | null | undefined = null;
    for (let rowNumber = header.row + 1; rowNumber <= sheet.rowCount; rowNumber++) {
      const row = sheet.getRow(rowNumber);
      const idText = cellText(row.getCell(col('criterion')).value);
      const filled = INPUT_COLUMNS.filter((key) => key !== 'itemId' && cellText(row.getCell(col(key)).value) !== '');
      if (idText !== '') {
        const placement = index.criteria.get(idText);
        if (placement !== undefined) current = placement.criterion;
        else if (index.indicators.has(idText)) current = null;
        else {
          current = undefined;
          if (filled.length > 0) {
            this.add(
              'workbook-criterion-unknown',
              cellRef({ sheet, row: rowNumber, column: col('criterion') }),
              `评分项编号“${idText}”不是评分细则 ${this.rubric.id} 中的评分项，这一行无法计入。请恢复模板中的编号。`,
            );
          }
        }
      }
      if (filled.length === 0) continue;
      if (current === undefined) continue;
      const formulas = INPUT_COLUMNS.filter((key) => this.refuseFormula(row.getCell(col(key)).value, { sheet, row: rowNumber, column: col(key) }));
      if (formulas.length > 0) continue;
      if (current === null) {
        this.add(
          'workbook-row-orphan',
          cellRef({ sheet, row: rowNumber, column: col(filled[0] ?? 'criterion') }),
          '这一行不属于任何评分项（在考核指标标题行上或表头下方），内容无法计入。请把内容填到对应评分项的行中。',
        );
        continue;
      }
      this.readRow(sheet, row, rowNumber, current, col, filled);
    }
  }

  private readRow(sheet: Worksheet, row: Row, rowNumber: number, criterion: Criterion, col: (key: ColumnKey) => number, filled: readonly ColumnKey[]): void {
    const place = (key: ColumnKey): Place => ({ sheet, row: rowNumber, column: col(key) });
    const value = (key: ColumnKey): CellValue => row.getCell(col(key)).value;
    const applicable = inputColumnsFor(criterion.kind);
    for (const key of filled) {
      if (applicable.includes(key)) continue;
      this.add('workbook-cell-ignored', cellRef(place(key)), `评分项 ${criterion.id}（${criterion.label}）不使用“${columnName(key)}”列，此处内容已忽略。`);
    }
    switch (criterion.kind) {
      case 'flag':
        this.readFlag(criterion, value, place, filled);
        return;
      case 'judged':
        this.readJudged(criterion, value, place, filled);
        return;
      case 'perItem':
      case 'perPair':
      case 'band':
      case 'tier':
        this.readItem(criterion, rowNumber, value, place, filled);
        return;
      default:
        assertNever(criterion);
    }
  }

  private firstClaim(criterion: Criterion, ref: string): boolean {
    const earlier = this.claimRows.get(criterion.id);
    if (earlier !== undefined) {
      this.add('workbook-claim-duplicate', ref, `评分项 ${criterion.id}（${criterion.label}）已在 ${earlier} 填写，这一行重复。请只保留一行。`);
      return false;
    }
    this.claimRows.set(criterion.id, ref);
    return true;
  }

  private readFlag(criterion: Criterion, value: (key: ColumnKey) => CellValue, place: (key: ColumnKey) => Place, filled: readonly ColumnKey[]): void {
    if (!filled.some((key) => inputColumnsFor('flag').includes(key))) return;
    const base = ['claims', criterion.id] as const;
    if (!this.firstClaim(criterion, cellRef(place('claimed')))) return;
    const claimedText = cellText(value('claimed'));
    const claimed = claimedOf(value('claimed'));
    if (claimedText === '') {
      this.add(
        'workbook-flag-unanswered',
        cellRef(place('claimed')),
        `评分项 ${criterion.id}（${criterion.label}）填写了说明或证明材料，但“是否申报”为空。请选择 是 或 否。`,
        formatJsonPath(base),
      );
      return;
    }
    if (claimed === undefined) {
      this.add('workbook-cell-invalid', cellRef(place('claimed')), `“是否申报”应为 是 或 否，这里是“${claimedText}”。`, formatJsonPath(base));
      return;
    }
    const note = cellText(value('note'));
    const claim: FlagClaim = { claimed, ...(note === '' ? {} : { note }), evidence: evidenceOf(value('evidence')) };
    this.claims.set(criterion.id, claim);
    this.locate(base, place('claimed'));
    this.locate([...base, 'claimed'], place('claimed'));
    if (note !== '') this.locate([...base, 'note'], place('note'));
    this.locateEvidence([...base, 'evidence'], claim.evidence, place('evidence'));
  }

  private readJudged(criterion: Criterion, value: (key: ColumnKey) => CellValue, place: (key: ColumnKey) => Place, filled: readonly ColumnKey[]): void {
    if (!filled.some((key) => inputColumnsFor('judged').includes(key))) return;
    const base = ['claims', criterion.id] as const;
    if (!this.firstClaim(criterion, cellRef(place('value')))) return;
    const text = cellText(value('value'));
    const evidence = evidenceOf(value('evidence'));
    let claim: JudgedClaim = evidence.length > 0 ? { evidence } : {};
    if (text !== '') {
      const number = cellNumber(value('value'));
      if (number.ok) {
        // The validator checks the range and the one decimal, at this cell (see `cells`).
        claim = { value: number.value, ...claim };
        this.locate([...base, 'value'], place('value'));
      } else {
        this.add('workbook-cell-invalid', cellRef(place('value')), `自评分“${text}”不是数字。请填写 0 至满分之间的数，最多一位小数。`, formatJsonPath([...base, 'value']));
      }
    }
    this.claims.set(criterion.id, claim);
    this.locate(base, place('value'));
    this.locateEvidence([...base, 'evidence'], evidence, place('evidence'));
  }

  private readItem(
    criterion: Criterion,
    rowNumber: number,
    value: (key: ColumnKey) => CellValue,
    place: (key: ColumnKey) => Place,
    filled: readonly ColumnKey[],
  ): void {
    const applicable = inputColumnsFor(criterion.kind);
    if (!filled.some((key) => applicable.includes(key))) return;
    const items = this.items.get(criterion.id) ?? [];
    this.items.set(criterion.id, items);
    const base = ['claims', criterion.id, 'items', items.length] as const;
    const field = (name: string): string => formatJsonPath([...base, name]);

    const idText = cellText(value('itemId'));
    const title = cellText(value('title'));
    const note = cellText(value('note'));
    const dateText = cellText(value('date'));
    let date: string | undefined;
    if (dateText !== '') {
      const reading = cellDate(value('date'));
      if (reading.ok) date = reading.value;
      else this.add('workbook-cell-invalid', cellRef(place('date')), `日期“${dateText}”无法识别。请写成 2026-05-12 的形式。`, field('date'));
    }
    let amountWan: number | undefined;
    const amountText = criterion.kind === 'tier' ? cellText(value('amountWan')) : '';
    if (amountText !== '') {
      const reading = cellNumber(value('amountWan'));
      if (reading.ok) amountWan = reading.value;
      else this.add('workbook-cell-invalid', cellRef(place('amountWan')), `金额“${amountText}”不是数字。请填写以万元为单位的数字，如 5亿元填 50000。`, field('amountWan'));
    }
    // Keys in the order manifest.json lists them, so a converted manifest reads like a written
    // one. An empty title is left out for the validator to report ("title missing") at its cell.
    const ordered = {
      id: idText === '' ? `row-${rowNumber}` : idText,
      ...(title === '' ? {} : { title }),
      ...(date === undefined ? {} : { date }),
      ...(note === '' ? {} : { note }),
      ...(amountWan === undefined ? {} : { amountWan }),
      evidence: evidenceOf(value('evidence')),
    } as ClaimItem;
    items.push(ordered);

    this.locate(base, place('title'));
    this.locate([...base, 'id'], place('itemId'));
    this.locate([...base, 'title'], place('title'));
    this.locate([...base, 'date'], place('date'));
    this.locate([...base, 'note'], place('note'));
    if (criterion.kind === 'tier') this.locate([...base, 'amountWan'], place('amountWan'));
    this.locateEvidence([...base, 'evidence'], ordered.evidence, place('evidence'));
    if (items.length === 1) this.locate(['claims', criterion.id], place('title'));
  }

  private locateEvidence(path: readonly JsonPathSegment[], evidence: readonly string[], place: Place): void {
    this.locate(path, place);
    evidence.forEach((_, i) => this.locate([...path, i], place));
  }
}

/** The keys in the order package-format.md lists them, so a converted manifest reads like a written one. */
function inManifestOrder(manifest: WorkbookManifest): WorkbookManifest {
  const { format, version, year, rubric, alliance, selfReport, claims } = manifest;
  const { id, name, kind, leadOrganization, contact } = alliance;
  return {
    format,
    version,
    ...(year === undefined ? {} : { year }),
    ...(rubric === undefined ? {} : { rubric }),
    alliance: {
      ...(id === undefined ? {} : { id }),
      ...(name === undefined ? {} : { name }),
      ...(kind === undefined ? {} : { kind }),
      ...(leadOrganization === undefined ? {} : { leadOrganization }),
      ...(contact === undefined
        ? {}
        : {
            contact: {
              ...(contact.name === undefined ? {} : { name: contact.name }),
              ...(contact.phone === undefined ? {} : { phone: contact.phone }),
            },
          }),
    },
    ...(selfReport === undefined ? {} : { selfReport }),
    claims,
  };
}

interface KeyRow {
  readonly row: number;
  readonly columns: ReadonlyMap<ColumnKey, number>;
}

const COLUMN_KEYS: ReadonlySet<string> = new Set<ColumnKey>(['criterion', 'label', 'rule', ...INPUT_COLUMNS]);

/** The header row of English column keys, among the first rows of the sheet. */
function findKeyRow(sheet: Worksheet): KeyRow | undefined {
  for (let rowNumber = 1; rowNumber <= Math.min(10, sheet.rowCount); rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const columns = new Map<ColumnKey, number>();
    row.eachCell((cell, column) => {
      const key = cellText(cell.value);
      if (COLUMN_KEYS.has(key) && !columns.has(key as ColumnKey)) columns.set(key as ColumnKey, column);
    });
    if (columns.has('criterion')) return { row: rowNumber, columns };
  }
  return undefined;
}

function kindOf(text: string): AllianceKind | undefined {
  const compact = text.replace(/\s+/g, ' ').trim();
  for (const kind of ALLIANCE_KINDS) {
    const choice = KIND_CHOICES[kind];
    const chinese = choice.slice(0, choice.lastIndexOf(' '));
    if (compact === choice || compact === kind || compact === chinese) return kind;
  }
  return undefined;
}

function claimedOf(value: CellValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = cellText(value).toLowerCase();
  if ([CLAIMED_YES, 'y', 'yes', 'true', '1', '√', '✓'].includes(text)) return true;
  if ([CLAIMED_NO, 'n', 'no', 'false', '0', '×'].includes(text)) return false;
  return undefined;
}

/** The cell's references in the manifest's form: `a.pdf 第3页` is read as `a.pdf#page=3`. */
function evidenceOf(value: CellValue): string[] {
  return cellTextWithBreaks(value)
    .split(EVIDENCE_SEPARATOR)
    .map((path) => path.trim())
    .filter((path) => path !== '')
    .map(workbookEvidenceReference);
}

function columnName(key: ColumnKey): string {
  return GROUP_COLUMNS.find((column) => column.key === key)?.header ?? key;
}
